"""Score accord on the hand-annotated seed articles (../shared/seeds, ../shared/gold/seeds.json).

Usage:
    python benchmarks/seeds.py                 # run accord in-process on the seeds, then score
    python benchmarks/seeds.py --export X.json # score an existing accord/1 export
    python benchmarks/seeds.py --details       # also list every miss

Prints entity pairwise P/R/F1 and must-not-merge violations, quotes found / speakers right, and
facts by gold status. Exits 0 with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
GOLD = SHARED / "gold" / "seeds.json"
SEEDS = SHARED / "seeds"


def export_for_seeds() -> dict[str, Any]:
    """Run the whole pipeline in memory on the seeds and return the accord/1 document."""
    from accord.pipeline import run
    from accord.report.json_export import to_dict

    return to_dict(run([str(p) for p in sorted(SEEDS.glob("*.txt"))]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--export", help="an accord/1 JSON export to score instead of running accord"
    )
    parser.add_argument("--details", action="store_true", help="list every miss")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    if not GOLD.is_file() or not SEEDS.is_dir():
        print(f"skipped: {GOLD} or {SEEDS} is absent")
        return 0
    from accord.evaluate import score_export

    export = json.loads(Path(args.export).read_text()) if args.export else export_for_seeds()
    s = score_export(export, json.loads(GOLD.read_text()))
    if args.json:
        print(json.dumps(s.as_dict(), indent=2))
        return 0
    print(
        f"entities: mentions found {s.mentions_found}/{s.mentions_total}  pairwise "
        f"P={s.pair_precision:.3f} R={s.pair_recall:.3f} F1={s.pair_f1:.3f}  "
        f"must-not-merge violations={len(s.must_not_merge_violations)} {s.must_not_merge_violations}"
    )
    print(
        f"quotes:   found {s.quotes_found}/{s.quotes_total}  speaker right {s.quotes_speaker_right}/{s.quotes_total}"
    )
    for status, row in sorted(s.facts.items()):
        print(
            f"facts:    {status:<14} found {row['found']}/{row['total']}  right status {row['right_status']}/{row['total']}"
        )
    print(
        f"facts:    conflicting one found: {s.conflicting_found}; accord's facts by status: {s.predicted_facts}"
    )
    if args.details:
        print("\n".join(s.details))
    return 0


if __name__ == "__main__":
    sys.exit(main())
