"""Label Studio export, checked with the real label-studio-sdk."""
import json
import subprocess
import sys

import pytest

from annotator.export.labelstudio import config_path, export_labelstudio
from annotator.export.select import Selection
from annotator.ingest.importer import import_paths
from annotator.store.project import Project
from tests.helpers.data import data_path
from tests.helpers.formats import json_min, label_studio_export

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
    (annotation,) = task["annotations"]
    region, by = annotation["result"]
    assert region["value"] == {"start": 7, "end": 10, "text": "西安市", "labels": ["REGION"]}
    assert text[7:10] == "西安市"
    (prediction,) = task["predictions"]
    assert prediction["model_version"] and prediction["result"][0]["score"] == 0.9
    assert "completed_by" not in annotation  # Label Studio gives it to the importing user
    assert (by["from_name"], by["type"], by["value"]) == ("annotated_by", "textarea", {"text": ["li"]})


def test_converter_turns_our_file_into_json_min(exported, tmp_path):
    from label_studio_sdk.converter import Converter
    converter = Converter(config=str(config_path(exported)), project_dir=None, download_resources=False)
    out = tmp_path / "min"
    converter.convert(str(exported), str(out), "JSON_MIN", is_dir=False)
    records = json.loads((out / "result.json").read_text(encoding="utf-8"))
    seed = next(r for r in records if r["name"].startswith("002"))
    assert all(seed["text"][v["start"]:v["end"]] == v["text"] for v in seed["label"])
    assert len(seed["label"]) > 100


def _validate(config, tasks_path):
    """label-studio-sdk's checks, as Label Studio's import makes them, and validate_ls_json.py's offsets."""
    from label_studio_sdk.label_interface import LabelInterface
    interface = LabelInterface(config.read_text(encoding="utf-8"))
    interface.validate()
    for t in json.loads(tasks_path.read_text(encoding="utf-8")):
        for p in t.get("predictions", []):
            assert interface.validate_prediction(p, return_errors=True) == []
        for a in t["annotations"]:
            assert interface.validate_prediction({**a, "model_version": "x"}, return_errors=True) == []
    out = subprocess.run([sys.executable, str(data_path("validate_ls_json.py")), str(config), str(tasks_path)],
                         capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.strip().endswith("OK"), out.stdout + out.stderr


def _state(project, states=("accepted", "pending")):
    """Every document's texts and spans with their annotators, by document name."""
    out = {}
    for doc_id in project.document_ids():
        doc = project.document(doc_id)
        out[doc.name] = (doc.text, doc.raw_text, doc.offset_map.runs() if doc.offset_map else None,
                         sorted((s.start, s.end, s.label, s.text, s.annotator, s.state, s.score)
                                for s in project.spans(doc_id, states)))
    return out


@pytest.mark.parametrize("shape", ["ours", "json", "json-email", "json_min"])
def test_two_annotators_round_trip_through_label_studio(two_annotators, tmp_path, shape):
    """Our export validates as Label Studio's import checks it; it, and Label Studio's JSON (completed_by its
    importing user, as an id or an object) and JSON_MIN exports of it, import back with the same texts,
    raw texts and spans of the same annotators (JSON_MIN holds no predictions)."""
    ours = tmp_path / "ours.json"
    export_labelstudio(two_annotators, ours, Selection(spans="all"))
    _validate(config_path(ours), ours)
    tasks = json.loads(ours.read_text(encoding="utf-8"))
    assert {t["data"]["name"]: "raw_text" in t["data"] for t in tasks} == {"repaired.txt": True, "astral.txt": False}
    path = ours
    if shape != "ours":
        path = tmp_path / "ls.json"
        who = {"id": 1, "email": "reviewer@example.org", "first_name": "", "last_name": ""} \
            if shape == "json-email" else 1
        path.write_text(json.dumps(label_studio_export(tasks, who), ensure_ascii=False), encoding="utf-8")
        _validate(config_path(ours), path)
    if shape == "json_min":
        records = json_min(config_path(ours), path, tmp_path / "min")
        assert {r["annotated_by"] for r in records} == {"li", "wang"} and all(r["annotator"] == 1 for r in records)
        path = tmp_path / "min.json"
        path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    with Project.open(tmp_path / "back.annot") as back:
        (result,) = import_paths(back, [path])
        assert result.status == "imported", result.message
        states = ("accepted",) if shape == "json_min" else ("accepted", "pending")
        assert _state(back, states) == _state(two_annotators, states)
        assert result.report["documents"] == 2 and result.report["spans"] == (9 if shape == "json_min" else 12)


def test_label_studio_users_are_kept_where_our_name_is_missing(two_annotators, tmp_path):
    """An annotation made in Label Studio (no annotated_by) is its user's: the email, else labelstudio-ID."""
    ours = tmp_path / "ours.json"
    export_labelstudio(two_annotators, ours)
    tasks = label_studio_export(json.loads(ours.read_text(encoding="utf-8")))
    astral = next(t for t in tasks if t["data"]["name"] == "astral.txt")
    region = {"id": "Xk3v9", "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual",
              "value": {"start": 0, "end": 1, "text": "𠮷", "labels": ["REGION"]}}
    person = {**region, "value": {**region["value"], "labels": ["PERSON"]}}
    astral["annotations"] += [{"id": 90, "completed_by": 7, "result": [region], "created_at": "2026-11-22"},
                              {"id": 91, "completed_by": {"id": 8, "email": "zhao@example.org"},
                               "created_at": "2026-11-22", "result": [person]}]
    path = tmp_path / "ls.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    records = json_min(config_path(ours), path, tmp_path / "min")
    assert {r["annotator"] for r in records} == {1, 7, "zhao@example.org"}
    for name, content in (("json", tasks), ("min", records)):
        file = tmp_path / f"{name}.json"
        file.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
        with Project.open(tmp_path / f"{name}.annot") as back:
            (result,) = import_paths(back, [file])
            assert result.status == "imported", result.message
            doc = next(d for d in back.document_ids() if back.document(d).name == "astral.txt")
            assert {(s.text, s.label, s.annotator) for s in back.spans(doc) if s.start == 0} == {
                ("𠮷", "REGION", "labelstudio-7"), ("𠮷", "PERSON", "zhao@example.org")}
