"""The shared development articles read cleanly (skipped when ../shared is absent).

Checks the general mechanisms on real text: no assertion names anything in the articles beyond
what the issue describes (an outlet source line, an author bio, a repeated sentence).
"""

from __future__ import annotations

from pathlib import Path

from accord.ingest import read_paths


def test_ingest_seed_folder(shared_dir: Path) -> None:
    result = read_paths([str(shared_dir / "seeds")])
    assert len(result.articles) == 2
    assert result.skipped == [] and result.duplicates == []
    attributed = [a for a in result.articles if a.provenance.attributed_to]
    assert len(attributed) == 1
    [article] = attributed
    source_line = article.provenance.removed[-1]
    assert source_line.startswith("Source")
    assert source_line.endswith(article.provenance.attributed_to or "?")
    bio = article.provenance.removed[0]
    assert " I " in f" {bio} " and bio not in article.text
    assert "freelance" not in article.text.lower()
    other = next(a for a in result.articles if a is not article)
    [(start, end)] = other.skip_ranges
    sentence = other.text[start:end]
    assert other.text.index(sentence) < start
    assert other.provenance.duplicate_sentences == [sentence]
