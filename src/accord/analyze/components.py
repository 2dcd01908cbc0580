"""accord's own spaCy components, registered by name so any pipeline can add them.

Each sets ``Doc`` extension attributes documented in ``docs/architecture.md``.
"""

from __future__ import annotations

from typing import cast

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from thinc.types import Ints2d

from accord.analyze.coref import chain_mentions
from accord.analyze.entity_fixes import fix_entities
from accord.analyze.pronouns import resolve_pronouns
from accord.analyze.roles import roles_of, title_before
from accord.analyze.temporal import time_expressions

# the module, not the function: accord.quotes.lexicon imports accord.analyze.lexicon, whose
# package imports this module, so the name is looked up when called, not at import time
from accord.quotes import lexicon as quote_lexicon
from accord.reconcile.lexicon import FUTURE_AUX

_EXTENSIONS: dict[str, object] = {
    "accord_article": "",
    "accord_published": None,
    "accord_titles": None,
    "accord_roles": None,
    "accord_chains": None,
    "accord_times": None,
    "accord_quotes": None,
    "accord_events": None,
}
for _name, _default in _EXTENSIONS.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


SENTENCE_END = frozenset(".!?…")
CLOSERS = frozenset("\"'”’»)]")


def _may_follow(previous: Token | None) -> bool:
    """Whether a sentence may start after ``previous`` inside one paragraph.

    News prose ends a sentence with terminal punctuation, possibly inside a closing quote or
    bracket; the small parser sometimes splits elsewhere ("Freedonia | and Sylvania will ..."),
    which cuts actors from their verbs. Line breaks are handled separately.
    """
    if previous is None:
        return True
    if not previous.whitespace_:
        return False  # glued to what precedes it: a closing quote or bracket, not a new sentence
    text = previous.text
    if text and text[-1] in SENTENCE_END:
        return True
    if text and all(ch in CLOSERS for ch in text) and previous.i > 0:
        before = previous.doc[previous.i - 1].text
        return bool(before) and (before[-1] in SENTENCE_END or before[-1] in CLOSERS)
    return False


@Language.component("accord_paragraphs", assigns=["token.is_sent_start"])
def paragraphs(doc: Doc) -> Doc:
    """A sentence starts after every line break, and inside a paragraph only after terminal
    punctuation: headlines and paragraphs never run together, and clauses are not cut apart."""
    # Written into one array and set at once: spaCy's ``Token.is_sent_start`` setter checks
    # the whole document for a parse on every call, which made this quadratic (8 s for a
    # 127,000-character text, where the array takes milliseconds).
    starts = doc.to_array([SENT_START]).astype("int64")  # 1 start, -1 not a start, 0 unset
    after_break = False
    previous: Token | None = None
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            continue
        if token.i > 0 and (after_break or (previous is not None and "\n" in previous.whitespace_)):
            starts[token.i] = 1
        elif token.i > 0 and not _may_follow(previous):
            starts[token.i] = -1
        after_break = False
        previous = token
    doc.from_array([SENT_START], cast(Ints2d, starts.astype("uint64")))  # read back signed
    return doc


@Language.component("accord_entity_fixes", requires=["doc.ents"], assigns=["doc.ents"])
def entity_fixes(doc: Doc) -> Doc:
    return fix_entities(doc)


@Language.component(
    "accord_roles", requires=["doc.ents"], assigns=["doc._.accord_titles", "doc._.accord_roles"]
)
def roles(doc: Doc) -> Doc:
    """Titles in front of person names and their appositive/relative-clause roles."""
    found_titles: dict[tuple[int, int], list[str]] = {}
    found_roles: dict[tuple[int, int], list[str]] = {}
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        key = (ent.start_char, ent.end_char)
        title = title_before(ent)
        if title:
            found_titles[key] = [title]
        role_list = [r for r in roles_of(ent) if r != title]
        if role_list:
            found_roles[key] = role_list
    doc._.accord_titles = found_titles
    doc._.accord_roles = found_roles
    return doc


@Language.component("accord_coref", requires=["doc.ents"], assigns=["doc._.accord_chains"])
def coref(doc: Doc) -> Doc:
    doc._.accord_chains = chain_mentions(list(doc.ents))
    return doc


@Language.component(
    "accord_pronouns",
    requires=["doc.ents", "doc._.accord_chains"],
    assigns=["doc._.accord_antecedents"],
)
def pronouns(doc: Doc) -> Doc:
    doc._.accord_antecedents = resolve_pronouns(doc)
    return doc


@Language.component("accord_times", requires=["doc.ents"], assigns=["doc._.accord_times"])
def times(doc: Doc) -> Doc:
    ents = [e for e in doc.ents if e.label_ in {"DATE", "TIME"}]
    spans = [(e.start_char, e.end_char, e.text) for e in ents]
    text = doc.text  # joined once: spaCy rebuilds it from the tokens on every access
    first_line = text.split("\n", 1)[0] if "\n" in text else None
    future = [_future(e, first_line) for e in ents]
    doc._.accord_times = time_expressions(
        doc._.accord_article, spans, doc._.accord_published, future
    )
    return doc


PLANNED = frozenset({"plan", "schedule", "due", "set", "expect", "agree", "intend", "prepare"})


def _future(ent: Span, first_line: str | None) -> bool:
    """Whether the clause a date belongs to speaks of something still to come: its verb has
    "will", "shall" or "would" ("would meet him on Wednesday"), or is a to-infinitive under a
    verb of planning ("is due to meet on Wednesday"). ``first_line``: the text's first line,
    ``None`` when it has only one."""
    verb = ent.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in FUTURE_AUX for a in auxes):
        return True
    if any(a.lower_ == "to" for a in auxes) and verb.head.lemma_.lower() in PLANNED:
        return True
    return _scheduled(ent, verb, auxes, first_line)


def _scheduled(ent: Span, verb: Token, auxes: list[Token], first_line: str | None) -> bool:
    """Whether a present-tense clause dates something scheduled ("Voss arrives in Lunvar on
    Monday", "the union is striking on Monday"): a news report tells what already happened in
    the past tense, so a present one is a timetable. Not in a headline, whose present tense
    tells the past ("Quake hits Iran on Sunday"); not for a verb of saying ("says"), which some
    outlets use for past statements; not when the date is the subject ("Monday is a warning")."""
    if (
        ent.root.dep_ in ("nsubj", "nsubjpass")
        or verb.lemma_.lower() in quote_lexicon.speech_verbs()
    ):
        return False
    present = verb.tag_ in ("VBZ", "VBP") and not auxes
    progressive = verb.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") for a in auxes)
    if not (present or progressive):
        return False
    if first_line is None or ent.start_char >= len(first_line):
        return True
    return first_line.rstrip().endswith((".", "!", "?", '"'))  # else a headline
