"""Imports of annotated files (Label Studio JSON, our JSONL), and exact round trips through a new project."""
import json

import pytest

from annotator.export.jsonl import export_jsonl
from annotator.export.labelstudio import export_labelstudio
from annotator.export.select import Selection
from annotator.ingest.importer import import_paths
from annotator.store.project import Project
from tests.helpers.formats import label_studio_export, without_ids

ALL = Selection(documents="all", spans="all")


def test_labelstudio_round_trip_is_exact(gold_project, tmp_path):
    first = tmp_path / "first.json"
    export_labelstudio(gold_project, first, ALL)
    with Project.open(tmp_path / "new.annot") as new:
        (result,) = import_paths(new, [first])
        assert result.status == "imported", result.message
        assert new.document_count() == 6
        second = tmp_path / "second.json"
        export_labelstudio(new, second, ALL)
    a = without_ids(json.loads(first.read_text(encoding="utf-8")))
    b = without_ids(json.loads(second.read_text(encoding="utf-8")))
    assert a == b
    astral = b[-1]
    assert astral["annotations"][0]["result"][0]["value"]["start"] == 7
    assert astral["predictions"][0]["result"][0]["value"]["text"] == "赵敏"


def test_jsonl_round_trip_is_exact(gold_project, tmp_path):
    first = tmp_path / "first.jsonl"
    export_jsonl(gold_project, first, ALL)
    with Project.open(tmp_path / "new.annot") as new:
        (result,) = import_paths(new, [first])
        assert result.status == "imported", result.message
        second = tmp_path / "second.jsonl"
        export_jsonl(new, second, ALL)
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")


def _several_annotators_and_bad_tasks():
    text = "赵敏😀宣布向西安市捐款二百万元。"
    tasks = [
        {"id": 1, "data": {"text": text}, "annotations": [
            {"completed_by": {"id": 3, "email": "wang@example.org"}, "updated_at": "2026-01-02", "result": [
                {"id": "a", "from_name": "label", "to_name": "text", "type": "labels",
                 "value": {"start": 6, "end": 9, "text": "西安市", "labels": ["REGION"]}}]},
            {"completed_by": 4, "updated_at": "2026-01-01", "result": [
                {"id": "b", "from_name": "label", "to_name": "text", "type": "labels",
                 "value": {"start": 6, "end": 8, "text": "西安", "labels": ["REGION"]}},
                {"id": "c", "from_name": "label", "to_name": "text", "type": "labels",
                 "value": {"start": 0, "end": 2, "text": "赵敏", "labels": ["PERSON"]}}]},
            {"completed_by": 5, "was_cancelled": True, "result": []}],
         "predictions": [{"model_version": "m", "score": 0.7, "result": [
             {"id": "p", "from_name": "label", "to_name": "text", "type": "labels",
              "value": {"start": 11, "end": 15, "labels": ["AMOUNT"]}}]}]},
        {"id": 2, "data": {"text": "短文本"}, "annotations": [{"result": [
            {"from_name": "label", "to_name": "text", "type": "labels",
             "value": {"start": 1, "end": 99, "labels": ["REGION"]}}]}]},
        {"id": 3, "data": {"text": "又一个"}, "annotations": [{"result": [
            {"from_name": "label", "to_name": "text", "type": "labels",
             "value": {"start": "0", "end": 1, "labels": ["REGION"]}}]}]},
    ]
    return tasks


def test_a_label_studio_export_with_several_annotators(fresh_project, tmp_path):
    path = tmp_path / "export.json"
    path.write_text(json.dumps(_several_annotators_and_bad_tasks()[:1], ensure_ascii=False), encoding="utf-8")
    (result,) = import_paths(fresh_project, [path])
    assert result.status == "imported"
    assert "1 span(s) overlapping" in result.message
    doc = result.document_id
    spans = {(s.text, s.label, s.annotator, s.state) for s in fresh_project.spans(doc)}
    assert spans == {("西安市", "REGION", "wang@example.org", "accepted"),
                     ("赵敏", "PERSON", "labelstudio-4", "accepted"), ("二百万元", "AMOUNT", "", "pending")}
    assert fresh_project.document_count() == 1


