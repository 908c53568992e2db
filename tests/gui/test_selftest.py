"""`annotator --self-test` from the checkout: every step passes and is reported with its time."""
import os
import subprocess
import sys

from annotator.gui.selftest import STEPS


def test_self_test_passes_from_the_checkout(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    run = subprocess.run([sys.executable, "-m", "annotator", "--self-test"], env=env, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr[-3000:]
    steps = [line for line in run.stdout.splitlines() if line.startswith("ok ")]
    assert len(steps) == len(STEPS) and all(" ms " in s for s in steps)
    assert "self-test passed" in run.stdout
