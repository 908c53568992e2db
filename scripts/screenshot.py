"""Screenshot of the main window with seed 002 open and its reference spans drawn (a few as suggestions).

Run from the repository root under Xvfb with a CJK font (Debian xvfb, fonts-noto-cjk):
    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshot.py shot.png [zh_CN|en]
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # a script: the reference spans are in tests/

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.core.model import Span  # noqa: E402
from annotator.gui.i18n import install_translator  # noqa: E402
from annotator.gui.main_window import MainWindow  # noqa: E402
from annotator.gui.user_settings import UserSettings  # noqa: E402
from annotator.ingest.importer import import_seeds  # noqa: E402
from annotator.store.project import Project  # noqa: E402
from tests.helpers.gold import gold_spans  # noqa: E402


def main(out: str, language: str = "zh_CN") -> None:
    app = QApplication(sys.argv)
    settings = UserSettings(QSettings(str(Path(out).with_suffix(".ini")), QSettings.IniFormat))
    settings.language = language
    install_translator(app, settings)
    project = Project.open(None)
    import_seeds(project)
    doc = next(i for i in project.document_ids() if project.document(i).name.startswith("002"))
    text = project.text(doc)
    spans = [Span(s, e, label, text[s:e], annotator="demo") for s, e, label in gold_spans(project.document(doc).name, text)]
    project.add_spans(doc, spans[:-3])
    for s in spans[-3:]:  # a few shown as pending suggestions
        project.add_span(doc, s.start, s.end, s.label, origin="suggested", state="pending", score=0.8)
    window = MainWindow(project, "demo")
    window.show()
    window.open_document(doc)
    window.step_span(1)

    def shoot():
        window.grab().save(out)
        app.quit()

    QTimer.singleShot(700, shoot)
    app.exec()


if __name__ == "__main__":
    main(*sys.argv[1:3] or ["screenshot.png"])
