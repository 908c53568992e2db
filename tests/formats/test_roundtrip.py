"""Imports of annotated files (Label Studio JSON, our JSONL), and exact round trips through a new project."""
import json

import pytest

from annotator.export.jsonl import export_jsonl
from annotator.export.labelstudio import export_labelstudio
from annotator.export.select import Selection
from annotator.ingest.importer import import_paths
from annotator.store.project import Project
from tests.helpers.formats import without_ids

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
