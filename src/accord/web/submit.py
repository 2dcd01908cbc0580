"""``POST /api/articles``: ingest posted articles, analyse them, re-run the corpus-wide stages.

It does what ``accord run`` does (``accord.pipeline.run_corpus``) with the same library
functions: ``accord.ingest.read_text`` cleans each article, ``accord.pipeline.analyze_all``
analyses the ones the database does not have yet, and ``accord.pipeline.update_store`` adds them
to the stored corpus and saves: resolution runs again over every article (a new article can
merge entities across old ones), each new article joins a saved story or starts one, and the
stories that changed are reconciled again.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from accord.model import Article, Result
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
        """Ingest ``items``, add them to the stored corpus, save, and report."""
        from accord.ingest import read_text  # imported here: the read-only app never needs it

        posted = [
            read_text(item.text, source_format="api", **item.model_dump(exclude={"text"}))
            for item in items
        ]
        with self._lock:
            result = self._update(posted)  # saved
            self.cache.invalidate()
        return IngestOut(
            articles=[a.id for a in posted],
            skipped=[SkippedOut.model_validate(s) for s in result.skipped],
            n_articles=len(result.analyses),
            n_entities=len(result.entities),
            n_facts=len(result.facts),
            n_stories=len(result.stories),
        )

    def _update(self, posted: list[Article]) -> Result:
        """Analyse the new articles, add them to the stored corpus and save."""
        from accord.pipeline import analyze_all, update_store  # spaCy loads only on a POST

        known = {a.article.id for a in self.store.load().analyses}
        new = list({a.id: a for a in posted if a.id not in known}.values())  # same text: one
        analyses, failed = analyze_all(new, nlp=self._pipeline()) if new else ([], [])
        return update_store(self.store, analyses, skipped=failed)

    def _pipeline(self) -> Language:
        if self.nlp is None:
            from accord.analyze import load_pipeline

            self.nlp = load_pipeline()
        return self.nlp
