"""`annotator sync` against a real Label Studio (the pinned one in .venv-ls, started here as the tests start it):
the first push of 10,000 documents with suggestions and accepted spans (1,000 with --quick), a sync with
nothing to do, and the incremental pull of 10 tasks changed on the server.

Run: .venv/bin/python benchmarks/sync_speed.py [--quick]   (needs .venv-ls: ./dev test makes it)
Not in benchmarks/run.py: it needs the server. The project is built once and cached in benchmarks/.cache/.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1]))

from corpus import annotated_project  # noqa: E402
from table import cache_dir, print_rows, row  # noqa: E402

from annotator.app.sync import sync  # noqa: E402
from annotator.store.project import Project  # noqa: E402
from annotator.store.sync import SyncStore  # noqa: E402
from tests.helpers.labelstudio_server import labelstudio_server  # noqa: E402

CHANGED = 10


def main(quick: bool = False) -> list[dict]:
    documents = 1_000 if quick else 10_000
    cached = annotated_project(cache_dir() / f"export-{documents}.annot", documents)
    cached.close()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sync.annot"
        shutil.copy(cache_dir() / f"export-{documents}.annot", path)
        with Project.open(path) as project, labelstudio_server(Path(tmp)) as server:
            # every other span a pending suggestion: they become predictions
            project.db.execute("UPDATE spans SET state = 'pending', origin = 'suggested', annotator = '', "
                               "score = 0.8 WHERE id % 2 = 0")
            spans = project.db.execute("SELECT state, count(*) FROM spans GROUP BY state").fetchall()
            print(f"{documents:,} documents, spans by state: {dict(spans)}", file=sys.stderr)
            t0 = time.perf_counter()
            report = sync(project, server.url, server.token, "bench", annotator="bench")
            push = time.perf_counter() - t0
            assert report.pushed == documents, report.lines()
            t0 = time.perf_counter()
            idle = sync(project)
            nothing = time.perf_counter() - t0
            assert idle.lines() == ["nothing to sync: both sides are up to date"], idle.lines()
            synced = SyncStore(project).synced()
            for doc_id in list(synced)[:: max(1, documents // CHANGED)][:CHANGED]:
                task = server.api("GET", f"/api/tasks/{synced[doc_id].task_id}")
                mine = task["annotations"][0]
                kept = [r for r in mine["result"] if r["type"] != "labels"] + \
                    [r for r in mine["result"] if r["type"] == "labels"][1:]  # the first span removed there
                server.api("PATCH", f"/api/annotations/{mine['id']}", {"result": kept})
            t0 = time.perf_counter()
            pulled = sync(project)
            pull = time.perf_counter() - t0
            assert pulled.received == CHANGED, pulled.lines()
    return [row(f"sync: first push of {documents:,} documents, s", [push], "< 120 s"),
            row(f"sync: nothing to do ({documents:,} tasks), s", [nothing], "-"),
            row(f"sync: pull {CHANGED} changed tasks of {documents:,}, s", [pull], "< 2 s")]


if __name__ == "__main__":
    print_rows(main("--quick" in sys.argv))
