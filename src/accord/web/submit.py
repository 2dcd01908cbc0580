"""``POST /api/articles``: ingest posted articles and re-run the pipeline on the whole store.

It calls the library functions the CLI calls (``accord.ingest.read_text``,
``accord.pipeline.process``, the store's ``save``), so an article posted to the web app ends up
exactly as if it had been given to ``accord run`` together with the stored ones.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from accord.model import Article, Result, Skipped
from accord.web.data import ResultCache, ResultStore
from accord.web.schemas import ArticleIn, IngestOut, SkippedOut

if TYPE_CHECKING:
    from spacy.language import Language


class Submitter:
    """Serialises submissions (one pipeline run at a time) and loads spaCy on first use."""

    def __init__(self, store: ResultStore, cache: ResultCache, nlp: Language | None = None) -> None:
        self.store = store
        self.cache = cache
        self.nlp = nlp
        self._lock = threading.Lock()

    def submit(self, items: Sequence[ArticleIn]) -> IngestOut:
        """Ingest ``items``, process them with every stored article, save, and report."""
        from accord.ingest import read_text  # imported here: the read-only app never needs it

        posted = [read_text(item.text, **item.model_dump(exclude={"text"})) for item in items]
        with self._lock:
            result = self._reprocess(posted)
            self.store.save(result)
            self.cache.invalidate()
        return IngestOut(
            articles=[a.id for a in posted],
            skipped=[SkippedOut.model_validate(s) for s in result.skipped],
            n_articles=len(result.analyses), n_entities=len(result.entities),
            n_facts=len(result.facts), n_stories=len(result.stories),
        )

    def _reprocess(self, posted: list[Article]) -> Result:
        from accord.pipeline import process  # spaCy loads only when something is posted

        stored = self.store.load()
        articles = {a.id: a for a in stored.articles}
        for article in posted:  # the same text posted twice is the same article (content hash)
            articles.setdefault(article.id, article)
        result = process(list(articles.values()), nlp=self._pipeline())
        result.skipped = _unique([*stored.skipped, *result.skipped])
        return result

    def _pipeline(self) -> Language:
        if self.nlp is None:
            from accord.analyze import load_pipeline

            self.nlp = load_pipeline()
        return self.nlp


def _unique(skipped: list[Skipped]) -> list[Skipped]:
    """Drop repeats: re-processing the store finds the same failures again."""
    seen: set[tuple[str, str, int | None]] = set()
    out = []
    for item in skipped:
        key = (item.path, item.reason, item.line)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out
