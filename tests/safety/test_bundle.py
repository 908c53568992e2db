"""The desktop bundle: packaging/build.sh builds it and the frozen app passes its self-test."""
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "annotator" / "annotator"


@pytest.mark.slow
def test_the_bundle_builds_and_passes_its_self_test(tmp_path):
    build = subprocess.run([str(ROOT / "packaging" / "build.sh")], capture_output=True, text=True, timeout=3600)
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-5000:]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    run = subprocess.run([str(BUNDLE), "--self-test"], env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr[-5000:]
    assert "self-test passed" in run.stdout
    size = sum(f.stat().st_size for f in BUNDLE.parent.rglob("*") if f.is_file() and not f.is_symlink())
    assert size < 250e6, f"the bundle grew to {size / 1e6:.0f} MB (issue 14: under 250 MB)"
