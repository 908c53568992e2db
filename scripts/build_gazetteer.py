#!/usr/bin/env python3
"""Build resources/gazetteer.tsv, the REGION suggester's list of China's administrative divisions.

Source: the `cpca` package (MIT licence), file cpca/resources/adcodes.csv: every
province, prefecture and county-level division with its 12-digit code, and
cpca/resources/56_nations.csv, the ethnic group names that autonomous areas carry
in their full names. The wheel is fetched from PyPI at a pinned version and its
checksum checked, so the output is reproducible:

    python scripts/build_gazetteer.py            # downloads the wheel with pip
    python scripts/build_gazetteer.py WHEEL.whl  # or uses one you have

A short form several counties share (山阳: 山阳区 and 山阳县) names the first in a row of its level,
and the others in rows of level "also": a report that names any of them in full makes it a place.
Each full name gets its short forms (凉山彝族自治州 -> 凉山州, 凉山; 奉贤区 -> 奉贤),
dropping one-character forms. A county's short form that is a common Chinese word
(by jieba's dictionary: 和平区 -> 和平, 大兴区 -> 大兴) gets the level "word": the
suggester takes it only in a report that names the county in full.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
import subprocess
import sys
import tempfile
import zipfile
from datetime import date
from pathlib import Path

import jieba

PACKAGE, VERSION = "cpca", "0.5.5"
OUT = Path(__file__).resolve().parents[1] / "resources" / "gazetteer.tsv"

# Suffixes removed to make a short form, longest first; "州" is kept after an autonomous prefecture's name.
SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "特区", "新区", "省", "市", "区", "县", "旗", "盟")
NOT_PLACES = ("直辖", "市辖", "群岛", "海域")


def level(adcode: str) -> str:
    if adcode[2:6] == "0000":
        return "province"
    return "prefecture" if adcode[4:6] == "00" else "county"


def fetch_wheel() -> Path:
    tmp = Path(tempfile.mkdtemp())
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                    f"{PACKAGE}=={VERSION}", "-d", str(tmp)], check=True, stdout=subprocess.DEVNULL)
    return next(tmp.glob("*.whl"))


def common_words() -> dict[str, tuple[int, str]]:
    """jieba's dictionary: word -> (frequency, part of speech)."""
    out = {}
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as f:
        for line in f:
            word, freq, tag = line.split()
            out[word] = (int(freq), tag)
    return out


def is_common_word(form: str, words: dict[str, tuple[int, str]], level: str = "county") -> bool:
    """A county's short form that is mostly an ordinary word (和平, 合作, 开发, 通道) would be suggested
    everywhere. A province's or prefecture's short form is kept however jieba tags it (大连, 遵义, 保定,
    大理, 北海: the reports name these cities far more than they use the words)."""
    if level != "county":
        return False
    freq, tag = words.get(form, (0, "ns"))
    if tag == "ns":
        return False
    return freq >= 300 or (freq >= 50 and tag not in ("n", "nr", "nrt", "nz"))


def strip_ethnic(stem: str, nations: list[str]) -> str:
    """凉山彝族 -> 凉山, 湘西土家族苗族 -> 湘西, 广西壮族 -> 广西; names also drop a nation without 族
    (新疆维吾尔 -> 新疆, 伊犁哈萨克 -> 伊犁) when two characters or more are left (内蒙古 stays)."""
    names = nations + [n[:-1] for n in nations if n.endswith("族") and len(n) > 2]
    changed = True
    while changed:
        changed = False
        for n in names:
            if stem.endswith(n) and len(stem) - len(n) >= 2:
                stem, changed = stem[: -len(n)], True
    return stem


def short_forms(name: str, nations: list[str]) -> list[str]:
    """凉山彝族自治州 -> 凉山自治州, 凉山州, 凉山; 漾濞彝族自治县 -> 漾濞自治县, 漾濞县, 漾濞 (reports drop
    the nation, and 自治 too);
    察哈尔右翼前旗 -> 察右前旗 (the usual contraction of 右翼/左翼 banners); 奉贤区 -> 奉贤."""
    forms = []
    wing = re.fullmatch(r"(.)[^左右]*([左右])翼(.旗)", name)
    if wing:
        forms.append(wing[1] + wing[2] + wing[3])
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = strip_ethnic(name[: -len(suffix)], nations)
            if suffix.startswith("自治"):  # 新疆自治区, 印江自治县: the nation dropped, 自治 kept
                forms.append(stem + suffix)
            if suffix in ("自治州", "自治县", "自治旗"):
                forms.append(stem + suffix[-1])
            elif suffix == "特别行政区":
                forms.append(stem + "特区")
            forms.append(stem)
            break
    return [f for f in forms if len(f) >= 2 and f != name]


def build(wheel: Path) -> tuple[list[tuple[str, str, str, str]], str]:
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    with zipfile.ZipFile(wheel) as z:
        rows = list(csv.DictReader(io.TextIOWrapper(z.open("cpca/resources/adcodes.csv"), "utf-8")))
        nations = [n.strip() for n in z.read("cpca/resources/56_nations.csv").decode("utf-8").split() if n.strip()]
    nations.sort(key=len, reverse=True)
    words = common_words()
    entries: dict[str, tuple[str, str, str, str]] = {}
    also: list[tuple[str, str, str, str]] = []  # other counties a short form names, for anchoring it
    # a higher division claims a short form first: 河北 is the province, not Tianjin's 河北区; 和田 is 和田地区,
    # not 和田县; 中山 is 中山市, not Dalian's 中山区
    rank = {"province": 0, "prefecture": 1, "county": 2}
    for row in sorted(rows, key=lambda r: (rank[level(r["adcode"])], r["adcode"])):
        code, name = row["adcode"], row["name"]
        if any(m in name for m in NOT_PLACES):
            continue
        if not is_common_word(name, words) or len(name) > 2:
            entries.setdefault(name, (name, level(code), code, name))
        for form in short_forms(name, nations):
            # a county's short form that is a word (大兴, 和平) is kept as such: a place only beside its full name
            kind = "word" if is_common_word(form, words, level(code)) else "short"
            if form not in entries or (entries[form][1] == "word" and kind == "short"):
                if form in entries and entries[form][0] != entries[form][3]:
                    also.append((form, "also", *entries[form][2:]))
                entries[form] = (form, kind, code, name)
            elif level(code) == "county" and entries[form][2] != code:
                also.append((form, "also", code, name))  # 山阳: 山阳区 (Henan) and 山阳县 (Shaanxi); 鼓楼 of 南京, 福州
    return sorted(list(entries.values()) + also, key=lambda e: (e[2], e[0] != e[3], e[0])), digest


def main(argv: list[str]) -> int:
    wheel = Path(argv[1]) if len(argv) > 1 else fetch_wheel()
    entries, digest = build(wheel)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# China's administrative divisions for the REGION suggester. Built by scripts/build_gazetteer.py\n"
                f"# from {PACKAGE} {VERSION} (https://pypi.org/project/{PACKAGE}/{VERSION}/, MIT licence),\n"
                f"# cpca/resources/adcodes.csv; wheel {wheel.name} sha256 {digest}; jieba {jieba.__version__}\n"
                f"# dictionary used to mark short forms that are common words (level word); built {date.today().isoformat()}.\n"
                f"# name\tlevel\tadcode\tfull name\n")
        for e in entries:
            f.write("\t".join(e) + "\n")
    print(f"{OUT}: {len(entries)} names from {wheel.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
