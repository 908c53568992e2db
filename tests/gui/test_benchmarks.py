"""The benchmark command keeps working: its quick mode runs end to end and writes the results page.
Timings are not asserted here; benchmarks/RESULTS.md holds the figures of a full run."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_quick_benchmarks_run_and_write_every_section(tmp_path):
    out = tmp_path / "RESULTS.md"
    env = {**os.environ, "ANNOTATOR_BENCH_CACHE": str(tmp_path / "cache"), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--out", str(out)],
                         env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    page = out.read_text(encoding="utf-8")
    for section in ("Import and repair", "Suggestions", "Annotation window", "Label key with suggestions on",
                    "First opening of a long document", "Exports", "Start-up"):
        assert f"## {section}" in page
    assert "| filter keystroke, 1 to 4 characters: typing waits" in page and "| export spacy" in page and "label-studio-sdk converter" in page and "Machine: " in page
