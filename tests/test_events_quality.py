"""Quality floor: the rule coder on the PLOVER gold records (floor just under the measured value;
benchmarks/plover.py measures rules, cross-validated classifier and their combination)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from accord.events.gsr import load_gsr
from accord.events.rules import code_sentence

if TYPE_CHECKING:
    from spacy.language import Language

pytestmark = pytest.mark.slow

RULES_ACCURACY_FLOOR = 0.78  # measured 0.804 (benchmarks/plover.py)


def test_events_quality_rules_accuracy_on_gold(nlp: Language, shared_dir: Path) -> None:
    path = shared_dir / "data" / "plover-gsr" / "PLOVER_GSR_CAMEO.txt"
    if not path.is_file():
        pytest.skip("PLOVER gold records absent")
    records = load_gsr(path)
    parse = nlp.select_pipes(
        enable=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]
    )
    with parse:
        docs = list(nlp.pipe(r.text for r in records))
    right = 0
    for record, doc in zip(records, docs, strict=True):
        hit = code_sentence(doc[:])
        right += hit is not None and hit.type == record.type
    assert right / len(records) >= RULES_ACCURACY_FLOOR
