"""What a data journalist would otherwise write in a notebook: read the articles, drop
obvious page furniture, split sentences with pysbd, pull figures out with regular
expressions, and pair up similar sentences across outlets with rapidfuzz to flag
figures that disagree.

    python baseline.py DIR            # DIR holds *.txt and (optionally) answers.json
    python baseline.py --score-report REPORT.json DIR   # score crosscheck's conflicts

Prints the time of each step, the number of conflicts flagged and, when answers.json is
there, their recall and precision against the injected conflicts. It is done honestly:
blocking by unit and event word before fuzzy matching, and rapidfuzz's vectorised
`process.cdist` instead of a Python double loop.
"""

import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

import pysbd
from rapidfuzz import fuzz, process

BOILERPLATE = re.compile(
    r"^(share( this.*)?:?|tweet|email|print|copy link|advertisement|comment|name \*|email \*|"
    r"categories:.*|tags:.*|read more:.*|follow us on.*|subscribe to our newsletter|"
    r"sign up for .*newsletter.*|to be updated with all the latest.*|home > .*|"
    r"\(reporting by .*\)|photo:.*|share on .*|by [a-z]+ [a-z]+)$",
    re.I,
)
TAIL = re.compile(r"^(related articles|leave a reply)$", re.I)

NUMBER = re.compile(
    r"(?P<mod>at least|more than|over|nearly|almost|about|some)?\s*"
    r"(?P<cur>\$)?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*"
    r"(?P<mult>bn|billion|m\b|million)?\s*(?P<pct>%|percent|per cent)?",
    re.I,
)
EVENTS = {
    "killed": ["killed", "dead", "died", "death toll", "toll"],
    "injured": ["injured", "wounded"],
    "magnitude": ["magnitude"],
    "turnout": ["turnout"],
    "votes": ["votes"],
    "seats": ["seats"],
    "detained": ["detained", "arrested"],
    "budget": ["budget"],
    "deficit": ["deficit"],
    "deal": ["deal"],
    "share": ["weaponry", "arms imports", "share"],
    "homes": ["homes"],
    "rescuers": ["rescuers"],
    "scholarships": ["scholarships"],
}
YEAR = re.compile(r"^(19|20)\d\d$")


def clean(text):
    """Paragraphs of the article without page furniture."""
    out = []
    for para in re.split(r"\n\s*\n", text):
        line = para.strip()
        if not line:
            continue
        if TAIL.match(line):
            break
        if BOILERPLATE.match(line):
            continue
        out.append(line)
    return out


def interval(mod, value):
    mod = (mod or "").lower()
    if mod in ("at least", "more than", "over"):
        return value, float("inf")
    if mod in ("nearly", "almost"):
        return value * 0.9, value
    if mod in ("about", "some"):
        return value * 0.9, value * 1.1
    return value, value


def claims_of(sentence):
    low = sentence.lower()
    events = [e for e, words in EVENTS.items() if any(w in low for w in words)]
    if not events:
        return []
    out = []
    for m in NUMBER.finditer(sentence):
        raw = m.group("num")
        value = float(raw.replace(",", ""))
        if YEAR.match(raw) and not m.group("cur"):
            continue
        mult = (m.group("mult") or "").lower()
        if mult in ("bn", "billion"):
            value *= 1e9
        elif mult in ("m", "million"):
            value *= 1e6
        unit = "pct" if m.group("pct") else ("usd" if m.group("cur") or mult else "n")
        lo, hi = interval(m.group("mod"), value)
        out.append((events[0], unit, value, lo, hi))
    return out


def main(folder):
    folder = Path(folder)
    files = sorted(folder.glob("*.txt"))
    timings = {}

    t = time.perf_counter()
    texts = {f.stem: f.read_text(encoding="utf-8") for f in files}
    paragraphs = {k: clean(v) for k, v in texts.items()}
    timings["read+clean"] = time.perf_counter() - t

    t = time.perf_counter()
    seg = pysbd.Segmenter(language="en", clean=False)
    sentences = {k: [s for p in ps for s in seg.segment(p)] for k, ps in paragraphs.items()}
    timings["segment (pysbd)"] = time.perf_counter() - t

    t = time.perf_counter()
    blocks = defaultdict(list)  # (event, unit) -> [(source, sentence, value, lo, hi)]
    for src, ss in sentences.items():
        for s in ss:
            for event, unit, value, lo, hi in claims_of(s):
                blocks[(event, unit)].append((src, s, value, lo, hi))
    timings["extract (regex)"] = time.perf_counter() - t

    t = time.perf_counter()
    conflicts = []
    for items in blocks.values():
        texts_ = [i[1] for i in items]
        scores = process.cdist(texts_, texts_, scorer=fuzz.token_set_ratio, score_cutoff=75)
        n = len(items)
        for a in range(n):
            for b in scores[a].nonzero()[0]:
                if b <= a:
                    continue
                x, y = items[a], items[b]
                if x[0] == y[0]:
                    continue
                if x[4] < y[3] or y[4] < x[3]:
                    conflicts.append((x[0], x[2], y[0], y[2]))
    timings["align+compare (rapidfuzz)"] = time.perf_counter() - t

    total = sum(timings.values())
    size = sum(len(v.encode()) for v in texts.values()) / 1e6
    for k, v in timings.items():
        print(f"  {k:<28} {v:8.2f} s")
    print(f"  {'total':<28} {total:8.2f} s  ({size / total:.2f} MB/s, {len(files)} sources)")
    print(f"  conflicts flagged: {len(conflicts)}")

    score(folder, [[p] for p in conflicts])
    return total


def close(a, b):
    return a is not None and abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1)


def matches(pair, c, story, strict):
    """Whether a conflicting pair (source, number, source, number) holds injected conflict
    c: its wrong figure and, strictly, an agreeing source's figure, else any source of
    the same story (the rule of benches/corpus/mod.rs)."""
    for bad, bv, other, ov in (pair, (pair[2], pair[3], pair[0], pair[1])):
        if bad == c["source"] and close(bv, c["value"]):
            if strict and any(a["source"] == other and close(ov, a["value"]) for a in c["agreeing"]):
                return True
            if not strict and other != bad and story.get(other) == c["story"]:
                return True
    return False


def score(folder, findings):
    """Recall and precision of conflict findings, each a list of pairs, against the
    injected conflicts of answers.json."""
    answers = Path(folder) / "answers.json"
    if not answers.exists():
        return
    key = json.loads(answers.read_text())
    story = {a["id"]: a["story"] for a in key.get("articles", [])}
    injected = [c for c in key["conflicts"] if c["agreeing"]]
    found = sum(any(matches(p, c, story, True) for f in findings for p in f) for c in injected)
    correct = sum(any(matches(p, c, story, False) for p in f for c in key["conflicts"]) for f in findings)
    recall = found / len(injected) if injected else 1.0
    precision = correct / len(findings) if findings else 1.0
    print(f"  recall {recall:.3f} ({found}/{len(injected)}), precision {precision:.3f} ({correct}/{len(findings)})")


def score_report(report, folder):
    """Scores the conflict findings of a crosscheck report@1 JSON."""
    r = json.loads(Path(report).read_text())
    findings = []
    for f in r["findings"]:
        if f["verdict"] != "conflict":
            continue
        cs = [(c["source"], c.get("number")) for c in f["claims"]]
        findings.append([(a[0], a[1], b[0], b[1]) for i, a in enumerate(cs) for b in cs[i + 1:]])
    print(f"  conflict findings: {len(findings)}")
    score(folder, findings)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--score-report":
        score_report(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 2:
        main(sys.argv[1])
    else:
        sys.exit(__doc__)
