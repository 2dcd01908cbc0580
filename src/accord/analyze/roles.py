"""Titles and roles of people, read from the words around their names.

* A **title** is the pre-modifier run in front of a name that contains a title word from
  ``data/titles.txt``: "Defense Minister X", "Kremlin spokesperson Y", "Turkey’s Foreign Minister Z".
* A **role** is an apposition or a non-restrictive relative clause: "X, the leader of the
  delegation,", "The head of the team, X,", "X, who led the delegation,". A noun before the
  name is a role only when singular: the parser also reads "no matter the expectations, X
  will" as an apposition (on the 84 PolNeAR dev articles 10 of 291 roles went this way, 8 of
  them such misreadings, 2 groups the person belongs to: "two Vermont developers"). It is
  its words before the name, joined to the name's phrase directly, by a comma or by a dash,
  not by a colon ("Editor's note: X") and not as a dateline ("WASHINGTON -- X"). An
  apposition after the name has a noun (not the "all" of "X, Y and Z all said", nor
  "himself"), a singular one ("X, this reeks of fear"; "X, 14.9 points"), and no
  coordinated name between ("X and Y (all times EDT)"). On the PolNeAR dev articles these
  rules took out 19 roles: 16 wrong, 2 roles of a coordination, 1 cut to its first words
  ("his wife"); on the 772 ECB+ articles 67: 46 wrong, 13 cut to their first words, 8 right
  (mostly roles of a coordination: "X and Y, the new producers").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from accord.analyze.lexicon import titles
from accord.analyze.spans import DASHES, dateline_end, ents_before
from accord.resolve.types import PLACE_LABELS

STOP_DEPS = {"punct", "cc", "det", "case"}
TITLE_WINDOW = 2000  # characters back a title's holder may have been named


def title_before(ent: Span) -> str | None:
    """The title words directly in front of ``ent``, or None if there are none."""
    doc = ent.doc
    i = ent.start - 1
    lexicon = titles()
    start = ent.start
    seen_head = False
    while i >= 0:
        tok = doc[i]
        if (
            tok.is_punct
            or tok.is_space
            or tok.pos_ in {"DET", "VERB", "AUX", "ADP", "PRON", "CCONJ", "SCONJ"}
        ):
            break
        if tok.text in {"'s", "’s"}:
            # "Turkey’s Foreign Minister": keep the possessor as part of the title.
            if i - 1 >= 0 and (doc[i - 1].ent_type_ in {"GPE", "ORG", "NORP"}):
                start = _ent_start(doc[i - 1])
            break
        is_title = lexicon.is_title_word(tok.text)
        is_affiliation = tok.ent_type_ in {"GPE", "ORG", "NORP"} or (
            tok.is_title and tok.pos_ == "PROPN"
        )
        if not (is_title or is_affiliation or (tok.is_title and tok.pos_ in {"NOUN", "ADJ"})):
            break
        seen_head = seen_head or lexicon.is_head(tok.text)
        start = i
        i -= 1
    if not seen_head or start >= ent.start:
        return None
    return doc[start : ent.start].text


def _ent_start(tok: Token) -> int:
    i = tok.i
    while i > 0 and tok.doc[i].ent_iob_ == "I":
        i -= 1
    return i


def _span_text(doc: Doc, tokens: list[Token]) -> str | None:
    toks = [t for t in tokens if not t.is_space]
    while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
        toks.pop()
    # "both" of "both President X and Y" belongs to the coordination, not to the role
    while toks and (toks[0].is_punct or toks[0].dep_ == "preconj"):
        toks.pop(0)
    if not toks:
        return None
    return doc[toks[0].i : toks[-1].i + 1].text


def _subtree_without(head: Token, excluded: set[int]) -> list[Token]:
    return [t for t in head.subtree if t.i not in excluded]


def roles_of(ent: Span) -> list[str]:
    """Appositions and relative clauses attached to the person ``ent``."""
    doc = ent.doc
    root = ent.root
    own = {t.i for t in ent}
    roles: list[str] = []
    for child in root.children:
        if child.i in own:
            continue
        if child.dep_ == "appos" and child.ent_type_ != "PERSON" and _describes(child, root):
            conj_heads = [c for c in child.children if c.dep_ == "conj"]
            conj_tokens = {t.i for c in conj_heads for t in c.subtree}
            for tokens in [_subtree_without(child, conj_tokens)] + [
                list(c.subtree) for c in conj_heads
            ]:
                text = _span_text(doc, tokens)
                if text:
                    roles.append(text)
        elif child.dep_ == "relcl" and any(
            t.lower_ in {"who", "whom", "whose"} for t in child.subtree
        ):
            text = _span_text(doc, list(child.subtree))
            if text:
                roles.append(text)
    if (
        root.dep_ == "appos"
        and root.head.pos_ in {"NOUN", "PROPN"}
        # a place is no role: "sue Saudi Arabia, Governor X disagrees" is two clauses
        and root.head.ent_type_ not in ("PERSON", *PLACE_LABELS)
        and _names_one_person(root.head, ent)
    ):
        excluded = {t.i for t in root.subtree}
        # the words before the name: what follows it ("X, opening the museum,") is no role
        first = min(excluded)
        tokens = [t for t in _subtree_without(root.head, excluded) if t.i < first]
        text = _span_text(doc, tokens)
        if text and len(text.split()) <= 12 and _joined_to_name(tokens, root):
            roles.append(text)
    return [r for r in roles if any(c.isalpha() for c in r) and len(r.split()) <= 16]


def _describes(appos: Token, root: Token) -> bool:
    """Whether an apposition of a name describes that one person: it has a noun ("X, the
    leader", "X (D-N.J.)"; not the "all" of "X, Y and Z all said"), a singular one ("X, this
    reeks of fear" is a misparse), no coordinated name stands between them ("X and Y (all
    times EDT)" is about neither), and one the parser hangs before the name runs into it as a
    noun before a name must (not '... and frankly the president," Flynn said')."""
    if not any(t.pos_ in {"NOUN", "PROPN", "NUM"} for t in appos.subtree):
        return False
    if appos.tag_ in ("NNS", "NNPS"):
        return False
    if appos.i < root.i:
        return _joined_to_name(list(appos.subtree), root)
    return not any(c.dep_ == "conj" and root.i < c.i < appos.i for c in root.children)


def _joined_to_name(tokens: list[Token], root: Token) -> bool:
    """Whether a noun phrase before a name runs into the name's phrase directly or through
    a comma or a dash ("his wife X", "the head of the team, Gov. X", "A Vancouver man - X -
    was charged"), not through a colon ("Editor's note: X") and not as a dateline
    ("WASHINGTON -- X said")."""
    words = [t.i for t in tokens if not t.is_punct and not t.is_space]
    if not words:
        return False
    first, last = min(t.i for t in tokens), max(words)
    name_phrase = {t.i for t in root.subtree}
    between = [
        t.text for t in root.doc[last + 1 : root.i] if t.i not in name_phrase and not t.is_space
    ]
    if between in ([], [","]):
        return True
    return len(between) == 1 and between[0] in DASHES and first >= dateline_end(root.sent)


def _names_one_person(head: Token, ent: Span) -> bool:
    """Whether a noun before a name can be an apposition naming this one person ("the head of
    the team, X", "his wife X"): it comes first and is singular. The parser also reads "no
    matter the expectations, X will" and "close loopholes X used" as appositions."""
    return head.i < ent.start and head.tag_ not in ("NNS", "NNPS")


def title_holder(head: Token) -> Span | None:
    """The one person the article has given ``head``'s title before: "the minister said"
    after "Defence Minister Ivo Marek", "the coach" after "Coach Tom Ellis". Read by the quote
    stage ("the minister said") and the event stage ("the minister called for sanctions").

    Only a definite singular ("the minister", "the foreign minister"; not "a minister", "the
    ministers"), whose modifiers are words of that title too, and only when exactly one
    person (one within-article chain) holds such a title: two ministers leave it unnamed.
    Needs ``doc._.accord_titles`` (and reads ``doc._.accord_chains``)."""
    if head.tag_ not in {"NN", "NNP"} or not any(
        c.dep_ == "det" and c.lower_ == "the" for c in head.children
    ):
        return None
    wanted = {head.lemma_.lower()} | {
        c.lower_ for c in head.children if c.dep_ in {"amod", "compound"}
    }
    if any(c.dep_ not in {"det", "amod", "compound"} for c in head.lefts):
        return None
    doc = head.doc
    found_titles = doc._.accord_titles if Doc.has_extension("accord_titles") else None
    chains = (doc._.accord_chains if Doc.has_extension("accord_chains") else None) or {}
    holders: dict[object, Span] = {}
    for ent in ents_before(doc, head.i, TITLE_WINDOW):
        if ent.label_ != "PERSON":
            continue
        key = (ent.start_char, ent.end_char)
        words = {w.lower() for t in (found_titles or {}).get(key, []) for w in t.split()}
        if wanted <= words:
            holders[chains.get(key, ent.text)] = ent
    # the mention that carries the title, not the chain's fullest name: a chain of one
    # surname can hold two people ("President Obama", "Michelle Obama")
    return next(iter(holders.values())) if len(holders) == 1 else None
