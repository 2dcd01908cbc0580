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

from accord.quotes.lexicon import cue_phrases, pronoun_labels, speech_verbs
from accord.quotes.speakers import Speaker, SpeakerFinder, subject_of

Side = Literal["before", "after"]
INVERSION_REACH = 4  # tokens after a verb where "said X" may name X


@dataclass(frozen=True, slots=True)
class Cue:
    """A speech verb (``text`` is its lemma) or a cue phrase (``text`` is the phrase)."""

    text: str
    token: Token  # the verb, or the phrase's last word
    phrase: bool = False


def is_speech_verb(token: Token) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() in speech_verbs()


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
    return cues


def speaker_for(cue: Cue, region: Sequence[Token], side: Side, finder: SpeakerFinder) -> Speaker | None:
    """The speaker ``cue`` names within ``region`` (the quote's before or after context)."""
    if cue.phrase:
        return _phrase_speaker(cue, region, finder)
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
    for token in reversed([t for t in region if t.i < verb.i]):
        if token.is_punct and token.text != ",":
            break
        if finder.named(token) is not None or token.lower_ in pronoun_labels():
            return finder.of_token(token)
    for token in [t for t in region if t.i > verb.i][:INVERSION_REACH]:
        if token.is_punct:
            break
        ent = finder.named(token)
        if ent is not None:
            return finder.entity(ent)
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

