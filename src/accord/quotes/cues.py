"""Cues (speech verbs, "according to") around a quote and the speaker each one names.

Patterns covered, all driven by ``speech_verbs.txt`` and ``quote_cue_phrases.txt``:
", X said" / ", said X" / ", X told reporters" after a quote; "X said (that|:) “...”" before it;
", according to X"; a pronoun subject ("he said"); and a trailing appositive name after a
common-noun subject (", the delegation's head told reporters, <Name>.").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Span, Token

from accord.quotes.lexicon import cue_phrases, speech_nouns, speech_verbs
from accord.quotes.speakers import Speaker, SpeakerFinder, subject_of

Side = Literal["before", "after"]
INVERSION_REACH = 4  # tokens after a verb where "said X" may name X
DASHES = frozenset({"―", "—", "–", "-", "--"})
DASH_CHARS = frozenset("―—–-")


@dataclass(frozen=True, slots=True)
class Cue:
    """A speech verb or noun of saying (``text`` is its lemma) or a cue phrase (the phrase)."""

    text: str
    token: Token  # the verb, the phrase's last word, or the noun
    phrase: bool = False
    noun: bool = False


def is_speech_verb(token: Token) -> bool:
    """A verb from the speech-verb list, not used as a modifier ("so-called")."""
    return (
        token.pos_ == "VERB"
        and token.dep_ not in {"amod", "compound"}
        and token.lemma_.lower() in speech_verbs()
    )


def _phrase_at(tokens: Sequence[Token], k: int) -> tuple[str, ...] | None:
    for phrase in cue_phrases():
        words = tuple(t.lower_ for t in tokens[k : k + len(phrase)])
        if words == phrase:
            return phrase
    return None


def find_cues(tokens: Sequence[Token]) -> list[Cue]:
    """The cues among ``tokens``, in text order."""
    cues: list[Cue] = []
    for k, token in enumerate(tokens):
        phrase = _phrase_at(tokens, k)
        if phrase is not None:
            cues.append(Cue(" ".join(phrase), tokens[k + len(phrase) - 1], phrase=True))
        elif is_speech_verb(token):
            cues.append(Cue(token.lemma_.lower(), token))
        elif _possessor(token) is not None:
            cues.append(Cue(token.lemma_.lower(), token, noun=True))
    return cues


def _possessor(token: Token) -> Token | None:
    """The possessor of a noun of saying ("Trump" in "Trump's claim"), if it has one."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in speech_nouns():
        return None
    return next((c for c in token.children if c.dep_ == "poss"), None)


def speaker_for(
    cue: Cue, region: Sequence[Token], side: Side, finder: SpeakerFinder
) -> Speaker | None:
    """The speaker ``cue`` names within ``region`` (the quote's before or after context)."""
    if cue.phrase:
        return _phrase_speaker(cue, region, finder)
    possessor = _possessor(cue.token) if cue.noun else None
    if possessor is not None:
        return finder.possessor(possessor)
    subject = subject_of(cue.token)
    found = finder.of_token(subject) if subject is not None else None
    if found is None:
        found = _surface_speaker(cue.token, region, finder)
    if found is not None and found.mention is None and not found.pronoun and side == "after":
        named = _trailing_name(cue.token, region, finder)
        if named is not None:
            return named
    return found


def _surface_speaker(verb: Token, region: Sequence[Token], finder: SpeakerFinder) -> Speaker | None:
    """Without a parsed subject: the nearest name or pronoun before the verb, else "said X"."""
    nearest = _nearest_before(verb, region)
    if nearest is not None:
        return finder.of_token(nearest)
    for token in [t for t in region if t.i > verb.i][:INVERSION_REACH]:
        if token.is_punct:
            break
        ent = finder.named(token)
        if ent is not None:
            return finder.entity(ent)
    return None


def _nearest_before(verb: Token, region: Sequence[Token]) -> Token | None:
    """The word before ``verb`` that may be its subject, skipping adverbs, auxiliaries and a
    parenthesis: "X (D-Md.) said", "X also has said"."""
    depth = 0
    for token in reversed([t for t in region if t.i < verb.i]):
        if token.text == ")":
            depth += 1
        elif token.text == "(":
            depth = max(0, depth - 1)
        elif depth or token.pos_ in {"ADV", "AUX", "PART"}:
            continue
        elif token.pos_ in {"NOUN", "PROPN", "PRON"}:
            return token
        elif token.text != ",":
            return None
    return None


def _trailing_name(verb: Token, region: Sequence[Token], finder: SpeakerFinder) -> Speaker | None:
    """A person's name set off by a comma at the end of the cue clause: ", ... told reporters,
    <Name>." (common in translated text, where the subject is a role and the name trails)."""
    later = [t for t in region if t.i > verb.i]
    for k, token in enumerate(later[:-1]):
        if token.text != ",":
            continue
        ent = finder.named(later[k + 1])
        if ent is not None and ent.label_ == "PERSON" and ent.end >= later[-1].i:
            return finder.entity(ent)
    return None


def _phrase_speaker(cue: Cue, region: Sequence[Token], finder: SpeakerFinder) -> Speaker | None:
    """The noun phrase after "according to": its object, else the first name or words after it."""
    for child in cue.token.children:
        if child.dep_ == "pobj":
            found = finder.of_token(child)
            if found is not None:
                return found
    following = [t for t in region if t.i > cue.token.i]
    words: list[Token] = []
    for token in following:
        if token.is_punct:
            break
        ent = finder.named(token)
        if ent is not None:
            return finder.entity(ent)
        words.append(token)
    if not words:
        return None
    span: Span = cue.token.doc[words[0].i : words[-1].i + 1]
    return Speaker(span.text, span.start_char, span.end_char)


def dash_byline(after: Sequence[Token], text_after: str, finder: SpeakerFinder) -> Speaker | None:
    """A name set after the quote with a dash, the way quoted reader or tweet lines are signed:
    '“...” ― <Name>'. ``text_after`` is the text right after the closing mark (the tokenizer
    may glue the dash to the mark)."""
    if text_after.lstrip(" \t\xa0")[:1] not in DASH_CHARS:
        return None
    words = list(after[1:] if after and after[0].text in DASHES else after)
    if not words:
        return None
    ent = finder.named(words[0])
    if ent is not None and ent.start == words[0].i:
        return finder.entity(ent)
    run: list[Token] = []
    for token in words:
        if token.pos_ != "PROPN":
            break
        run.append(token)
    if not run:
        return None
    span = run[0].doc[run[0].i : run[-1].i + 1]
    return Speaker(span.text, span.start_char, span.end_char)
