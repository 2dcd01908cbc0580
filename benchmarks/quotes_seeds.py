"""Score accord's quote extraction on the seed articles (``../shared/gold/seeds.json``).

A gold quote is found when a predicted quote overlaps its characters; its speaker is right when
the predicted speaker mention's text is one of the gold entity's surface forms in that document
(or, for an unnamed source, when there is no speaker mention but a speaker description).

Run: ``.venv/bin/python benchmarks/quotes_seeds.py`` (exits 0 with a message when data is absent).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
GOLD = SHARED / "gold" / "seeds.json"
SEEDS = SHARED / "seeds"


@dataclass(slots=True)
class Score:
    gold: int = 0
    found: int = 0
    speaker_ok: int = 0
    predicted: int = 0


def _speaker_text(quote: Any, text: str) -> str | None:
    if quote.speaker_mention is None:
        return None
    start, end = quote.speaker_mention.rsplit(":", 1)[1].split("-")
    return text[int(start) : int(end)]


def _speaker_ok(gold: dict[str, Any], quote: Any, text: str, forms: dict[str, set[str]]) -> bool:
    said_by = _speaker_text(quote, text)
    if gold["speaker"] is None:
        return said_by is None and bool(quote.speaker_text)
    return said_by in forms.get(gold["speaker"], set())


def score(nlp: Any, verbose: bool = True) -> Score:
    """Run the pipeline on each seed text and compare its quotes with the gold quotes."""
    data = json.loads(GOLD.read_text(encoding="utf-8"))
    result = Score()
    for name in sorted({q["doc"] for q in data["quotes"]}):
        text = (SEEDS / name).read_text(encoding="utf-8")
        quotes = nlp(text)._.accord_quotes
        result.predicted += len(quotes)
        forms = {e["id"]: set(e["mentions"].get(name, [])) for e in data["entities"]}
        for gold in (q for q in data["quotes"] if q["doc"] == name):
            result.gold += 1
            start = text.find(gold["text"])
            end = start + len(gold["text"])
            hit = next((q for q in quotes if q.start < end and start < q.end), None)
            ok = hit is not None and _speaker_ok(gold, hit, text, forms)
            result.found += hit is not None
            result.speaker_ok += ok
            if verbose and not ok:
                got = (hit.speaker_text, _speaker_text(hit, text)) if hit else "not found"
                print(f"  miss: {gold['text'][:50]!r} gold={gold['speaker']} got={got}")
    return result


def main() -> int:
    if not GOLD.is_file() or not SEEDS.is_dir():
        print(f"skipped: {GOLD} or {SEEDS} is absent")
        return 0
    from accord.analyze import load_pipeline

    nlp = load_pipeline()
    if "accord_quotes" not in nlp.pipe_names:
        import accord.quotes.component  # noqa: F401  (registers the factory)

        nlp.add_pipe("accord_quotes")
    s = score(nlp)
    print(f"seed quotes: found {s.found}/{s.gold}, right speaker {s.speaker_ok}/{s.gold}")
    print(
        f"recall {s.found / s.gold:.3f}  speaker accuracy {s.speaker_ok / s.gold:.3f}  "
        f"({s.predicted} quotes predicted; the gold lists only attributed quotes, so no precision)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
