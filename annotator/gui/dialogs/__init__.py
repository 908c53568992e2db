"""Dialogs of the window: settings, import options and report, export, agreement, sync, and the file and
backup choosers. Each module is imported when one of its dialogs is first asked for (`dialogs.ExportDialog`):
the import and export dialogs bring the whole import and export code, which the window's start-up does not
need (they cost 50 ms of it)."""
from __future__ import annotations

import importlib

_WHERE = {
    "AgreementDialog": "agreement", "ConflictsDialog": "conflicts", "ExportDialog": "export",
    "ImportOptionsDialog": "imports", "ImportReportDialog": "imports", "SettingsDialog": "settings",
    "SyncDialog": "sync", **{name: "choosers" for name in (
        "ask_backup", "ask_new_project", "ask_project", "ask_projects_to_merge", "ask_report_files",
        "ask_report_folder")},
}
__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