@pytest.mark.parametrize("content, message", [
    ('[{"data": {"text": "abc"}', "not valid JSON or JSONL: line 1, column"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('[{"data": {"text": "北京"}, "annotations": [{"result": [{"type": "labels", "value": '
     '{"start": 0, "end": 2, "labels": ["CITY"]}}]}]}]', "labels not in this project: CITY"),
    ("[]", "holds no tasks"),
])
def test_a_bad_task_file_is_refused_whole_with_its_name(fresh_project, tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    (result,) = import_paths(fresh_project, [path])
    assert result.status == "failed" and "bad.json" in result.message and message in result.message
    assert fresh_project.document_count() == 0


def test_one_bad_task_refuses_the_file_whole_naming_the_first_problem(fresh_project, tmp_path):
    path = tmp_path / "export.json"
    path.write_text(json.dumps(_several_annotators_and_bad_tasks(), ensure_ascii=False), encoding="utf-8")
    (result,) = import_paths(fresh_project, [path])
    assert result.status == "failed"
    assert "export.json: task 2: span [1, 99) does not fit the text (length 3) (and 1 more problem(s))" \
        in result.message
    assert fresh_project.document_count() == 0


def test_every_task_bad_means_the_file_failed(fresh_project, tmp_path):
    path = tmp_path / "neg.json"
    path.write_text('[{"data": {"text": "北京"}, "annotations": [{"result": [{"type": "labels", "value": '
                    '{"start": -1, "end": 2, "labels": ["REGION"]}}]}]}]', encoding="utf-8")
    (result,) = import_paths(fresh_project, [path])
    assert result.status == "failed" and "neg.json" in result.message and "does not fit" in result.message
    assert fresh_project.document_count() == 0


def _spans(project):
    return {d: sorted(project.spans(d, ("accepted", "pending", "rejected")), key=lambda s: s.id)
            for d in project.document_ids()}


def _annotation(task, annotator):
    return next(a for a in task["annotations"] if {"from_name": "annotated_by", "type": "textarea", "id": "by",
                                                   "to_name": "text", "value": {"text": [annotator]}} in a["result"])


def test_corrections_from_label_studio_come_back_as_one_undoable_import(two_annotators, tmp_path):
    project = two_annotators
    first = tmp_path / "ours.json"
    export_labelstudio(project, first, ALL)
    tasks = label_studio_export(json.loads(first.read_text(encoding="utf-8")))
    before = _spans(project)
    astral, repaired = (next(t for t in tasks if t["data"]["name"] == n) for n in ("astral.txt", "repaired.txt"))
    moved = next(r for r in _annotation(astral, "li")["result"] if r["value"].get("text") == "西安市")
    moved["value"].update(end=moved["value"]["end"] - 1, text="西安")  # li: 西安市 -> 西安, the region keeps its id
    text = repaired["data"]["text"]
    start = text.index("承诺三年内")
    _annotation(repaired, "li")["result"].append(  # li adds a commitment (a region made in Label Studio)
        {"id": "Xk3v9g", "from_name": "label", "to_name": "text", "type": "labels", "origin": "manual",
         "value": {"start": start, "end": len(text) - 1, "text": text[start:-1], "labels": ["COMMITMENT"]}})
    wang = _annotation(repaired, "wang")
    wang["result"] = [r for r in wang["result"] if r["value"].get("text") != "奉贤区"]  # wang removes 奉贤区
    path = tmp_path / "corrected.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")

    (result,) = import_paths(project, [path], annotator="reviewer")
    assert result.status == "imported", result.message
    assert result.message == ("0 document(s) with 0 span(s) from labelstudio, 2 already in the project updated "
                              "(1 span(s) added, 1 moved or relabelled, 1 removed)")
    assert project.document_count() == 2
    after = _spans(project)
    doc_astral, doc_repaired = sorted(before, key=lambda d: project.document(d).name)
    (was,) = [s for s in before[doc_astral] if s.text == "西安市"]
    assert [(s.id, s.text, s.annotator) for s in after[doc_astral] if s.label == "REGION" and s.annotator] == \
        [(was.id, "西安", "li")]
    assert [(s.text, s.annotator) for s in after[doc_repaired] if s.label == "COMMITMENT"] == [
        ("宣布向西安市捐款二百万元", "wang"), ("承诺三年内投入5000万元", "li")]
    assert "奉贤区" not in {s.text for s in after[doc_repaired]}
    assert len(after[doc_repaired]) == len(before[doc_repaired])  # one in, one out; the suggestions as they were

    change = project.undo("reviewer")
    assert change.action == "import_changes" and len(change.spans) == 4
    assert _spans(project) == before
    assert not project.can_undo("reviewer")
    project.redo("reviewer")
    assert _spans(project) == after

    (again,) = import_paths(project, [path], annotator="reviewer")  # nothing left to change
    assert again.status == "duplicate" and "2 already in the project unchanged" in again.message


def test_a_plain_export_listing_prediction_ids_is_refused_naming_the_snapshot(two_annotators, fresh_project,
                                                                             tmp_path):
    first = tmp_path / "ours.json"
    export_labelstudio(two_annotators, first, ALL)
    tasks = label_studio_export(json.loads(first.read_text(encoding="utf-8")))
    for t in tasks:
        t["predictions"] = [p["id"] for p in t["predictions"]]
    path = tmp_path / "plain.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    (result,) = import_paths(fresh_project, [path])
    assert result.status == "failed" and "\n" not in result.message
    assert result.message.startswith(f"{path}: Label Studio's plain JSON export, which lists predictions by id only")
    assert "snapshot" in result.message
    assert fresh_project.document_count() == 0
