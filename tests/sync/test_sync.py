"""`annotator sync` against a real Label Studio: push, label there as a second user, pull; changes on both
sides merged; a conflict; offsets checked; a stopped sync resumed; a wrong token, an unreachable server and an
unsupported version each refused in one line with nothing changed here."""
import http.server
import json
import threading

import pytest

from annotator.app import sync as sync_module
from annotator.app.sync import SyncError, sync
from annotator.cli import main
from annotator.core.model import Document
from annotator.core.text import content_hash
from annotator.ingest.importer import import_seeds
from annotator.store.project import Project
from annotator.store.settings import ProjectSettings
from annotator.store.sync import SyncStore

pytestmark = [pytest.mark.slow, pytest.mark.labelstudio]

ASTRAL = "𠮷赵敏😀宣布向西安市捐款二百万元。"  # 西安市 is [7, 10) in code points, 赵敏 [1, 3)
PARK = "北京市政府承诺投资五千万元建设新公园。"  # 北京市 [0, 3), 五千万元 [9, 13)


def _doc(project: Project, name: str, text: str) -> int:
    return project.add_document(Document(name=name, text=text, raw_text=text, content_hash=content_hash(text)))


@pytest.fixture
def project(tmp_path):
    with Project.open(tmp_path / "team.annot") as p:
        astral, park = _doc(p, "astral", ASTRAL), _doc(p, "park", PARK)
        p.add_span(astral, 7, 10, "REGION", annotator="wang")
        p.add_span(astral, 1, 3, "PERSON", origin="suggested", state="pending", score=0.9)
        p.add_span(park, 0, 3, "REGION", annotator="wang")
        yield p


def run(project, server, title, **kw):
    return sync(project, server.url, server.token, title, annotator="wang", **kw)


def task_of(project, server, doc_id) -> dict:
    return server.api("GET", f"/api/tasks/{SyncStore(project).synced()[doc_id].task_id}")


def region(start, end, label, text, rid="r1"):
    return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": start, "end": end, "text": text, "labels": [label]}}


def places(project, doc_id, who="wang"):
    return {(s.start, s.end, s.label) for s in project.spans(doc_id, ("accepted",)) if s.annotator == who}


def annotation_of(task, who="wang"):
    return next(a for a in task["annotations"] if any(r.get("from_name") == "annotated_by"
                                                     and r["value"]["text"] == [who] for r in a["result"]))


def snapshot(project):
    """What a refused sync must leave as it was."""
    project.refresh()
    return (project.stats(), len(list(project.events())), ProjectSettings(project).sync_target,
            SyncStore(project).synced())


def test_push_label_there_as_a_second_user_and_pull(project, ls_server, second_user, title):
    report = run(project, ls_server, title)
    assert report.pushed == 2 and not report.problems
    task = task_of(project, ls_server, 1)
    assert task["data"]["doc_id"] == 1 and task["data"]["content_hash"] == content_hash(ASTRAL)
    ours = annotation_of(task)
    assert [(r["value"]["start"], r["value"]["end"]) for r in ours["result"] if r["type"] == "labels"] == [(7, 10)]
    prediction = ls_server.api("GET", f"/api/predictions?task={task['id']}")[0]
    assert prediction["model_version"].startswith("pairing-annotator")
    assert [r["value"]["labels"] for r in prediction["result"]] == [["PERSON"]]

    park = task_of(project, ls_server, 2)
    ls_server.api("POST", f"/api/tasks/{park['id']}/annotations",
                  {"completed_by": second_user["id"], "result": [region(9, 13, "AMOUNT", "五千万元")]})
    report = run(project, ls_server, title)
    assert report.received == 1 and report.sent == 0 and not report.conflicts
    assert places(project, 2, second_user["email"]) == {(9, 13, "AMOUNT")}

    events = len(list(project.events()))
    assert run(project, ls_server, title).lines() == ["nothing to sync: both sides are up to date"]
    assert len(list(project.events())) == events


def test_changes_on_both_sides_are_merged(project, ls_server, title):
    run(project, ls_server, title)
    project.add_span(2, 9, 13, "AMOUNT", annotator="wang")  # here: add on the park
    astral = task_of(project, ls_server, 1)  # there: accept the suggestion on the astral text
    mine = annotation_of(astral)
    ls_server.api("PATCH", f"/api/annotations/{mine['id']}", {"result": mine["result"] + [region(1, 3, "PERSON", "赵敏")]})
    park = annotation_of(task_of(project, ls_server, 2))  # there: remove the park's REGION
    ls_server.api("PATCH", f"/api/annotations/{park['id']}",
                  {"result": [r for r in park["result"] if r["type"] != "labels"]})

    report = run(project, ls_server, title)
    assert not report.conflicts and report.received == 2 and report.sent == 1
    assert places(project, 1) == {(7, 10, "REGION"), (1, 3, "PERSON")}
    assert project.spans(1, ("pending",)) == []  # the suggestion was accepted, not doubled
    assert places(project, 2) == {(9, 13, "AMOUNT")}
    there = annotation_of(task_of(project, ls_server, 2))
    assert [(r["value"]["start"], r["value"]["end"]) for r in there["result"] if r["type"] == "labels"] == [(9, 13)]
    assert project.undo("wang").action == "import_changes"  # the pull is one step
    assert run(project, ls_server, title).conflicts == []


