"""Crash safety: the window, driven as fast as possible in a subprocess, is killed with SIGKILL at random
moments; after each kill the project opens without error, passes PRAGMA integrity_check, and holds every
change the driver reported (a change is reported only after its commit returned)."""
import os
import random
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from annotator.ingest.importer import import_seeds  # noqa: E402
from annotator.store.project import Project  # noqa: E402

DRIVER = "tests.helpers.crash_driver"  # run as a module from the repository root
ROOT = Path(__file__).resolve().parents[2]
KILLS = 50


def run_until_killed(db: Path, seed: int, rng: random.Random) -> list[str]:
    """Start the driver, let it work for a random moment, SIGKILL it; the complete lines it printed."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ANNOTATOR_NAME": "crash"}
    proc = subprocess.Popen([sys.executable, "-m", DRIVER, str(db), str(seed)], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    out = b""
    deadline = None
    while True:
        if deadline is None and b"ready\n" in out:
            deadline = time.monotonic() + rng.uniform(0.05, 0.8)
        if deadline is not None and time.monotonic() >= deadline:
            break
        if sel.select(timeout=0.01):
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                break
            out += chunk
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    out += proc.stdout.read()  # what was written before the kill
    proc.stdout.close()
    sel.close()
    lines = out.decode().split("\n")
    return [line for line in lines[:-1] if line and line != "ready"]  # the last piece may be cut


def check(db: Path, lines: list[str]) -> tuple[int, bool]:
    """Every reported change is in the project. Only the span the driver said it was changing when the kill
    came may differ from its last report (that change may or may not have been committed).
    Returns (changes checked, a WAL file was left to recover)."""
    had_wal = Path(f"{db}-wal").exists() and Path(f"{db}-wal").stat().st_size > 0
    interrupted = int(lines[-1].split()[2]) if lines and lines[-1].startswith("doing") else None
    expected: dict[int, str | None] = {}
    reported = [line for line in lines if not line.startswith("doing")]
    for line in reported:
        op, span_id, *label = line.split()
        expected[int(span_id)] = None if op == "delete" else label[0]
    with Project.open(db) as project:
        assert project.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        actual = dict(project.db.execute("SELECT id, label FROM spans").fetchall())
    wrong = [i for i, label in expected.items() if actual.get(i) != label and i != interrupted]
    assert not wrong, f"changes lost: {[(i, expected[i], actual.get(i)) for i in wrong]}"
    return len(reported), had_wal


@pytest.mark.slow
def test_work_survives_sigkill_at_random_moments(tmp_path, capsys):
    db = tmp_path / "crash.annot"
    with Project.open(db) as project:
        import_seeds(project)
        project.set_setting("suggestions", "off")
    rng = random.Random(2026)
    checked = recovered = 0
    for kill in range(KILLS):
        reported = run_until_killed(db, kill, rng)
        n, had_wal = check(db, reported)
        checked += n
        recovered += had_wal
    with capsys.disabled():
        print(f"\ncrash test: {KILLS} kills, {checked} reported changes checked, {recovered} WAL files recovered")
    assert checked > KILLS * 5 and recovered > 0
