"""Exporting with the summary an engineer needs: what was written, and what was left out and why."""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from annotator.app.adjudication import Adjudication

from annotator.core.errors import OutputError
from annotator.export.formats import FORMATS
from annotator.export.select import Selection
from annotator.store.project import Project


@dataclass(frozen=True)
class LeftOut:
    documents: int  # not marked done, when only done documents are exported
    pending: int  # undecided suggestions in the exported documents, when only accepted spans are
    unadjudicated: int = 0  # chosen documents not yet adjudicated, when the curator's spans are exported

    def lines(self) -> list[str]:
        out = []
        if self.documents:
            out.append(f"{self.documents} document(s) not marked done were left out (--documents all adds them)")
        if self.pending:
            out.append(f"{self.pending} pending suggestion(s) were left out (--spans all adds them)")
        if self.unadjudicated:
            out.append(f"{self.unadjudicated} document(s) not yet adjudicated were left out "
                       "(Team > Adjudicate this document)")
        return out


def curated(project: Project, sel: Selection) -> tuple[Selection, int]:
    """An export of the curator's spans holds only adjudicated documents: the selection narrowed to them, and
    how many of the documents it chose by status it leaves out. Any other selection as it is."""
    adjudication = Adjudication(project)
    if sel.annotator != adjudication.curator:
        return sel, 0
    ids = project.document_ids(status=None if sel.documents == "all" else "done")
    done = {i for i in ids if adjudication.state(i).done()}
    return replace(sel, include=done.__contains__), len(ids) - len(done)


def left_out(project: Project, sel: Selection, unadjudicated: int = 0) -> LeftOut:
    counts = project.status_counts()
    not_done = sum(counts.values()) - counts["done"] if sel.documents == "done" else 0
    pending = 0
    if sel.spans == "accepted":
        pending = project.pending_count("done" if sel.documents == "done" else None)
    return LeftOut(not_done, pending, unadjudicated)


def export(project: Project, format_name: str, out: Path, sel: Selection = Selection(), *,
           raw_offsets: bool = False, allow_empty: bool = False) -> tuple[dict, LeftOut]:
    """Write the export; returns its summary and what it left out. An export that would hold no document
    is refused (nothing is written) unless `allow_empty`. The curator's spans: adjudicated documents only."""
    sel, unadjudicated = curated(project, sel)
    missing = left_out(project, sel, unadjudicated)
    chosen = project.document_ids(status=None if sel.documents == "all" else "done")
    if not allow_empty and not chosen:
        raise OutputError(f"nothing to export: no document is marked done ({project.document_count()} in the "
                          "project); mark documents done, or export all documents")
    if not allow_empty and sel.include is not None and not any(map(sel.include, chosen)):
        raise OutputError(f"nothing to export: none of the {len(chosen)} chosen document(s) is adjudicated yet")
    return FORMATS[format_name].export(project, out, sel, raw_offsets=raw_offsets), missing
