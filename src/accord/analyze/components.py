"""accord's own spaCy components, registered by name so any pipeline can add them.

Each sets ``Doc`` extension attributes documented in ``docs/architecture.md``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from accord.analyze.coref import chain_mentions
from accord.analyze.entity_fixes import fix_entities
from accord.analyze.roles import roles_of, title_before
from accord.analyze.temporal import time_expressions

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


@Language.component("accord_paragraphs", assigns=["token.is_sent_start"])
def paragraphs(doc: Doc) -> Doc:
    """A sentence starts after every line break: headlines and paragraphs never run together."""
    after_break = False
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            continue
        if after_break and token.i > 0:
            token.is_sent_start = True
        after_break = "\n" in token.whitespace_
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


@Language.component("accord_times", requires=["doc.ents"], assigns=["doc._.accord_times"])
def times(doc: Doc) -> Doc:
    spans = [(e.start_char, e.end_char, e.text) for e in doc.ents if e.label_ in {"DATE", "TIME"}]
    doc._.accord_times = time_expressions(doc._.accord_article, spans, doc._.accord_published)
    return doc