def test_spans_of_no_annotator_stay_so(project, ls_server, second_user, title):
    project.add_span(2, 9, 13, "AMOUNT")  # accepted, nobody's
    run(project, ls_server, title)
    park = task_of(project, ls_server, 2)
    ls_server.api("POST", f"/api/tasks/{park['id']}/annotations",
                  {"completed_by": second_user["id"], "result": [region(15, 18, "REGION", "新公园")]})
    assert run(project, ls_server, title).received == 1
    assert places(project, 2, "") == {(9, 13, "AMOUNT")}
    assert run(project, ls_server, title).lines() == ["nothing to sync: both sides are up to date"]


def test_an_annotator_is_their_label_studio_user(project, ls_server, second_user, title):
    project.add_span(2, 9, 13, "AMOUNT", annotator="li")
    run(project, ls_server, title, people={"li": second_user["email"], "zhao": "nobody@example.com"})
    lis = annotation_of(task_of(project, ls_server, 2), "li")
    assert lis["completed_by"]["id"] == second_user["id"]
    astral = task_of(project, ls_server, 1)  # li labels in Label Studio, without our annotated_by name
    ls_server.api("POST", f"/api/tasks/{astral['id']}/annotations",
                  {"completed_by": second_user["id"], "result": [region(1, 3, "PERSON", "赵敏")]})
    report = run(project, ls_server, title)
    assert places(project, 1, "li") == {(1, 3, "PERSON")} and report.received == 1
    assert any("no Label Studio user nobody@example.com" in p for p in report.problems)
    assert ProjectSettings(project).sync_people == {"li": second_user["email"], "zhao": "nobody@example.com"}


def test_suggestions_made_after_the_push_replace_the_prediction(project, ls_server, title):
    run(project, ls_server, title)
    project.add_span(2, 9, 13, "AMOUNT", origin="suggested", state="pending", score=0.7)
    assert run(project, ls_server, title).predicted == 1
    park = task_of(project, ls_server, 2)["id"]
    [prediction] = ls_server.api("GET", f"/api/predictions?task={park}")
    assert [(r["value"]["start"], r["value"]["end"], r["value"]["labels"]) for r in prediction["result"]] == [
        (9, 13, ["AMOUNT"])]
    assert run(project, ls_server, title).lines() == ["nothing to sync: both sides are up to date"]
    suggestion = project.spans(2, ("pending",))[0]
    project.update_span(suggestion.id, state="accepted", annotator="wang")  # accepted here: an annotation now
    report = run(project, ls_server, title)
    assert report.sent == 1 and report.predicted == 1
    assert ls_server.api("GET", f"/api/predictions?task={park}") == []


def test_a_span_changed_on_both_sides_is_a_conflict_kept_on_both(project, ls_server, title):
    run(project, ls_server, title)
    span = next(s for s in project.spans(1, ("accepted",)))
    project.update_span(span.id, start=7, end=9, annotator="wang")  # here 西安
    mine = annotation_of(task_of(project, ls_server, 1))
    ls_server.api("PATCH", f"/api/annotations/{mine['id']}", {"result": [
        r if r["type"] != "labels" else region(8, 10, "REGION", "安市", r["id"]) for r in mine["result"]]})

    report = run(project, ls_server, title)
    assert [(c.document_id, c.local, c.remote) for c in report.conflicts] == [
        (1, frozenset({(7, 9, "REGION")}), frozenset({(8, 10, "REGION")}))]
    assert any(line.startswith("conflict: document 1, wang") for line in report.lines())
    assert places(project, 1) == {(7, 9, "REGION")}
    there = annotation_of(task_of(project, ls_server, 1))
    assert [(r["value"]["start"], r["value"]["end"]) for r in there["result"] if r["type"] == "labels"] == [(8, 10)]
    assert len(SyncStore(project).conflicts()) == 1
    assert len(run(project, ls_server, title).conflicts) == 1  # still open, nothing moved

    project.update_span(span.id, start=8, end=10, annotator="wang")  # resolved: here as there
    assert run(project, ls_server, title).conflicts == []
    assert SyncStore(project).conflicts() == []


def test_a_span_outside_its_text_is_reported_not_stored(project, ls_server, second_user, title):
    run(project, ls_server, title)
    park = task_of(project, ls_server, 2)
    ls_server.api("POST", f"/api/tasks/{park['id']}/annotations",
                  {"completed_by": second_user["id"], "result": [region(3, 999, "AMOUNT", None)]})
    before = project.stats()
    report = run(project, ls_server, title)
    assert any("document 2" in p and "does not fit" in p for p in report.problems)
    assert project.stats() == before


