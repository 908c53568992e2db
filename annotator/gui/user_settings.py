"""The user's own settings (QSettings: per user and machine, not per project), typed, each with its default
in one place. The project's settings are annotator.store.settings.ProjectSettings."""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

from annotator.app.session import default_annotator

RECENT_KEEP = 8


class UserSettings:
    def __init__(self, settings: QSettings | None = None):
        self.qt = settings if settings is not None else QSettings()

    @property
    def annotator(self) -> str:
        """Stored with every span: ANNOTATOR_NAME, else the name set in Settings, else the system user's."""
        return os.environ.get("ANNOTATOR_NAME") or self.qt.value("annotator", "") or default_annotator()

    @annotator.setter
    def annotator(self, name: str) -> None:
        self.qt.setValue("annotator", name.strip() or default_annotator())

    @property
    def font_family(self) -> str:
        return self.qt.value("font_family", "")

    @font_family.setter
    def font_family(self, family: str) -> None:
        self.qt.setValue("font_family", family)

    @property
    def snap(self) -> bool:
        """Widen a selection to whole jieba words before labelling."""
        return self.qt.value("snap", "false") == "true"

    @snap.setter
    def snap(self, on: bool) -> None:
        self.qt.setValue("snap", "true" if on else "false")

    @property
    def language(self) -> str:
        """"system", "zh_CN" or "en"."""
        return self.qt.value("language", "system")

    @language.setter
    def language(self, code: str) -> None:
        self.qt.setValue("language", code)

    @property
    def recent_projects(self) -> list[str]:
        value = self.qt.value("recent_projects", [])
        return [value] if isinstance(value, str) else list(value or [])

    def remember_project(self, path: str | Path) -> None:
        path = str(Path(path).resolve())
        self.qt.setValue("recent_projects",
                         [path] + [p for p in self.recent_projects if p != path][:RECENT_KEEP - 1])
