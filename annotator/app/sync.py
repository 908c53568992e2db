"""Two-way sync of a project with a Label Studio project, over its REST API (plain HTTP, `Authorization: Token`).

Push: documents the server lacks become tasks (bulk import; our document id and content hash in the task
data), pending suggestions their predictions, each annotator's accepted spans an annotation. Pull: tasks
changed on the server since the last sync (the task filter on `updated_at`). Every document changed on either
side is merged span by span against the state both sides last agreed on (store/sync.py): a change made on one
side only goes to the other, a span changed differently on both is a conflict, kept on each side and listed.
Offsets are checked both ways; a bad span is reported, never stored. What is done is recorded after each
step, so a sync stopped halfway ends, run again, where an uninterrupted one would. The token lives in the
user's config folder (mode 0600), never in the project, and is never printed.
"""
from __future__ import annotations

import hashlib
import http.client
import json
import os
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from email.utils import parsedate_to_datetime
from pathlib import Path

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.model import Document, Span
from annotator.export.labelstudio import MODEL_VERSION, labeling_config, task
from annotator.ingest.corrections import merge, said
from annotator.ingest.tasks import annotator_of, parse_tasks
from annotator.store.locations import config_dir_path
from annotator.store.project import Project
from annotator.store.settings import ProjectSettings, SyncTarget
from annotator.store.sync import Conflict, Place, Spans, Synced, SyncStore

SUPPORTED = ((1, 20), (2, 0))  # Label Studio releases this client speaks to: from 1.20 up to, not including, 2.0
BATCH = 1000  # tasks per import call (Label Studio takes far more; a batch is also what a resumed sync redoes)
PAGE = 1000  # tasks per page when listing
TOKENS = "labelstudio-tokens.json"  # in the user's config folder: server URL -> token

Progress = Callable[[int, int, str], None]  # (done, of, what)


class SyncError(AnnotatorError):
    """A sync that could not start or go on; one line, never holding the token."""


# -- the token ---------------------------------------------------------------------

def tokens_path() -> Path:
    return config_dir_path() / TOKENS


def load_token(url: str) -> str | None:
    try:
        return json.loads(tokens_path().read_text(encoding="utf-8")).get(url)
    except (OSError, ValueError, AttributeError):
        return None


def save_token(url: str, token: str) -> None:
    """Keep the token for `url` in a file only its owner can read (written beside, then renamed)."""
    path = tokens_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tokens = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        if tokens.get(url) == token:
            return
        tokens[url] = token
        staged = path.with_name(path.name + ".new")
        fd = os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(tokens, f)
        os.chmod(staged, 0o600)
        os.replace(staged, path)
    except (OSError, ValueError) as e:
        raise SyncError(f"{path}: cannot keep the token: {getattr(e, 'strerror', None) or e}") from None


# -- the server ----------------------------------------------------------------------

