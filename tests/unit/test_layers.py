"""The layer rules of DESIGN.md: Qt only under annotator.gui, dependencies point down."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
NON_GUI = [p for p in (ROOT / "annotator").rglob("*.py") if "gui" not in p.parts]


def test_import_linter_contracts_hold():
    lint = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    if not Path(lint).exists():
        pytest.skip("import-linter is not installed here")
    out = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_non_gui_modules_import_with_qt_blocked():
    modules = sorted(".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
                     for p in NON_GUI if p.name != "__main__.py")
    code = ("import sys\n"
            "for name in ('PySide6', 'shiboken6'): sys.modules[name] = None\n"
            f"import importlib\nfor m in {modules!r}: importlib.import_module(m)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
