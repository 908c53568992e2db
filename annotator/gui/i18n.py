"""The UI language: Chinese when the system (or the settings) say so, English otherwise.

Our strings are translated from resources/annotator_zh_CN.ts, compiled to .qm by
scripts/build_translations.py (run by ./dev and the bundle build); Qt's own dialogs
use Qt's translations.
"""
from __future__ import annotations

from importlib.resources import as_file

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from annotator.core.resources import resource
from annotator.gui.user_settings import UserSettings

_installed: list[QTranslator] = []


def language(settings: UserSettings) -> str:
    """"zh_CN" or "en", from the settings, else from the system locale."""
    chosen = settings.language
    if chosen in ("zh_CN", "en"):
        return chosen
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def install_translator(app: QApplication, settings: UserSettings) -> str:
    """Install the translators for the chosen language (replacing earlier ones); returns the language."""
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    lang = language(settings)
    if lang == "en":
        return lang
    ours = QTranslator(app)
    with as_file(resource(f"annotator_{lang}.qm")) as path:
        if path.exists() and ours.load(str(path)):
            app.installTranslator(ours)
            _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return lang