class Client:
    """Label Studio's REST API at `url`; every failure is a SyncError of one line."""

    def __init__(self, url: str, token: str, timeout: float = 120):
        self.url, self._token, self.timeout = url, token, timeout
        self.date = ""  # the server's clock (HTTP Date) at its last answer

    def call(self, method: str, path: str, body=None, **query):
        target = self.url + path + ("?" + urllib.parse.urlencode(query) if query else "")
        data = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
        request = urllib.request.Request(target, data=data, method=method, headers={
            "Authorization": f"Token {self._token}", "Content-Type": "application/json", "Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                raw = answer.read()
                self.date = answer.headers.get("Date", "")
        except urllib.error.HTTPError as e:
            if e.code in (401, 403):
                raise SyncError(f"{self.url}: the server refused the token (HTTP {e.code})") from None
            raise SyncError(f"{self.url}: {method} {path} answered HTTP {e.code}{_detail(e)}") from None
        except (urllib.error.URLError, OSError, http.client.HTTPException) as e:
            raise SyncError(f"{self.url}: cannot reach the server ({getattr(e, 'reason', None) or e})") from None
        try:
            return json.loads(raw) if raw else None
        except ValueError:
            raise SyncError(f"{self.url}: {path} did not answer JSON; is this a Label Studio server?") from None

    def check_version(self) -> str:
        found = (self.call("GET", "/api/version") or {}).get("release", "")
        try:
            version = tuple(int(p) for p in str(found).split(".")[:2])
        except ValueError:
            version = ()
        low, high = SUPPORTED
        if not low <= version < high:
            raise SyncError(f"{self.url}: Label Studio {found or '(no version)'} is not supported (this annotator "
                            f"syncs with {low[0]}.{low[1]} up to {high[0]}.{high[1]}, not included)")
        return found

    def server_time(self) -> str:
        """The server's clock now, as its filters take it (its Date header drops the fraction of a second: never
        later than the true time)."""
        self.call("GET", "/api/version")
        return parsedate_to_datetime(self.date).strftime("%Y-%m-%dT%H:%M:%S.000000Z")

    def tasks(self, project_id: int, since: str = "", fields: str = "task_only") -> list[dict]:
        """The project's tasks (without annotations), those updated after `since` if given, oldest first."""
        query = {"ordering": ["tasks:updated_at"]}
        if since:
            query["filters"] = {"conjunction": "and", "items": [
                {"filter": "filter:tasks:updated_at", "operator": "greater", "type": "Datetime", "value": since}]}
        out: list[dict] = []
        page = 1
        while True:
            answer = self.call("GET", "/api/tasks", project=project_id, fields=fields, page=page, page_size=PAGE,
                               query=json.dumps(query))
            out += answer.get("tasks", [])
            if not answer.get("tasks") or len(out) >= answer.get("total", 0):
                return out
            page += 1


def _detail(error: urllib.error.HTTPError) -> str:
    try:
        body = json.loads(error.read() or b"{}")
    except (ValueError, OSError):
        return ""
    detail = body.get("detail") or body.get("validation_errors") if isinstance(body, dict) else None
    return f": {str(detail)[:200]}" if detail else ""


# -- the merge -----------------------------------------------------------------------

def _overlap(a: Place, b: Place) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def three_way(base: frozenset[Place], local: frozenset[Place], remote: frozenset[Place]
              ) -> tuple[frozenset[Place], frozenset[Place], frozenset[Place], frozenset[Place]]:
    """One annotator's spans on one document merged against the last agreed `base`: (new local, new remote,
    the local and the remote side of conflicts). A span added or removed on one side is so on the other.
    Spans added on both sides clash (a span changed differently on each) where they overlap and share their
    label, their place, or a base span both sides removed; those stay where they are."""
    added_here, removed_here = local - base, base - local
    added_there, removed_there = remote - base, base - remote
    gone = removed_here & removed_there

    def clash(x: Place, y: Place) -> bool:
        return _overlap(x, y) and (x[2] == y[2] or x[:2] == y[:2]
                                   or any(_overlap(x, b) and _overlap(y, b) for b in gone))

    only_here, only_there = added_here - added_there, added_there - added_here
    mine = {x for x in only_here if any(clash(x, y) for y in only_there)}
    theirs = {y for y in only_there if any(clash(x, y) for x in mine)}
    new_local = (local - removed_there) | (added_there - theirs)
    new_remote = (remote - removed_here) | (added_here - mine)
    return frozenset(new_local), frozenset(new_remote), frozenset(mine), frozenset(theirs)


# -- a sync --------------------------------------------------------------------------

@dataclass
class SyncReport:
    pushed: int = 0  # documents that became tasks
    sent: int = 0  # documents whose annotations the server took
    received: int = 0  # documents changed here
    predicted: int = 0  # documents whose suggestions went to the server again
    changes: Counter = field(default_factory=Counter)  # the local changes, by corrections.WORDS
    conflicts: list[Conflict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # bad spans and tasks, reported and left out

    def lines(self) -> list[str]:
        if not (self.pushed or self.sent or self.received or self.predicted or self.conflicts or self.problems):
            return ["nothing to sync: both sides are up to date"]
        out = [f"{self.pushed} document(s) pushed as tasks, {self.sent} sent as changed annotations, "
               f"{self.received} changed here" + (f" ({said(self.changes)})" if self.changes else "")
               + (f", the suggestions of {self.predicted} sent again" if self.predicted else "")]
        out += [f"conflict: document {c.document_id}, {c.annotator}: here {_places(c.local)}, on the server "
                f"{_places(c.remote)}; both kept until one side is changed to match" for c in self.conflicts]
        return out + [f"left out: {p}" for p in self.problems]


def _places(places: frozenset[Place]) -> str:
    return ", ".join(f"{label} [{s}, {e})" for s, e, label in sorted(places)) or "none"


@dataclass(frozen=True)
class ConflictRow:
    """An open conflict as the window lists it: the document, whose spans, and each side's in words."""
    document_id: int
    document: str
    annotator: str
    here: str
    there: str


def open_conflicts(project: Project) -> list[ConflictRow]:
    """The conflicts the last syncs found and nobody has resolved yet, each side's spans with their text."""
    rows = []
    for c in SyncStore(project).conflicts():
        text = project.text(c.document_id)
        words = lambda places: "; ".join(f"{label} {text[s:e]} [{s}, {e})" for s, e, label in sorted(places)) or "—"
        rows.append(ConflictRow(c.document_id, project.document(c.document_id).name, c.annotator,
                                words(c.local), words(c.remote)))
    return rows


def sync(project: Project, url: str | None = None, token: str | None = None, title: str | None = None,
         annotator: str = "", progress: Progress | None = None,
         cancelled: Callable[[], bool] | None = None, people: dict[str, str] | None = None) -> SyncReport:
    """Sync `project` with the Label Studio project `title` on `url` (remembered after the first sync, as is the
    token, in the user's config folder). `people` (name -> email, remembered, added to those known) makes an
    annotator's annotations those of their Label Studio user. The local changes are one step `annotator` can
    undo. Cancelled (checked between batches and documents), it stops as a killed sync would: the next one
    goes on."""
    report_progress = progress or (lambda done, of, what: None)
    stop = cancelled or (lambda: False)

    def say(done: int, of: int, what: str) -> None:
        if stop():
            raise SyncError("sync cancelled; what was done is kept, and the next sync goes on from there")
        report_progress(done, of, what)

    settings = ProjectSettings(project)
    known = settings.sync_target
    url = (url or (known.url if known else "")).rstrip("/")
    if not url:
        raise SyncError("no server: give --url URL (remembered after the first sync)")
    if known and (url != known.url or (title and title != known.title)):
        raise SyncError(f"this project syncs with {known.title!r} on {known.url}; it cannot sync with another")
    token = token or load_token(url)
    if not token:
        raise SyncError(f"no token for {url}: give --token TOKEN (kept in {tokens_path()}, never in the project)")
    client = Client(url, token)
    client.check_version()
    user = str(client.call("GET", "/api/current-user/whoami").get("email", ""))
    title = title or (known.title if known else Path(project.path or "annotator").stem)
    config = labeling_config(project.labels(), project.relation_types())
    project_id = known.project_id if known else _project(client, title, config)
    _check_config(client, project_id, config, set(project.label_names()))
    save_token(url, token)
    target = known or SyncTarget(url, project_id, title, user)
    settings.sync_target = replace(target, user=user)
    if people:
        settings.sync_people = {**settings.sync_people, **people}
    report = SyncReport()
    team = _team(client, user, settings.sync_people, report)
    store = SyncStore(project)
    synced = store.synced()
    fresh = _push(client, project, store, synced, project_id, team, report, say)
    watermark = _exchange(client, project, store, synced, project_id, team, target.watermark, fresh, report,
                          annotator, say)
    settings.sync_target = replace(target, user=user, watermark=watermark)
    return report


@dataclass(frozen=True)
class Team:
    """Who is who on the server: the sync's own user, and our annotators' Label Studio users."""

    user: str  # the token's user (email)
    ids: dict[str, int]  # annotator name -> Label Studio user id
    names: dict[str, str]  # Label Studio email -> annotator name

    def author(self, annotation: dict) -> str:
        """An annotation's annotator: its `annotated_by` name, else its user's annotator; one of the sync's own
        user without a name holds the spans of no annotator ('')."""
        who = annotator_of(annotation)
        if who == self.user and not annotator_of({"result": annotation.get("result")}):
            return ""
        return self.names.get(who, who)

    def owned(self, annotation: dict, who: str) -> dict:
        """`annotation` given to the Label Studio user of `who`, if they have one."""
        return {**annotation, "completed_by": self.ids[who]} if who in self.ids else annotation


def _team(client: Client, user: str, people: dict[str, str], report: SyncReport) -> Team:
    if not people:
        return Team(user, {}, {})
    answer = client.call("GET", "/api/users", page_size=10_000)
    users = {u.get("email"): u["id"] for u in (answer if isinstance(answer, list) else answer.get("results", []))}
    for name, email in sorted(people.items()):
        if email not in users:
            report.problems.append(f"no Label Studio user {email}: {name}'s annotations there are the sync's own "
                                   "user's")
    return Team(user, {n: users[e] for n, e in people.items() if e in users},
                {e: n for n, e in people.items()})


def _project(client: Client, title: str, config: str) -> int:
    """The id of the server's project `title`, made if there is none."""
    page, seen = 1, 0
    while True:
        answer = client.call("GET", "/api/projects", page=page, page_size=100)
        found = [p for p in answer.get("results", []) if p.get("title") == title]
        if found:
            return found[0]["id"]
        seen += len(answer.get("results", []))
        if not answer.get("results") or seen >= answer.get("count", 0):
            break
        page += 1
    return client.call("POST", "/api/projects", {"title": title, "label_config": config})["id"]


def _check_config(client: Client, project_id: int, config: str, labels: set[str]) -> None:
    """Give the server's project our labeling config if it lacks one of our labels."""
    current = client.call("GET", f"/api/projects/{project_id}").get("label_config") or ""
    try:
        theirs = {e.get("value") for e in ET.fromstring(current).iter("Label")}
    except ET.ParseError:
        theirs = set()
    if not labels <= theirs:
        client.call("PATCH", f"/api/projects/{project_id}", {"label_config": config})


def _checked(doc: Document, spans: list[Span], report: SyncReport) -> list[Span]:
    """The spans that fit the document's text; the others reported."""
    good = []
    for s in spans:
        if 0 <= s.start < s.end <= len(doc.text) and doc.text[s.start:s.end] == s.text:
            good.append(s)
        else:
            report.problems.append(f"document {doc.id}: {s.label} [{s.start}, {s.end}) does not fit its text; "
                                   "not pushed")
    return good


def _digest(pending: str) -> str:
    """What a prediction holds, in a word: a digest of a document's pending suggestions (SyncStore.pending;
    '' for none)."""
    return hashlib.sha1(pending.encode()).hexdigest() if pending else ""


def _by_annotator(spans: list[Span]) -> Spans:
    out: dict[str, set[Place]] = {}
    for s in spans:
        if s.state == "accepted":
            out.setdefault(s.annotator, set()).add((s.start, s.end, s.label))
    return {who: frozenset(p) for who, p in out.items()}


def _push(client: Client, project: Project, store: SyncStore, synced: dict[int, Synced], project_id: int,
          team: Team, report: SyncReport, say: Progress) -> set[int]:
    """Documents the server lacks, as tasks, a batch per import call, each batch recorded (in the store and
    in `synced`) once imported; returns the ids of the tasks made."""
    new = [d for d in project.document_ids() if d not in synced]
    if not new:
        return set()
    new = _adopt(client, project, store, project_id, synced, new)
    pending = store.pending()
    fresh: set[int] = set()
    for i in range(0, len(new), BATCH):
        part, tasks, bases = new[i:i + BATCH], [], []
        for doc_id in part:
            doc = project.document(doc_id)
            spans = _checked(doc, project.spans(doc_id), report)
            made = task(doc, spans)
            del made["id"]  # the server numbers its tasks
            made["data"]["content_hash"] = doc.content_hash
            made["annotations"] = [team.owned(a, team.author(a)) for a in made["annotations"]]
            tasks.append(made)
            bases.append((_by_annotator(spans), _digest(pending.get(doc_id, ""))))
        ids = client.call("POST", f"/api/projects/{project_id}/import", tasks, return_task_ids="true")["task_ids"]
        made = {d: Synced(t, "", base, digest) for d, t, (base, digest) in zip(part, ids, bases)}
        store.record(made)
        synced.update(made)
        fresh.update(ids)
        report.pushed += len(part)
        say(min(i + BATCH, len(new)), len(new), f"pushed {min(i + BATCH, len(new))} of {len(new)} document(s)")
    return fresh


def _adopt(client: Client, project: Project, store: SyncStore, project_id: int, synced: dict[int, Synced],
           new: list[int]) -> list[int]:
    """Link documents to tasks the server already has for their text (a sync stopped after an import, or another
    desktop's push), in the store and in `synced`; returns the documents still to push."""
    total = client.call("GET", f"/api/projects/{project_id}").get("task_number", 0)
    if total <= len(synced):
        return new
    known = {s.task_id for s in synced.values()}
    by_hash = {t["data"].get("content_hash"): t["id"] for t in client.tasks(project_id)
               if t["id"] not in known and isinstance(t.get("data"), dict)}
    hashes = {d: project.document(d).content_hash for d in new}
    adopted = {d: Synced(by_hash[h], "", {}) for d, h in hashes.items() if h in by_hash}
    if adopted:
        store.record(adopted)
        synced.update(adopted)
    return [d for d in new if d not in adopted]


def _exchange(client: Client, project: Project, store: SyncStore, synced: dict[int, Synced], project_id: int,
              team: Team, since: str, fresh: set[int], report: SyncReport, annotator: str, say: Progress) -> str:
    """Merge every document changed on either side since the last sync, then record what both sides hold;
    returns the server's time before it looked (the next sync looks for tasks changed since)."""
    looked = client.server_time()
    by_task = {s.task_id: d for d, s in synced.items()}
    listed = client.tasks(project_id, since)
    changed = {by_task[t["id"]] for t in listed if t["id"] in by_task and t["id"] not in fresh
               and t.get("updated_at") != synced[by_task[t["id"]]].updated_at}
    strangers = sum(t["id"] not in by_task for t in listed)
    if strangers:
        report.problems.append(f"{strangers} task(s) made on the server, not from this project: not pulled")
    local = store.accepted()
    changed |= {d for d, s in synced.items() if s.task_id not in fresh and _live(local.get(d, {})) != s.base}
    labels = set(project.label_names())
    merges, plans, sent_to = [], {}, set()
    for n, doc_id in enumerate(sorted(changed), 1):
        state = synced[doc_id]
        remote = client.call("GET", f"/api/tasks/{state.task_id}")
        try:
            theirs, annotations = _remote_spans(remote, project.document(doc_id), labels, team)
        except InputError as e:
            report.problems.append(f"document {doc_id} (task {state.task_id}): {e}")
            continue
        mine = local.get(doc_id, {})
        new_local, new_remote = {}, {}
        for who in set(state.base) | set(mine) | set(theirs):
            empty = frozenset()
            here, there, c_here, c_there = three_way(state.base.get(who, empty), mine.get(who, empty),
                                                     theirs.get(who, empty))
            new_local[who], new_remote[who] = here, there
            if c_here or c_there:
                report.conflicts.append(Conflict(doc_id, who, c_here, c_there))
        doc = project.document(doc_id)
        wanted = [who for who in new_local if new_local[who] != mine.get(who, frozenset())]
        if wanted:
            incoming = [Span(s, e, label, doc.text[s:e], annotator=who) for who in wanted
                        for s, e, label in new_local[who]]
            change = merge(doc_id, project.spans(doc_id), incoming, wanted)
            if change.before or change.after:
                merges.append(change)
                report.received += 1
                report.changes += change.counts
        sent = False
        for who, places in new_remote.items():
            if places != theirs.get(who, frozenset()):
                spans = _checked(doc, [Span(s, e, label, doc.text[s:e], annotator=who) for s, e, label in places
                                       if 0 <= s < e <= len(doc.text)], report)
                result = task(doc, spans)["annotations"][0]["result"] if spans else []
                if who in annotations:
                    client.call("PATCH", f"/api/annotations/{annotations[who]}", {"result": result})
                else:
                    client.call("POST", f"/api/tasks/{state.task_id}/annotations",
                                team.owned({"result": result}, who))
                sent = True
        if sent:
            report.sent += 1
            sent_to.add(state.task_id)
        plans[doc_id] = (state, new_remote, remote.get("updated_at", ""))
        say(n, len(changed), f"merged {n} of {len(changed)} changed document(s)")
    if merges:
        project.change_spans([s for m in merges for s in m.before], [s for m in merges for s in m.after], annotator)
    predicted = _predict(client, project, store, synced, fresh, say)
    sent_to |= {synced[d].task_id for d in predicted}
    versions = {t["id"]: t.get("updated_at", "") for t in listed}
    if sent_to:  # what the server holds now for the tasks this sync wrote
        versions.update((t["id"], t.get("updated_at", "")) for t in client.tasks(project_id, looked))
    _record(project, store, synced, plans, {t: versions[t] for t in fresh | sent_to if t in versions}, predicted)
    report.predicted = len(predicted)
    store.set_conflicts(plans, report.conflicts)
    return looked


def _predict(client: Client, project: Project, store: SyncStore, synced: dict[int, Synced], fresh: set[int],
             say: Progress) -> dict[int, str]:
    """Replace the prediction of each task whose document's suggestions changed since they were pushed;
    returns the new digests by document."""
    pending = store.pending()
    due = {d: _digest(pending.get(d, "")) for d, s in synced.items() if s.task_id not in fresh}
    due = {d: digest for d, digest in due.items() if digest != synced[d].predicted}
    for n, (doc_id, digest) in enumerate(sorted(due.items()), 1):
        task_id = synced[doc_id].task_id
        for old in client.call("GET", "/api/predictions", task=task_id) or []:
            if str(old.get("model_version", "")).startswith(MODEL_VERSION.rsplit("-", 1)[0]):
                client.call("DELETE", f"/api/predictions/{old['id']}")
        made = task(project.document(doc_id), project.spans(doc_id, ("pending",))).get("predictions")
        if made:
            client.call("POST", "/api/predictions", {**made[0], "task": task_id})
        say(n, len(due), f"sent the suggestions of {n} of {len(due)} document(s)")
    return due


def _live(spans: Spans) -> Spans:
    return {who: places for who, places in spans.items() if places}


def _remote_spans(remote: dict, doc: Document, labels: set[str], team: Team) -> tuple[Spans, dict[str, int]]:
    """Each annotator's spans in a task, read by ingest/tasks.py one annotation at a time (the latest of each
    annotator), and their annotations' ids; InputError if a span does not fit or the text is not the document's."""
    latest: dict[str, dict] = {}
    for a in sorted(remote.get("annotations") or [], key=lambda a: str(a.get("updated_at") or "")):
        if isinstance(a, dict) and not a.get("was_cancelled"):
            latest[team.author(a)] = a
    records = [{"data": remote.get("data"), "annotations": [a]} for a in latest.values()]
    if not records:
        return {}, {}
    parsed = parse_tasks(Path(f"task {remote.get('id')}"), json.dumps(records, ensure_ascii=False).encode(), labels)
    if parsed.tasks[0].doc.content_hash != doc.content_hash:
        raise InputError("its text on the server is not the document's")
    if parsed.problems:
        raise InputError("; ".join(parsed.problems))
    spans = {who: frozenset((s.start, s.end, s.label) for s in t.spans) for who, t in zip(latest, parsed.tasks)}
    return spans, {who: a["id"] for who, a in latest.items()}


def _record(project: Project, store: SyncStore, synced: dict[int, Synced], plans: dict,
            versions: dict[int, str], predicted: dict[int, str]) -> None:
    """Remember each merged document's new base (what both sides now hold) and its task's version: as read,
    or for the tasks this sync wrote (`versions`), as the server lists them after the writes; and the digests
    of the predictions sent."""
    states = {}
    for doc_id, (state, remote, seen) in plans.items():
        here = _by_annotator(project.spans(doc_id, ("accepted",)))
        base = {who: here.get(who, frozenset()) & places for who, places in remote.items()}
        states[doc_id] = replace(state, updated_at=versions.get(state.task_id, seen), base=_live(base))
    by_task = {s.task_id: d for d, s in synced.items()}
    for task_id, version in versions.items():  # tasks this sync pushed, or sent predictions to
        doc_id = by_task.get(task_id)
        if doc_id is not None and doc_id not in states:
            states[doc_id] = replace(synced[doc_id], updated_at=version)
    for doc_id, digest in predicted.items():
        states[doc_id] = replace(states.get(doc_id, synced[doc_id]), predicted=digest)
    if states:
        store.record(states)
