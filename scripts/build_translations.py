#!/usr/bin/env python3
"""Compile the UI translations: resources/*.ts (the sources, edited with Qt Linguist) -> resources/*.qm.

Run by ./dev and the bundle build. After changing UI strings, refresh the sources first:
    pyside6-lupdate annotator/gui/*.py annotator/gui/dialogs/*.py annotator/ingest/options.py -ts resources/annotator_zh_CN.ts -no-obsolete
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[1] / "resources"


def lrelease() -> str:
    here = Path(sys.executable).parent / "pyside6-lrelease"
    found = str(here) if here.exists() else shutil.which("pyside6-lrelease")
    if not found:
        sys.exit("build_translations: pyside6-lrelease not found (install PySide6)")
    return found


def main() -> int:
    tool = lrelease()
    for ts in sorted(RESOURCES.glob("*.ts")):
        subprocess.run([tool, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
        print(f"{ts.with_suffix('.qm').name}: compiled")
    return 0


if __name__ == "__main__":
    sys.exit(main())
