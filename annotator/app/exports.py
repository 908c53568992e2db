"""Exporting with the summary an engineer needs: what was written, and what was left out and why."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import OutputError
from annotator.export.formats import FORMATS
from annotator.export.select import Selection
from annotator.store.project import Project


@dataclass(frozen=True)
class LeftOut:
    documents: int  # not marked done, when only done documents are exported
    pending: int  # undecided suggestions in the exported documents, when only accepted spans are

    def lines(self) -> list[str]:
        out = []
        if self.documents:
            out.append(f"{self.documents} document(s) not marked done were left out (--documents all adds them)")
        if self.pending:
            out.append(f"{self.pending} pending suggestion(s) were left out (--spans all adds them)")
        return out


def left_out(project: Project, sel: Selection) -> LeftOut:
    counts = project.status_counts()
    not_done = sum(counts.values()) - counts["done"] if sel.documents == "done" else 0
    pending = 0
    if sel.spans == "accepted":
        pending = project.pending_count("done" if sel.documents == "done" else None)
    return LeftOut(not_done, pending)


def export(project: Project, format_name: str, out: Path, sel: Selection = Selection(), *,
           raw_offsets: bool = False, allow_empty: bool = False) -> tuple[dict, LeftOut]:
    """Write the export; returns its summary and what it left out. An export that would hold no document
    is refused (nothing is written) unless `allow_empty`."""
    missing = left_out(project, sel)
    if not allow_empty and not project.document_ids(status=None if sel.documents == "all" else "done"):
        raise OutputError(f"nothing to export: no document is marked done ({project.document_count()} in the "
                          "project); mark documents done, or export all documents")
    return FORMATS[format_name].export(project, out, sel, raw_offsets=raw_offsets), missing
