#!/usr/bin/env bash
# Linux desktop integration for the bundle: a menu entry, the icon, and *.annot files opening in the annotator.
# Run after packaging/build.sh (or from an unpacked bundle folder's parent): packaging/install-desktop.sh [BUNDLE_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bundle=$(cd "${1:-$here/../dist/annotator}" && pwd)
share=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$share/applications" "$share/icons/hicolor/256x256/apps" "$share/mime/packages"
sed "s|^Exec=annotator|Exec=$bundle/annotator|" "$here/annotator.desktop" > "$share/applications/pairing-annotator.desktop"
cp "$here/annotator.png" "$share/icons/hicolor/256x256/apps/pairing-annotator.png"
cp "$here/annotator-mime.xml" "$share/mime/packages/pairing-annotator.xml"
command -v update-mime-database >/dev/null && update-mime-database "$share/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$share/applications" || true
echo "installed the menu entry and the *.annot file association for $bundle/annotator"
