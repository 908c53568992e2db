"""The repair steps an import can apply, and the options that choose them: what the command line's flags and
the import dialog are made from, without loading the repair code itself (the window's start-up does not)."""
from __future__ import annotations

from dataclasses import make_dataclass


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802
    """Marks a string for Qt's translation tool (pyside6-lupdate reads this file too); no Qt here."""
    return text


# The repair steps, in the order they run: the command line's --no-KEY flags and the import dialog's
# check boxes are made from this table.
REPAIR_STEPS = {
    "t2s": QT_TRANSLATE_NOOP("ImportOptionsDialog", "Traditional → simplified characters (OpenCC t2s)"),
    "pinyin": QT_TRANSLATE_NOOP("ImportOptionsDialog", "Remove pinyin glued after characters: 區(qū) → 区"),
    "question_marks": QT_TRANSLATE_NOOP("ImportOptionsDialog",
                                        "Remove ?? runs at line starts (lost ideographic spaces)"),
    "boilerplate": QT_TRANSLATE_NOOP("ImportOptionsDialog", "Remove navigation, share, paywall and font-size "
                                                            "lines; dates and sources to metadata"),
    "fullwidth": QT_TRANSLATE_NOOP("ImportOptionsDialog", "Full-width digits and letters → ASCII"),
    "whitespace": QT_TRANSLATE_NOOP("ImportOptionsDialog", "Drop indentation, trailing spaces and blank lines"),
}
# Which steps an import applies: every one on by default.
RepairOptions = make_dataclass("RepairOptions", [(key, bool, True) for key in REPAIR_STEPS], frozen=True)
