"""The names our Label Studio files use: written by the export, read back by the import (FORMATS.md §1)."""
from __future__ import annotations

import re

FROM_NAME, TO_NAME = "label", "text"  # the Labels control and the Text object of the config
# A one-line TextArea holding our annotator's name in each annotation: Label Studio keeps it (it takes
# `completed_by` only as one of its own users) and writes it to its JSON and JSON_MIN exports.
# Not "annotator": JSON_MIN uses that key for its own user.
ANNOTATED_BY = "annotated_by"
# Label Studio resolves a relation's ends inside its own annotation (or prediction), so a relation lives
# where its two regions are; when its own annotator or state differ from that container's, a relation result
# carries them under this key (Label Studio keeps a result's extra keys).
RELATION_OWNER = "pairing_owner"
_REGION_ID = re.compile(r"s([0-9]+)")


def region_id(span_id: int | None) -> str:
    """The id of the region made from one of our spans."""
    return f"s{span_id}"


def span_id(region) -> int | None:
    """The span a region was made from, if its id is one of ours (Label Studio keeps region ids)."""
    found = _REGION_ID.fullmatch(region) if isinstance(region, str) else None
    return int(found.group(1)) if found else None
