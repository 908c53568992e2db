#!/usr/bin/env python3
"""Draw the app icon (a highlighted 标 on a rounded square) as packaging/annotator.png and .ico with Qt.
macOS's .icns is made from the PNG on a Mac: `sips`/`iconutil` (see README)."""
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "packaging"


def main() -> int:
    app = QGuiApplication(sys.argv)  # fonts need an application
    image = QImage(256, 256, QImage.Format_ARGB32)
    image.fill(Qt.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.Antialiasing)
    p.setBrush(QColor("#1F3A5F"))
    p.setPen(Qt.NoPen)
    p.drawRoundedRect(QRectF(8, 8, 240, 240), 48, 48)
    p.setBrush(QColor("#FFD666"))
    p.drawRoundedRect(QRectF(40, 150, 176, 44), 12, 12)
    font = QFont("Noto Sans CJK SC", 120, QFont.Bold)
    p.setFont(font)
    p.setPen(QColor("#FFFFFF"))
    p.drawText(QRectF(8, 0, 240, 240), Qt.AlignCenter, "标")
    p.end()
    for suffix in ("png", "ico"):
        assert image.save(str(OUT / f"annotator.{suffix}")), suffix
        print(OUT / f"annotator.{suffix}")
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
