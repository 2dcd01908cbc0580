"""Word features of an article for story clustering: tokens, light lemmas, shingles, lead text.

Works on ``Article.text`` and ``Analysis.mentions`` only (never ``Analysis.doc``, which is ``None``
for articles loaded back from the database), so the same features come out before and after a
round trip through the store.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from accord.ingest.dateline import split_stamps
from accord.model import Analysis, Mention

WORD_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’-][^\W\d_]+)*")
LEAD_CHARS = 1000  # MiniLM reads ~256 word pieces; the headline and lead carry the event
TITLE_WEIGHT = 2.0  # headline words count double: they name the event
HEADLINE_WITHIN = 300  # the headline starts this close to the top, after any stamp lines


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """scikit-learn's English stop list (a maintained list, not ours) plus news boilerplate."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "told", "according", "reported"}


def light_lemma(word: str) -> str:
    """A cheap inflection stripper ("quakes"/"quake", "killed"/"kill").

    Hand-written because spaCy lemmas need ``Analysis.doc`` (absent for stored articles) and a
    full stemmer package would be a new dependency for a few suffix rules; it only has to map
    inflections of one word together, not produce dictionary forms.
    """
    if len(word) <= 3 or word[0].isdigit():
        return word
    for suffix, repl, min_len in (
        ("ies", "y", 5),
        ("sses", "ss", 5),
        ("ing", "", 6),
        ("ed", "", 5),
    ):
        if word.endswith(suffix) and len(word) >= min_len:
            return word[: len(word) - len(suffix)] + repl
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokens(text: str) -> list[str]:
    """Lower-cased word and number tokens, possessive ``'s`` dropped."""
    out = []
    for match in WORD_RE.finditer(text):
        word = match.group().lower().replace("’", "'")
        out.append(word[:-2] if word.endswith("'s") else word)
    return out


def term_weights(text: str, title: str) -> dict[str, float]:
    """Sub-linear term frequencies (1 + log tf) of light lemmas, headline words boosted."""
    stops = stop_words()
    counts: Counter[str] = Counter(
        light_lemma(t) for t in tokens(text) if t not in stops and len(t) > 1
    )
    weights = {t: 1.0 + math.log(c) for t, c in counts.items()}
    for term in title_terms(title):
        weights[term] = weights.get(term, 1.0) + TITLE_WEIGHT - 1.0
    return weights


def title_terms(title: str) -> set[str]:
    """Distinct light lemmas of a headline, stop words removed."""
    stops = stop_words()
    return {light_lemma(t) for t in tokens(title) if t not in stops and len(t) > 1}


def headline(analysis: Analysis) -> str:
    """The article's title, or when it has none its first line that is no date/time stamp
    (as ingest chooses titles), else its first line."""
    article = analysis.article
    if article.title:
        return article.title.strip()
    text = article.text.strip()
    return (split_stamps(text)[1] or text.split("\n", 1)[0])[:200]


def headline_span(analysis: Analysis) -> tuple[int, int]:
    """Character range of the headline in the text (after any opening date/time stamp lines);
    ``(0, 0)`` when the text does not hold it there."""
    title = headline(analysis)
    start = analysis.article.text.find(title) if title else -1
    if start < 0 or start > HEADLINE_WITHIN:
        return 0, 0
    return start, start + len(title)


def lead_text(analysis: Analysis) -> str:
    """Headline plus the opening of the body: what the sentence encoder reads."""
    title = headline(analysis)
    text = analysis.article.text
    start, end = headline_span(analysis)
    body = text[:start] + text[end:] if end else text
    return f"{title}\n{' '.join(body.split())}"[:LEAD_CHARS]


def entity_weights(analysis: Analysis) -> dict[str, float]:
    """Entities the article names, weighted by salience (1 + log mentions, doubled in the headline).

    Keys are resolved ids, else label + lower-cased text. Salience matters: two stories of one
    topic often name the same people, but each has its own protagonist.
    """
    counts: Counter[str] = Counter()
    start, end = headline_span(analysis)
    in_headline = set()
    for mention in analysis.mentions:
        key = _entity_key(mention)
        counts[key] += 1
        if start <= mention.start < end:
            in_headline.add(key)
    return {k: (1.0 + math.log(c)) * (2.0 if k in in_headline else 1.0) for k, c in counts.items()}


def name_weights(analysis: Analysis) -> dict[str, float]:
    """Words of the article's entity names ("n:" keys), so "Bush" meets "Reggie Bush" even when
    resolution kept them apart; weighted 1 + log count."""
    stops = stop_words()
    counts: Counter[str] = Counter(
        "n:" + word for m in analysis.mentions for word in tokens(m.text) if word not in stops
    )
    return {k: 1.0 + math.log(c) for k, c in counts.items()}


def number_weights(terms: dict[str, float]) -> dict[str, float]:
    """The number terms (years, tolls, magnitudes): they tell two similar events apart."""
    return {k: w for k, w in terms.items() if k[0].isdigit()}


def _entity_key(mention: Mention) -> str:
    if mention.entity:
        return f"e:{mention.entity}"
    return f"e:{mention.label}:{' '.join(mention.text.lower().split())}"
