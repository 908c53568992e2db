"""Build the reference JSON files of the unseen set from per-report specs.

A spec names the REGION and PERSON strings of a report (every occurrence in
the normalized text is then listed, longest match first; `Rx`/`Px` strings
are matched but not emitted, e.g. joined short forms like 沪滇 or 援藏; `Rtrim`
maps a matched string to the part listed, e.g. 北京市民 -> 北京), and
lists AMOUNT and COMMITMENT mentions explicitly in order.  The normalized
text is the one `check.py` computes.  Run: python build_refs.py SPEC.py...
"""
import json, sys, runpy
from pathlib import Path
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))
from check import normalize  # noqa: E402


def enumerate_mentions(text, keep, block):
    cands = sorted(set(keep) | set(block), key=len, reverse=True)
    out, i = [], 0
    while i < len(text):
        for c in cands:
            if c and text.startswith(c, i):
                if c in keep:
                    out.append((i, c))
                i += len(c)
                break
        else:
            i += 1
    return out


def locate_seq(text, items):
    pos, res = 0, []
    for s in items:
        j = text.find(s, pos)
        if j < 0:
            raise SystemExit(f"not found in order: {s!r}")
        res.append((j, s)); pos = j + 1
    return res


def build(name, spec, show=False):
    txt = next(HERE.glob(f"*/{name}*.txt"))
    text = normalize(txt)
    trim = spec.get('Rtrim', {})  # matched string -> the part listed (`北京市民` -> `北京`, the X市民 case)
    R = enumerate_mentions(text, list(spec.get('R', [])) + list(trim), spec.get('Rx', []))
    R = [(i, trim.get(s, s)) for i, s in R]
    P = enumerate_mentions(text, spec.get('P', []), spec.get('Px', []))
    for lab, lst in (('R', R), ('P', P)):
        used = {s for _, s in lst}
        for s in spec.get(lab, []):
            if s not in used:
                print(f"{name}: {lab} {s!r} never matched")
    A = locate_seq(text, spec.get('A', []))
    C = locate_seq(text, spec.get('C', []))
    ref = {"REGION": [s for _, s in R], "AMOUNT": [s for _, s in A],
           "PERSON": [s for _, s in P], "COMMITMENT": [s for _, s in C]}
    txt.with_suffix('.json').write_text(json.dumps(ref, ensure_ascii=False, indent=1) + "\n")
    if show:
        marks = sorted([(i, i + len(s), 'R') for i, s in R] + [(i, i + len(s), 'P') for i, s in P]
                       + [(i, i + len(s), 'A') for i, s in A], key=lambda m: m[0])
        out, last = [], 0
        for a, b, l in marks:
            if a < last:
                continue
            out.append(text[last:a]); out.append({'R': '[', 'P': '{', 'A': '<'}[l] + text[a:b] + {'R': ']', 'P': '}', 'A': '>'}[l]); last = b
        out.append(text[last:])
        marked = ''.join(out)
        # flag digits not inside an AMOUNT
        print(f"===== {name}  R{len(R)} A{len(A)} P{len(P)} C{len(C)}")
        print(marked)
        for _, c in C:
            print("  C:", c)


if __name__ == '__main__':
    show = '--show' in sys.argv
    for f in [a for a in sys.argv[1:] if not a.startswith('--')]:
        specs = runpy.run_path(f)['SPEC']
        for name, spec in specs.items():
            build(name, spec, show)
