"""Reading our exports back as the real tools do, for the format tests."""
from collections import Counter

from annotator.export.bio import entity_layer
from annotator.export.select import Selection, selected


def read_back(path, scheme):
    """(characters, [(start, end, label)]) over the file's characters, via spaCy's BILUO tools."""
    from spacy.tokens import Doc
    from spacy.training import biluo_tags_to_spans, iob_to_biluo
    from spacy.vocab import Vocab
    chars, tags = [], []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line:
            ch, tag = line.split("\t")
            chars.append(ch)
            tags.append(tag)
    if scheme == "bio":
        tags = iob_to_biluo(tags)
    else:
        tags = [t.replace("E-", "L-").replace("S-", "U-") for t in tags]
    doc = Doc(Vocab(), words=chars, spaces=[False] * len(chars))
    return "".join(chars), [(s.start_char, s.end_char, s.label_) for s in biluo_tags_to_spans(doc, tags)]


def expected(project):
    """The entity layer of every document, over its non-whitespace characters, end to end."""
    entity = {l.name for l in project.labels() if l.kind == "entity"}
    chars, spans = "", []
    for doc, doc_spans in selected(project, Selection()):
        index, pos = {}, len(chars)
        for i, ch in enumerate(doc.text):
            if not ch.isspace():
                index[i] = pos
                pos += 1
        kept, _ = entity_layer([s for s in doc_spans if s.label in entity])
        spans += [(index[s.start], index[s.end - 1] + 1, s.label) for s in kept]
        chars += "".join(ch for ch in doc.text if not ch.isspace())
    return chars, spans


def chosen_spans(project, sel=Selection()):
    """{document id: (its text, Counter of its selected spans as (start, end, label))}, in export order."""
    return {doc.id: (doc.text, Counter((s.start, s.end, s.label) for s in spans))
            for doc, spans in selected(project, sel)}


def without_ids(tasks):
    """Label Studio tasks with the ids a new project renumbers taken out."""
    for t in tasks:
        t.pop("id")
        t["data"].pop("doc_id")
        t["data"]["meta"].pop("source", None)
        for kind in ("annotations", "predictions"):
            for a in t.get(kind, []):
                for r in a["result"]:
                    r.pop("id")
    return tasks
