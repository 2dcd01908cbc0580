"""Per-article analysis (stage ``analyze``): spaCy plus accord's components.

``load_pipeline()`` builds the pipeline once; ``analyze_articles()`` turns each
:class:`~accord.model.Article` into an :class:`~accord.model.Analysis` (or an
:class:`~accord.errors.AnalysisError` for one that fails, so a batch goes on).
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import islice

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from accord.analyze import components as _components  # noqa: F401  (registers the factories)
from accord.errors import AnalysisError
from accord.model import Analysis, Article, Mention, Sentence, mention_id
from accord.spacy_model import DEFAULT_MODEL, model_name

log = logging.getLogger(__name__)

MENTION_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})
# Components contributed by other stages, added when their module imports.
OPTIONAL_COMPONENTS = (
    ("accord.quotes.component", "accord_quotes"),
    ("accord.events.component", "accord_events"),
)

__all__ = [
    "DEFAULT_MODEL",
    "MENTION_LABELS",
    "analysis_from_doc",
    "analyze_articles",
    "load_pipeline",
]


def _add_optional(nlp: Language) -> None:
    for module, factory in OPTIONAL_COMPONENTS:
        try:
            importlib.import_module(module)
        except ImportError as exc:
            log.debug("component %s unavailable: %s", factory, exc)
            continue
        if factory not in nlp.pipe_names:
            nlp.add_pipe(factory, last=True)


def build_pipeline(model: str | None = None) -> Language:
    """Load ``model`` (default: ``ACCORD_SPACY_MODEL`` or the small English pipeline) with accord's
    components. Any installed spaCy pipeline with a parser and NER works."""
    nlp = spacy.load(model_name(model))
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("accord_paragraphs", before="parser")
    else:
        nlp.add_pipe("accord_paragraphs", first=True)
    for component in (
        "accord_entity_fixes",
        "accord_roles",
        "accord_coref",
        "accord_pronouns",
        "accord_times",
    ):
        nlp.add_pipe(component, last=True)
    _add_optional(nlp)
    return nlp


@lru_cache(maxsize=2)
def load_pipeline(model: str | None = None) -> Language:
    """The process-wide pipeline for ``model`` (loaded once)."""
    return build_pipeline(model)


def _blanked(article: Article) -> str:
    """The article text with skip ranges replaced by spaces: same length, same offsets."""
    text = article.text
    for start, end in sorted(article.skip_ranges):
        text = text[:start] + "".join(c if c == "\n" else " " for c in text[start:end]) + text[end:]
    return text


def make_doc(nlp: Language, article: Article) -> Doc:
    if len(article.text) > nlp.max_length:
        raise AnalysisError(
            f"text has {len(article.text):,} characters, over the analysis limit of "
            f"{nlp.max_length:,} (set a larger nlp.max_length or split the document)",
            article.id,
        )
    doc = nlp.make_doc(_blanked(article))
    doc._.accord_article = article.id
    doc._.accord_published = article.published
    return doc


def _sentences(doc: Doc) -> list[Sentence]:
    out: list[Sentence] = []
    paragraph = 0
    last_end = 0
    text = doc.text  # joined once: spaCy rebuilds it from the tokens on every access
    for sent in doc.sents:
        span = sent.text.strip()
        if not span:
            continue
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        end = start + len(span)
        paragraph += text.count("\n", last_end, start) > 0
        last_end = end
        out.append(Sentence(start, end, paragraph))
    return out


def analysis_from_doc(article: Article, doc: Doc) -> Analysis:
    """Convert a processed Doc into accord's model (offsets unchanged: they index article.text)."""
    sentences = _sentences(doc)
    titles = doc._.accord_titles or {}
    roles = doc._.accord_roles or {}
    chains = doc._.accord_chains or {}
    mentions = []
    for ent in doc.ents:
        if ent.label_ not in MENTION_LABELS:
            continue
        key = (ent.start_char, ent.end_char)
        mentions.append(
            Mention(
                id=mention_id(article.id, *key),
                article=article.id,
                start=ent.start_char,
                end=ent.end_char,
                text=article.text[ent.start_char : ent.end_char],
                label=ent.label_,
                sentence=_sentence_index(sentences, ent.start_char),
                chain=chains.get(key, -1),
                titles=list(titles.get(key, [])),
                roles=list(roles.get(key, [])),
            )
        )
    return Analysis(
        article=article,
        sentences=sentences,
        mentions=mentions,
        times=list(doc._.accord_times or []),
        quotes=list(doc._.accord_quotes or []),
        events=list(doc._.accord_events or []),
        doc=doc,
    )


def _sentence_index(sentences: Sequence[Sentence], offset: int) -> int:
    for i, sent in enumerate(sentences):
        if sent.start <= offset < sent.end:
            return i
    return max(0, len(sentences) - 1)


def _one(nlp: Language, article: Article) -> Analysis | AnalysisError:
    try:
        return analysis_from_doc(article, nlp(make_doc(nlp, article)))
    except AnalysisError as exc:
        return exc
    except Exception as exc:  # a component failing on one article must not stop the batch
        return AnalysisError(f"analysis failed: {type(exc).__name__}: {exc}", article.id)


def analyze_articles(
    articles: Iterable[Article], nlp: Language | None = None, batch_size: int = 16
) -> Iterator[Analysis | AnalysisError]:
    """Analyse articles in batches with ``nlp.pipe``; a failing batch is retried one by one."""
    nlp = nlp or load_pipeline()
    iterator = iter(articles)
    while batch := list(islice(iterator, batch_size)):
        try:
            docs = [make_doc(nlp, a) for a in batch]
            processed = list(nlp.pipe(docs))
        except Exception:
            yield from (_one(nlp, a) for a in batch)
            continue
        for article, doc in zip(batch, processed, strict=True):
            try:
                yield analysis_from_doc(article, doc)
            except Exception as exc:
                yield AnalysisError(f"analysis failed: {type(exc).__name__}: {exc}", article.id)
