"""Dialogs of the window: settings, import options and report, export, agreement, sync, and the file and
backup choosers."""
from annotator.gui.dialogs.agreement import AgreementDialog
from annotator.gui.dialogs.conflicts import ConflictsDialog
from annotator.gui.dialogs.choosers import (
    ask_backup, ask_new_project, ask_project, ask_projects_to_merge, ask_report_files, ask_report_folder,
)
from annotator.gui.dialogs.export import ExportDialog
from annotator.gui.dialogs.imports import ImportOptionsDialog, ImportReportDialog
from annotator.gui.dialogs.settings import SettingsDialog
from annotator.gui.dialogs.sync import SyncDialog

__all__ = ["AgreementDialog", "ConflictsDialog", "ExportDialog", "ImportOptionsDialog", "ImportReportDialog", "SettingsDialog", "SyncDialog",
           "ask_backup",
           "ask_new_project", "ask_project", "ask_projects_to_merge", "ask_report_files", "ask_report_folder"]
