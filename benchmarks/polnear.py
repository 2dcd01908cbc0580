"""Score accord's direct quotes and speakers on the PolNeAR dev split (``../shared/data/polnear-dev``).

Gold direct quotes: every fragment of an attribution's Content span that, stripped of spaces,
begins with an opening quotation mark and ends with a closing one (trailing punctuation allowed).
Its words are the fragment without the marks. Only the first annotator's file of an article is used.

Predicted direct quotes: accord quotes of kind "direct". A prediction matches a gold quote when
their characters overlap (one-to-one, in text order). Reported: match P/R/F1, character-overlap
P/R/F1, and speaker accuracy over matched quotes whose attribution has a Source: right when the
predicted speaker words or speaker mention overlap the gold Source span, or when the speaker
mention and the Source share a capitalised name word (a coreferent name elsewhere in the text).

Run: ``.venv/bin/python benchmarks/polnear.py [LIMIT]`` (exits 0 with a message when data is absent).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "polnear-dev" / "dev"
OPEN_MARKS = "“\"‘'«"
CLOSE_MARKS = "”\"’'»"
TRAIL = ".,;:!?—– "
NAME_WORD = re.compile(r"[A-Z][\w’'-]+")

Range = tuple[int, int]


@dataclass(slots=True)
class GoldQuote:
    start: int
    end: int
    source: list[Range]
    source_text: str
    direct: bool = True  # wholly a quotation; else any other Content fragment


@dataclass(slots=True)
class Tally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    gold_chars: int = 0
    predicted_chars: int = 0
    overlap_chars: int = 0
    with_source: int = 0
    speaker_ok: int = 0
    speaker_strict: int = 0
    embedded: int = 0  # accord's partial/scare quotes inside a gold Content span with a Source
    embedded_ok: int = 0
    misses: list[str] = field(default_factory=list)


def _fragments(spec: str) -> list[Range]:
    return [(int(a), int(b)) for a, b in (part.split() for part in spec.split(";"))]


def _direct(text: str, lo: int, hi: int) -> Range | None:
    """The quoted words of a Content fragment that is wholly a quotation, else None."""
    frag = text[lo:hi]
    left = len(frag) - len(frag.lstrip())
    right = len(frag.rstrip(TRAIL))
    if left >= right or frag[left] not in OPEN_MARKS or frag[right - 1] not in CLOSE_MARKS:
        return None
    start, end = lo + left + 1, lo + right - 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def read_gold(ann: Path, text: str) -> list[GoldQuote]:
    """Every Content fragment of the annotation, direct quotes trimmed to their quoted words."""
    spans: dict[str, list[Range]] = {}
    gold: list[GoldQuote] = []
    lines = ann.read_text(encoding="utf-8").splitlines()
    for line in lines:
        if line.startswith("T"):
            tid, spec, _ = line.split("\t", 2)
            spans[tid] = _fragments(spec.split(" ", 1)[1])
    for line in lines:
        if not line.startswith("E"):
            continue
        roles = dict(part.split(":", 1) for part in line.split("\t")[1].split())
        source = spans.get(roles.get("Source", ""), [])
        source_text = " ".join(text[a:b] for a, b in source)
        for lo, hi in spans.get(roles.get("Content", ""), []):
            quoted = _direct(text, lo, hi)
            if quoted is not None:
                gold.append(GoldQuote(quoted[0], quoted[1], source, source_text))
            else:
                gold.append(GoldQuote(lo, hi, source, source_text, direct=False))
    return sorted(gold, key=lambda g: g.start)


def _overlaps(a: Range, b: Range) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _speaker_ok(gold: GoldQuote, finding: Any, strict: bool = False) -> bool:
    """Right speaker: overlap with the gold Source span, or (unless ``strict``) the same name."""
    speaker = finding.speaker
    if speaker is None or not gold.source:
        return False
    ranges: list[Range] = [(speaker.start, speaker.end)]
    if speaker.mention is not None:
        ranges.append((speaker.mention.start_char, speaker.mention.end_char))
    if any(_overlaps(r, s) for r in ranges for s in gold.source):
        return True
    if strict or speaker.mention is None:
        return False
    names = set(NAME_WORD.findall(speaker.mention.text))
    return bool(names & set(NAME_WORD.findall(gold.source_text)))


def score_embedded(findings: list[Any], contents: list[GoldQuote], tally: Tally) -> None:
    """Speakers of accord's partial and scare quotes that lie inside an attributed Content span."""
    for f in findings:
        where = (f.span.start, f.span.end)
        hit = next((c for c in contents if c.source and _overlaps(where, (c.start, c.end))), None)
        if hit is not None:
            tally.embedded += 1
            tally.embedded_ok += _speaker_ok(hit, f)