def test_a_sync_stopped_after_a_batch_ends_the_same_when_run_again(tmp_path, ls_server, title, monkeypatch):
    with Project.open(tmp_path / "seeds.annot") as p:
        import_seeds(p)
        monkeypatch.setattr(sync_module, "BATCH", 2)
        calls = {"import": 0}
        real = sync_module.Client.call

        def stop_on_second_import(self, method, path, body=None, **query):
            if path.endswith("/import"):
                calls["import"] += 1
                if calls["import"] == 2:
                    raise KeyboardInterrupt("stopped")
            return real(self, method, path, body, **query)

        monkeypatch.setattr(sync_module.Client, "call", stop_on_second_import)
        with pytest.raises(KeyboardInterrupt):
            run(p, ls_server, title)
        monkeypatch.setattr(sync_module.Client, "call", real)
        assert len(SyncStore(p).synced()) == 2
        assert run(p, ls_server, title).pushed == 3
        _same_as_uninterrupted(p, ls_server)


def test_a_sync_stopped_between_import_and_record_adopts_its_tasks(tmp_path, ls_server, title, monkeypatch):
    with Project.open(tmp_path / "seeds.annot") as p:
        import_seeds(p)
        real = SyncStore.record

        def lost(self, states):
            raise KeyboardInterrupt("stopped before recording")

        monkeypatch.setattr(SyncStore, "record", lost)
        with pytest.raises(KeyboardInterrupt):
            run(p, ls_server, title)
        monkeypatch.setattr(SyncStore, "record", real)
        assert run(p, ls_server, title).pushed == 0  # all five found on the server by their text
        _same_as_uninterrupted(p, ls_server)


def test_a_sync_stopped_while_merging_ends_the_same_when_run_again(project, ls_server, title, monkeypatch):
    run(project, ls_server, title)
    project.add_span(2, 9, 13, "AMOUNT", annotator="wang")  # here
    mine = annotation_of(task_of(project, ls_server, 1))  # there
    ls_server.api("PATCH", f"/api/annotations/{mine['id']}", {"result": mine["result"] + [region(1, 3, "PERSON", "赵敏")]})
    real = sync_module.Client.call

    def stop_at_first_write(self, method, path, body=None, **query):
        if method == "PATCH":
            raise KeyboardInterrupt("stopped")
        return real(self, method, path, body, **query)

    monkeypatch.setattr(sync_module.Client, "call", stop_at_first_write)
    with pytest.raises(KeyboardInterrupt):
        run(project, ls_server, title)
    monkeypatch.setattr(sync_module.Client, "call", real)
    report = run(project, ls_server, title)
    assert (report.received, report.sent, report.conflicts) == (1, 1, [])
    assert places(project, 1) == {(7, 10, "REGION"), (1, 3, "PERSON")} and places(project, 2) == {
        (0, 3, "REGION"), (9, 13, "AMOUNT")}
    there = annotation_of(task_of(project, ls_server, 2))
    assert sorted((r["value"]["start"], r["value"]["end"]) for r in there["result"] if r["type"] == "labels") == [
        (0, 3), (9, 13)]
    assert run(project, ls_server, title).lines() == ["nothing to sync: both sides are up to date"]


def _same_as_uninterrupted(p, server):
    synced = SyncStore(p).synced()
    target = ProjectSettings(p).sync_target
    assert server.api("GET", f"/api/projects/{target.project_id}")["task_number"] == 5
    assert sorted(synced) == p.document_ids() and len({s.task_id for s in synced.values()}) == 5
    assert run(p, server, target.title).lines() == ["nothing to sync: both sides are up to date"]


def _refused(project, capsys, url, token):
    before = snapshot(project)
    code = main(["sync", "--db", str(project.path), "--url", url, "--token", token, "--project", "refused"])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and token not in err
    assert snapshot(project) == before
    return err


def test_a_wrong_token_is_one_line_and_changes_nothing(project, ls_server, capsys):
    err = _refused(project, capsys, ls_server.url, "wrong-token-0000")
    assert "refused the token" in err


def test_an_unreachable_server_is_one_line_and_changes_nothing(project, capsys):
    err = _refused(project, capsys, "http://127.0.0.1:9", "some-token-1111")
    assert "cannot reach the server" in err


class _OldServer(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = json.dumps({"release": "0.9.3"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_an_unsupported_version_is_one_line_and_changes_nothing(project, capsys):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _OldServer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        err = _refused(project, capsys, f"http://127.0.0.1:{server.server_address[1]}", "some-token-2222")
    finally:
        server.shutdown()
        server.server_close()
    assert "Label Studio 0.9.3 is not supported" in err


def test_the_token_stays_out_of_the_project_and_is_kept_per_server(project, ls_server, title, tmp_path):
    run(project, ls_server, title)
    project.close()
    assert ls_server.token.encode() not in project.path.read_bytes()
    with Project.open(project.path) as again:  # the server, project and token remembered
        assert sync(again).lines() == ["nothing to sync: both sides are up to date"]
    with Project.open(tmp_path / "other.annot") as other, pytest.raises(SyncError, match="no token"):
        sync(other, ls_server.url.replace("127.0.0.1", "localhost"))
