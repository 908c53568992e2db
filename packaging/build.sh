#!/usr/bin/env bash
# Build the one-folder desktop bundle dist/annotator/ (run: dist/annotator/annotator, or --self-test).
# Uses its own virtual environment with the project installed as users get it (not editable).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
[ -x .venv-build/bin/python ] || "$PYTHON" -m venv .venv-build
.venv-build/bin/pip install -q --upgrade pip
.venv-build/bin/pip install -q -c constraints.txt . "pyinstaller>=6.10,<7"
.venv-build/bin/python scripts/build_translations.py
.venv-build/bin/pip install -q --force-reinstall --no-deps .   # now with the compiled translations
.venv-build/bin/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
  packaging/annotator.spec
du -sh dist/annotator
echo "built dist/annotator/annotator; check it with: dist/annotator/annotator --self-test"
