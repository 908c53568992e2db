"""Label Studio export, checked with the real label-studio-sdk."""
import json
import subprocess
import sys

import pytest

from annotator.export.labelstudio import config_path, export_labelstudio
from annotator.export.select import Selection
from tests.helpers.data import data_path

pytest.importorskip("label_studio_sdk")


@pytest.fixture
def exported(gold_project, tmp_path):
    out = tmp_path / "tasks.json"
    export_labelstudio(gold_project, out, Selection(spans="all"))
    return out


def test_config_and_every_task_validate_with_the_sdk(exported):
    from label_studio_sdk.label_interface import LabelInterface
    config = config_path(exported).read_text(encoding="utf-8")
    interface = LabelInterface(config)
    interface.validate()
    tasks = json.loads(exported.read_text(encoding="utf-8"))
    assert len(tasks) == 6
    for t in tasks:
        for p in t.get("predictions", []):
            assert interface.validate_prediction(p, return_errors=True) == []
        for a in t["annotations"]:
            assert interface.validate_prediction({**a, "model_version": "x"}, return_errors=True) == []
    validator = data_path("validate_ls_json.py")
    out = subprocess.run([sys.executable, str(validator), str(config_path(exported)), str(exported)],
                         capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.strip().endswith("OK"), out.stdout + out.stderr


def test_astral_offsets_are_code_points_and_predictions_carry_scores(exported):
    task = json.loads(exported.read_text(encoding="utf-8"))[-1]
    text = task["data"]["text"]
    (region,) = task["annotations"][0]["result"]
    assert region["value"] == {"start": 7, "end": 10, "text": "西安市", "labels": ["REGION"]}
    assert text[7:10] == "西安市"
    (prediction,) = task["predictions"]
    assert prediction["model_version"] and prediction["result"][0]["score"] == 0.9
    assert task["data"]["meta"]["annotators"] == {"2": "li"}


def test_converter_turns_our_file_into_json_min(exported, tmp_path):
    from label_studio_sdk.converter import Converter
    converter = Converter(config=str(config_path(exported)), project_dir=None, download_resources=False)
    out = tmp_path / "min"
    converter.convert(str(exported), str(out), "JSON_MIN", is_dir=False)
    records = json.loads((out / "result.json").read_text(encoding="utf-8"))
    seed = next(r for r in records if r["name"].startswith("002"))
    assert all(seed["text"][v["start"]:v["end"]] == v["text"] for v in seed["label"])
    assert len(seed["label"]) > 100