def score_article(nlp: Any, text: str, attributions: list[GoldQuote], tally: Tally) -> None:
    from accord.quotes.attribute import find_quotes

    findings = find_quotes(nlp(text))
    score_embedded([f for f in findings if f.kind != "direct"], attributions, tally)
    gold = [g for g in attributions if g.direct]
    found = [f for f in findings if f.kind == "direct"]
    tally.gold += len(gold)
    tally.predicted += len(found)
    tally.gold_chars += sum(g.end - g.start for g in gold)
    tally.predicted_chars += sum(f.span.end - f.span.start for f in found)
    used: set[int] = set()
    for g in gold:
        tally.overlap_chars += sum(
            _overlaps((g.start, g.end), (f.span.start, f.span.end)) for f in found
        )
        hit = next(
            (
                k
                for k, f in enumerate(found)
                if k not in used and _overlaps((g.start, g.end), (f.span.start, f.span.end))
            ),
            None,
        )
        if hit is None:
            tally.misses.append(f"not found: {text[g.start : g.end][:60]!r}")
            continue
        used.add(hit)
        tally.matched += 1
        if g.source:
            tally.with_source += 1
            tally.speaker_strict += _speaker_ok(g, found[hit], strict=True)
            if _speaker_ok(g, found[hit]):
                tally.speaker_ok += 1
            else:
                sp = found[hit].speaker
                tally.misses.append(
                    f"speaker: {text[g.start : g.end][:40]!r} gold={g.source_text!r} "
                    f"got={(sp.text, sp.mention.text if sp and sp.mention else None) if sp else None}"
                )
    tally.misses.extend(_extras(text, found, used))


def _extras(text: str, found: list[Any], used: set[int]) -> list[str]:
    return [
        f"extra: {text[f.span.start : f.span.end][:60]!r}"
        for k, f in enumerate(found)
        if k not in used
    ]


def _prf(tp_p: float, tp_r: float, predicted: int, gold: int) -> str:
    p = tp_p / predicted if predicted else 0.0
    r = tp_r / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}"


def articles(limit: int | None = None) -> list[tuple[Path, Path]]:
    """(text, annotation) pairs, the first annotator's file per article."""
    pairs: list[tuple[Path, Path]] = []
    for txt in sorted((ROOT / "text").glob("*.txt")):
        anns = sorted((ROOT / "attributions").glob(f"{txt.stem}_*.ann"))
        if anns:
            pairs.append((txt, anns[0]))
    return pairs[:limit] if limit else pairs


def evaluate(nlp: Any, pairs: list[tuple[Path, Path]]) -> Tally:
    """Score the quotes ``nlp`` finds in each (text, annotation) pair."""
    tally = Tally()
    for txt, ann in pairs:
        text = txt.read_text(encoding="utf-8")
        score_article(nlp, text, read_gold(ann, text), tally)
    return tally


def speaker_accuracy(tally: Tally) -> float:
    return tally.speaker_ok / tally.with_source if tally.with_source else 0.0


def main() -> int:
    if not ROOT.is_dir():
        print(f"skipped: {ROOT} is absent")
        return 0
    from accord.analyze import load_pipeline

    nlp = load_pipeline()
    limit = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else None
    pairs = articles(limit)
    tally = evaluate(nlp, pairs)
    if "-v" in sys.argv or os_verbose():
        print("\n".join(tally.misses))
    print(
        f"PolNeAR dev, {len(pairs)} articles: {tally.gold} gold direct quotes, {tally.predicted} predicted"
    )
    print(f"quote match     {_prf(tally.matched, tally.matched, tally.predicted, tally.gold)}")
    print(
        f"character span  {_prf(tally.overlap_chars, tally.overlap_chars, tally.predicted_chars, tally.gold_chars)}"
    )
    acc = speaker_accuracy(tally)
    strict = tally.speaker_strict / tally.with_source if tally.with_source else 0.0
    print(
        f"speaker accuracy {acc:.3f} ({tally.speaker_ok}/{tally.with_source} matched quotes with a gold source;"
        f" span overlap only: {strict:.3f})"
    )
    embedded = tally.embedded_ok / tally.embedded if tally.embedded else 0.0
    print(
        f"partial/scare quotes inside attributed content: speaker accuracy {embedded:.3f}"
        f" ({tally.embedded_ok}/{tally.embedded})"
    )
    return 0


def os_verbose() -> bool:
    import os

    return bool(os.environ.get("ACCORD_BENCH_VERBOSE"))


if __name__ == "__main__":
    sys.exit(main())
