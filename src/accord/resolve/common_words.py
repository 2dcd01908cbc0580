"""Capitalised common words that the tagger took for names, found across the set of articles.

spaCy's small model tags a capitalised word by its shape, so a common noun that opens a sentence
or stands in a headline comes out as a name: "Turnout was 61%, the commission said" gives a
PERSON "Turnout", "Riot breaks out in Brooklyn" a PERSON "Riot", "Protests are expected" a NORP.
One article cannot tell such a word from a surname that opens a sentence ("Grey lived nearby"),
but the set of articles can: a word that is capitalised only where position capitalises it
(the start of a sentence or line, the headline) while the same word is written in lower case
elsewhere is a common word. A name is capitalised mid-sentence somewhere ("said Turnout"),
carries a title or a role, or is a word of a longer name in the set ("Kimani Gray"; compared by
its sound within the article, so that the misspelt "Grey" stays beside "Kimani Gray").

:func:`drop_common_words` takes such mentions out of :attr:`Analysis.mentions` before
resolution, so that no entity, story feature or report lists them. A mention that a quote names
as its speaker or an event as an actor or a place is kept (those point at mention ids), and so
is a word the gazetteer knows as a place ("China" beside "china"). Written here because no
library decides it: it is a rule over the corpus's own spellings, not a model.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rapidfuzz.distance import Levenshtein

from accord.ingest.build import headline_end as opening_headline_end
from accord.model import Analysis, Mention
from accord.resolve.gazetteer import lookup_place
from accord.resolve.translit import phonetic, skeleton

_CAPITALISED = re.compile(r"[A-Z][a-z]+")
_LOWER_WORD = re.compile(r"(?<![A-Za-z])[a-z]+(?![A-Za-z])")
_ANY_CAPITALISED = re.compile(r"(?<![A-Za-z'’-])[A-Z][a-z]+(?![A-Za-z])")
_OPENERS = " \t\"'“‘”’([—–-"  # what may stand between a sentence's end and its first word
_SENTENCE_ENDS = ".!?:;\n"


def positional(text: str, start: int, headline_end: int) -> bool:
    """Whether a capital at ``start`` may be due to position alone: in the headline, or first in
    a sentence or line (only quotes, brackets or dashes after the end of the previous one)."""
    if start < headline_end:
        return True
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] in _SENTENCE_ENDS


def _referenced(analysis: Analysis) -> set[str]:
    """Ids of the mentions a quote or an event of the article points at."""
    ids = {q.speaker_mention for q in analysis.quotes if q.speaker_mention}
    for event in analysis.events:
        ids.update(event.source_mentions)
        ids.update(event.target_mentions)
        if event.location_mention:
            ids.add(event.location_mention)
    return ids


def _is_candidate(mention: Mention) -> bool:
    return (
        _CAPITALISED.fullmatch(mention.text) is not None
        and not mention.titles
        and not mention.roles
    )


def _name_words(mentions: Iterable[Mention]) -> set[str]:
    """Words that are name evidence: words of longer names, one-word names with a title or a
    role."""
    words: set[str] = set()
    for mention in mentions:
        parts = mention.text.split()
        if len(parts) > 1 or mention.titles or mention.roles:
            words.update(parts)
    return words


def _sounds_like_a_name(analysis: Analysis, words: set[str]) -> set[str]:
    """Those of ``words`` that sound like a word of a longer name of the same article (a
    misspelling beside the name: "Grey" in an article about "Kimani Gray"). Only within the
    article: across a corpus, short words meet some name's sound by chance."""
    names = _name_words(analysis.mentions)
    return {w for w in words if any(_sound_alike(w, name) for name in names)}


def _sound_alike(word: str, name: str) -> bool:
    """The same metaphone code and skeletons one edit apart ("Grey"/"Gray", not "Riot"/"Rite")."""
    return (
        phonetic(word) == phonetic(name)
        and Levenshtein.distance(skeleton(word), skeleton(name), score_cutoff=1) <= 1
    )


def common_words(analyses: Sequence[Analysis]) -> set[str]:
    """The candidate words (one-word mentions) that the articles show to be common words."""
    candidates = {m.text for a in analyses for m in a.mentions if _is_candidate(m)}
    if not candidates:
        return set()
    lower: set[str] = set()
    mid_sentence: set[str] = set()
    for analysis in analyses:
        text = analysis.article.text
        lower.update(_LOWER_WORD.findall(text))
        headline_end = opening_headline_end(analysis.article.text, analysis.article.title)
        for match in _ANY_CAPITALISED.finditer(text):
            word = match.group()
            if word in candidates and not positional(text, match.start(), headline_end):
                mid_sentence.add(word)
    names = _name_words(m for a in analyses for m in a.mentions)
    found = {
        word
        for word in candidates - mid_sentence - names
        if word.lower() in lower and lookup_place(word) is None
    }
    for analysis in analyses:
        here = {m.text for m in analysis.mentions} & found
        if here:
            found -= _sounds_like_a_name(analysis, here)
    return found


def drop_common_words(analyses: Iterable[Analysis]) -> list[Mention]:
    """Remove from each analysis the mentions of :func:`common_words` that nothing points at;
    returns the removed mentions."""
    analyses = list(analyses)
    words = common_words(analyses)
    removed: list[Mention] = []
    if not words:
        return removed
    for analysis in analyses:
        referenced = _referenced(analysis)
        kept = []
        for mention in analysis.mentions:
            if mention.text in words and mention.id not in referenced:
                removed.append(mention)
            else:
                kept.append(mention)
        analysis.mentions = kept
    return removed
