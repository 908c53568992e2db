"""The rules on reports they were not written for: tests/data/unseen/test (24 reports retold from public
reports, with references made to GUIDELINES.md; tests/data/unseen/SOURCES.md). The thresholds sit a little
under the figures the closing note of issue 18 gives; a change that loses quality there fails here."""
import subprocess
import sys

import pytest

from annotator.cli import main
from tests.helpers.data import data_path

# label -> (lowest F1, lowest precision)
THRESHOLDS = {"REGION": (0.91, 0.93), "AMOUNT": (0.95, 0.97), "PERSON": (0.89, 0.95), "COMMITMENT": (0.86, 0.80)}


def scored(folder: str, tmp_path, capsys) -> dict[str, tuple[float, float, float]]:
    """label -> (precision, recall, F1) of `annotator suggest` on the folder's reports, by the gold scorer."""
    reports = sorted(data_path(folder).glob("*.txt"))
    assert main(["suggest", *map(str, reports)]) == 0
    preds = tmp_path / "p.jsonl"
    preds.write_text(capsys.readouterr().out, encoding="utf-8")
    out = subprocess.run([sys.executable, str(data_path("gold/score.py")), str(data_path(folder)), str(preds)],
                         capture_output=True, text=True, check=True).stdout
    assert "no prediction" not in out
    return {line.split()[0]: tuple(map(float, line.split()[1:4])) for line in out.splitlines()
            if line.split() and line.split()[0] in THRESHOLDS}


def test_the_unseen_set_is_all_there():
    reports = sorted(data_path("unseen/test").glob("*.txt"))
    assert len(reports) >= 20 and all(r.with_suffix(".json").exists() for r in reports)


@pytest.mark.parametrize("label", THRESHOLDS)
def test_suggestions_hold_on_unseen_reports(label, tmp_path, capsys):
    precision, _, f1 = scored("unseen/test", tmp_path, capsys)[label]
    lowest_f1, lowest_precision = THRESHOLDS[label]
    assert f1 >= lowest_f1 and precision >= lowest_precision, f"{label}: P {precision} F1 {f1}"
