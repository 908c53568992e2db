"""A project made from the seeds with their reference spans, plus a document with astral characters; a small
project of two annotators."""
import hashlib

import pytest

from annotator.core.model import Document, Span
from annotator.ingest.importer import build_document, import_seeds
from annotator.ingest.read import parse_report
from annotator.ingest.options import RepairOptions
from annotator.store.project import Project
from tests.helpers.gold import gold_spans

ASTRAL = "𠮷赵敏😀宣布向西安市捐款二百万元。"


@pytest.fixture
def gold_project(tmp_path):
    project = Project.open(tmp_path / "gold.annot")
    _fill_gold(project)
    yield project
    project.close()


def _fill_gold(project: Project) -> None:
    import_seeds(project)
    for doc in project.document_ids():
        text = project.text(doc)
        spans = [Span(s, e, label, text[s:e], annotator="gold") for s, e, label in
                 gold_spans(project.document(doc).name, text)]
        project.add_spans(doc, spans)
        project.set_status(doc, "done")
    doc = project.add_document(Document(name="astral.txt", text=ASTRAL, raw_text=ASTRAL,
                                        content_hash=hashlib.sha256(ASTRAL.encode()).hexdigest()))
    project.add_span(doc, 7, 10, "REGION", annotator="li")
    project.add_span(doc, 1, 3, "PERSON", annotator="li", origin="suggested", state="pending", score=0.9)
    project.set_status(doc, "done")


def gold_corpus(project: Project, size: int = 130, seed: int = 5) -> None:
    """Fill `project` with `size` documents made of the seeds' lines, each line keeping its gold spans.

    Two to five lines are drawn from one seed at a time, in a seeded random order, so every document reads
    like a short report
    and every span is a reference span placed on its own text.
    """
    import random
    rng = random.Random(seed)
    seeds = []
    for doc in project.document_ids():
        if not project.document(doc).source_path.startswith("seeds/"):
            continue  # only the seeds have reference annotations
        text = project.text(doc)
        spans = gold_spans(project.document(doc).name, text)
        lines, pos = [], 0
        for line in text.split("\n"):
            end = pos + len(line)
            lines.append((line, [(s - pos, e - pos, label) for s, e, label in spans if pos <= s and e <= end]))
            pos = end + 1
        if len(lines) >= 3:
            seeds.append(lines)
    made = 0
    while made < size:
        lines = rng.choice(seeds)
        picked = rng.sample(lines, rng.randint(2, 5))
        text, spans = "", []
        for line, line_spans in picked:
            spans += [(s + len(text), e + len(text), label) for s, e, label in line_spans]
            text += line + "\n"
        if project.document_id_by_hash(hashlib.sha256(text.encode()).hexdigest()) is not None:
            continue
        doc = project.add_document(Document(name=f"corpus-{made:03}.txt", text=text, raw_text=text,
                                            content_hash=hashlib.sha256(text.encode()).hexdigest()))
        project.add_spans(doc, [Span(s, e, label, text[s:e], annotator=rng.choice(("gold", "li")))
                                for s, e, label in spans])
        project.set_status(doc, "done")
        made += 1


@pytest.fixture(scope="module")
def corpus_project(tmp_path_factory):
    """The seeds and the astral document (gold_project), plus 130 documents made from the seeds' gold lines."""
    path = tmp_path_factory.mktemp("corpus") / "corpus.annot"
    project = Project.open(path)
    _fill_gold(project)
    gold_corpus(project)
    yield project
    project.close()


REPAIRED_RAW = ("??當前位置：首頁 > 新聞\n  𠮷林區(qū)委書記趙敏😀宣布向西安市捐款二百万元。\n\n"
                "奉贤区承诺三年内投入５０００万元。")


@pytest.fixture
def two_annotators(tmp_path):
    """li and wang on two documents (one repaired from a damaged raw text, so with a raw text and an offset
    map, both with astral characters before the spans), with pending suggestions; all marked done."""
    project = Project.open(tmp_path / "two.annot")
    doc, _ = build_document("repaired.txt", "repaired.txt", parse_report("repaired.txt", REPAIRED_RAW.encode()),
                            RepairOptions(), None)
    repaired = project.add_document(doc)
    plain = project.add_document(Document(name="astral.txt", text=ASTRAL, raw_text=ASTRAL,
                                          content_hash=hashlib.sha256(ASTRAL.encode()).hexdigest()))
    for doc_id in (repaired, plain):
        text = project.text(doc_id)

        def at(word, label, **fields):
            start = text.index(word)
            project.add_span(doc_id, start, start + len(word), label, **fields)
        at("西安市", "REGION", annotator="li")
        at("二百万元", "AMOUNT", annotator="li")
        at("赵敏", "PERSON", annotator="wang")
        at("宣布向西安市捐款二百万元", "COMMITMENT", annotator="wang")
        at("𠮷", "REGION", origin="suggested", state="pending", score=0.6)
        project.set_status(doc_id, "done")
    project.add_span(repaired, 23, 26, "REGION", annotator="wang")  # 奉贤区, after the line break
    project.add_span(repaired, 33, 39, "AMOUNT", origin="suggested", state="pending", score=0.8)  # 5000万元
    yield project
    project.close()
