"""Qt quirks in one place: Qt positions count UTF-16 units, our offsets count code points."""
from __future__ import annotations

import bisect
import re

ASTRAL_RE = re.compile("[\U00010000-\U0010FFFF]")


class Utf16Map:
    """Converts between code-point offsets and UTF-16 positions of one text.

    Only characters outside the BMP (emoji, CJK Extension B such as 𠮷) take two
    UTF-16 units, so the map keeps just their code-point positions.
    """

    def __init__(self, text: str):
        self.astral = [m.start() for m in ASTRAL_RE.finditer(text)]
        # UTF-16 position of each astral character, for the reverse direction.
        self._astral_u16 = [i + k for k, i in enumerate(self.astral)]

    def to_utf16(self, cp: int) -> int:
        return cp + bisect.bisect_left(self.astral, cp) if self.astral else cp

    def to_cp(self, u16: int) -> int:
        if not self.astral:
            return u16
        k = bisect.bisect_left(self._astral_u16, u16)
        # A position inside a surrogate pair snaps to the character's start.
        if k > 0 and self._astral_u16[k - 1] + 1 == u16:
            return self.astral[k - 1]
        return u16 - k
