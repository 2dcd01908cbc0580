"""Train accord's PLOVER event classifier and write its weights into the package.

Reproducible: the same gold file and encoder give the same weights (lbfgs, no random state).
Training data stay outside the repository; only the small weights file is shipped.

    .venv/bin/python scripts/train_plover.py [--gsr ../shared/data/plover-gsr/PLOVER_GSR_CAMEO.txt]
        [--out src/accord/data/plover_classifier.npz] [--c 4.0]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_GSR = REPO.parent / "shared" / "data" / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"
DEFAULT_OUT = REPO / "src" / "accord" / "data" / "plover_classifier.npz"


def main(argv: list[str] | None = None) -> int:
    from accord.events.classifier import read_weights
    from accord.events.gsr import load_gsr
    from accord.events.training import DEFAULT_C, encode_cached, fit_weights

    parser = argparse.ArgumentParser(description="Train the PLOVER event classifier.")
    parser.add_argument("--gsr", type=Path, default=DEFAULT_GSR, help="PLOVER gold-standard file")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="weights file to write")
    parser.add_argument("--c", type=float, default=DEFAULT_C, help="inverse regularisation")
    parser.add_argument("--cache", default=None, help="npz file to cache embeddings in")
    args = parser.parse_args(argv)
    if not args.gsr.is_file():
        print(f"no gold records at {args.gsr}", file=sys.stderr)
        return 2
    records = load_gsr(args.gsr)
    from accord.embeddings import get_encoder

    encoder = get_encoder()
    # Record the model's folder names, not the absolute path on this machine.
    encoder_name = "/".join(Path(encoder.name).parts[-2:]) if encoder else ""
    vectors = encode_cached([r.text for r in records], args.cache)
    weights = fit_weights(vectors, [r.type for r in records], args.c, encoder_name)
    weights.save(args.out)
    read_weights(args.out.read_bytes())  # the file must load without pickle
    counts = Counter(r.type for r in records)
    print(f"trained on {len(records)} records, {len(weights.labels)} types: {dict(counts)}")
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
