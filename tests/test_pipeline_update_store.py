"""``update_store`` end to end on real analyses: what the incremental shortcuts save (only the
articles whose entity links changed, only the derived rows that differ) is exactly the result
it returns, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.model import Analysis, Article
from accord.pipeline import analyze_all, update_store
from accord.store import open_store
from test_cli_incremental import CHESS, DAM_FOLLOW_UP, DAM_SIRENS
from test_store_support import BACKENDS, database_url

pytestmark = pytest.mark.slow

# Names the governor by surname only: when a later article gives her full name, resolving
# again re-links this stored article's mentions to a renamed entity, so it must be saved again.
DAM = (
    "Dam breach floods Varnholt valley\n"
    "A dam on the Selva river burst near Varnholt on Tuesday, flooding three villages. "
    "Pell said 40 people had been rescued. "
    '"The water rose within minutes," Pell told reporters in Varnholt.\n'
)


def analysed(*texts: str) -> list[Analysis]:
    articles = [
        Article.from_text(text, outlet="Valley Wire", published=f"2031-06-0{3 + i}")
        for i, text in enumerate(texts)
    ]
    analyses, skipped = analyze_all(articles)
    assert not skipped
    return analyses


@pytest.mark.parametrize("backend", BACKENDS)
def test_pipeline_update_store_saves_exactly_what_it_returns(backend: str, tmp_path: Path) -> None:
    dam, follow_up, chess, sirens = analysed(DAM, DAM_FOLLOW_UP, CHESS, DAM_SIRENS)
    with database_url(backend, tmp_path) as url, open_store(url) as store:
        first = update_store(store, [dam])
        surname = {m.entity for m in first.analyses[0].mentions if m.text == "Pell"}
        for batch in ([follow_up, chess], [sirens]):
            result = update_store(store, batch)
            stored = store.load()
            assert stored.entities == result.entities
            assert stored.facts == result.facts
            assert stored.stories == result.stories
            for saved, returned in zip(stored.analyses, result.analyses, strict=True):
                returned.doc = None  # never stored
                assert saved == returned
        assert len({a.article.id for a in stored.analyses}) == 4
        relinked = {m.entity for m in stored.analyses[0].mentions if m.text == "Pell"}
        assert relinked and relinked != surname  # the case the shortcut must not skip
        assert len(stored.facts) > 0
