"""Projects and settings in the window: new, open, recent, restore a backup, settings (a part of MainWindow)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow

from annotator.core.errors import AnnotatorError
from annotator.gui import dialogs
from annotator.gui.actions import tr
from annotator.gui.i18n import install_translator
from annotator.gui.messages import show_error
from annotator.store.project import Project


class ProjectActions:
    """Mixed into MainWindow: File > New, Open, Recent projects, Restore a backup, Settings."""

    def choose_new_project(self) -> None:
        path = dialogs.ask_new_project(self)
        if path:
            self.switch_project(path)

    def choose_open_project(self) -> None:
        path = dialogs.ask_project(self)
        if path:
            self.switch_project(path)

    def switch_project(self, path: str) -> QMainWindow | None:
        """Open (or create) the project at `path` in a new window, which replaces this one."""
        if self.project.path is not None and Path(path).resolve() == self.project.path.resolve():
            self.say(tr("This project is already open in this window."), 8000)
            return self
        try:
            project, warnings = open_for_work(path)
        except AnnotatorError as e:
            show_error(self, str(e))
            return None
        self.settings.remember_project(path)
        window = type(self)(project, self.annotator, owns_project=True, warnings=warnings)
        window.setGeometry(self.geometry())
        window.show()
        self.close()
        return window

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_projects:
            self.recent_menu.addAction(path, lambda p=path: self.switch_project(p))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    def choose_backup(self) -> None:
        if self.project.path is not None:
            backup = dialogs.ask_backup(self, self.project.path)
            if backup is not None:
                self.restore(backup)

    def restore(self, backup: Path) -> QMainWindow:
        """Restore `backup` into the open project (other programs that have it open follow) and show it
        in a fresh window."""
        from annotator.store.backups import restore_backup
        self._record_time()
        try:
            restore_backup(self.project, backup)
        except AnnotatorError as e:
            show_error(self, str(e))
            return self
        self.doc_id = None  # it may not exist in the restored project
        return self.reopen()

    def open_settings(self) -> dialogs.SettingsDialog:
        dialog = dialogs.SettingsDialog(self.project, self.settings, self.view.font(), self)
        language = self.settings.language
        dialog.finished.connect(lambda result: self._settings_closed(dialog, result, language))
        dialog.open()
        return dialog

    def _settings_closed(self, dialog, result: int, language: str) -> None:
        if result:
            dialog.apply()
            self.labelling.annotator = self.settings.annotator
            self._apply_font()
        self._build_labels()
        if self.doc_id is not None:
            self.open_document(self.doc_id)
        self._update_status()
        if result and self.settings.language != language:
            install_translator(QApplication.instance(), self.settings)
            self.reopen()

    def reopen(self) -> QMainWindow:
        """The same project in a fresh window (after the language changes, or a restore)."""
        window = type(self)(self.project, self.annotator)
        window.owns_project, window._lock = self.owns_project, self._lock
        window.setAttribute(Qt.WA_DeleteOnClose, self.owns_project)
        self.owns_project, self._lock = False, None
        window.setGeometry(self.geometry())
        window.show()
        if self.doc_id is not None:
            window.open_document(self.doc_id)
        self.close()
        return window


def open_for_work(path: str | Path | None) -> tuple[Project, tuple[str, ...]]:
    """Open a project for the window, with a rolling backup first; a backup that cannot be made is a warning
    to show (backups are off), not a reason to refuse the project."""
    from annotator.app.session import open_session
    session = open_session(path, backup=True)
    warnings = (tr("Backups are off: %s") % session.backup_error,) if session.backup_error else ()
    return session.project, warnings
