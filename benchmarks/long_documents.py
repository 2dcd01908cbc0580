"""How accord's analysis scales with the length of one document.

One article is built from the seed texts repeated ``--small`` times, another from them
repeated ``--factor`` times as often; each component of accord's pipeline is timed on both
in this process. The report is each component's cost per character on the long text over its
cost on the short one: about 1 where the cost grows linearly, about ``--factor`` where it grows
with the square of the length (a component that walks the whole document for every sentence
or token). spaCy's own components are listed as the reference.

Run: ``.venv/bin/python benchmarks/long_documents.py [--small 4] [--factor 4]``
(exits 0 with a message when ../shared is absent).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"


def component_times(text: str) -> dict[str, float]:
    """Seconds each pipeline component takes on ``text`` (the pipeline warmed up before)."""
    from accord.analyze import load_pipeline

    nlp = load_pipeline()
    doc = nlp.make_doc(text)
    times: dict[str, float] = {}
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        doc = proc(doc)
        times[name] = time.perf_counter() - start
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--small", type=int, default=4, help="seed copies in the short text")
    parser.add_argument(
        "--factor", type=int, default=4, help="how many times longer the long one is"
    )
    args = parser.parse_args(argv)
    if not SEEDS.is_dir():
        print(f"skipped: {SEEDS} is absent")
        return 0
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))

    def text(copies: int) -> str:
        return "\n\n".join(f"Part {i}.\n{seeds}" for i in range(copies))

    component_times(text(1))  # warm up: models, lexicons, the sentence encoder
    short, long = text(args.small), text(args.small * args.factor)
    t_short, t_long = component_times(short), component_times(long)
    print(f"short text {len(short):,} characters, long text {len(long):,} ({args.factor}x)")
    print("| component | short (s) | long (s) | cost per character, long / short |")
    print("| --- | --- | --- | --- |")
    for name in t_short:
        ratio = (t_long[name] / len(long)) / (t_short[name] / len(short)) if t_short[name] else 0.0
        print(f"| {name} | {t_short[name]:.2f} | {t_long[name]:.2f} | {ratio:.2f} |")
    total_ratio = (sum(t_long.values()) / len(long)) / (sum(t_short.values()) / len(short))
    print(f"| all | {sum(t_short.values()):.2f} | {sum(t_long.values()):.2f} | {total_ratio:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
