"""Screenshots of the model loop in Chinese: the settings dialog (retrain after N done) and the document
list ordered by need, with a retraining under way in the status bar.

Run from the repository root under Xvfb with a CJK font, ANNOTATOR_DATA_DIR and XDG_CONFIG_HOME set to
temporary folders:
    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshot_model_loop.py OUT_DIR
"""
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.gui import i18n  # noqa: E402
from annotator.gui.dialogs.settings import SettingsDialog  # noqa: E402
from annotator.gui.main_window import MainWindow  # noqa: E402
from annotator.ingest.importer import import_seeds  # noqa: E402
from annotator.store.project import Project  # noqa: E402
from annotator.store.settings import ProjectSettings  # noqa: E402


def main(out: str) -> None:
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    i18n.install_translator(app, type("S", (), {"language": "zh_CN"})())
    project = Project.open(Path(tempfile.mkdtemp()) / "demo.annot")
    import_seeds(project)
    project.set_setting("suggestions", "off")
    ProjectSettings(project).retrain_after = 20
    ids = project.document_ids(order="name")
    project.set_need({ids[3]: 18.4, ids[1]: 42.7, ids[4]: 6.1})  # as a training's scoring would leave them
    project.set_status(ids[0], "done")
    window = MainWindow(project, "tester")
    window.resize(1500, 900)
    window.show()
    window.order_by_need()
    window.open_document(window.model.ids[0])
    window.training_status.start(20)
    window.training_status.show_progress(120, 600, "step 120 of 600")
    app.processEvents()
    window.grab().save(str(out_dir / "list_by_need_zh.png"))
    dialog = SettingsDialog(project, window.settings, window.view.font(), window)
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(out_dir / "settings_zh.png"))
    window.training_status.finish()
    window.close()
    project.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
