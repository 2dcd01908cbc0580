"""The ``accord_quotes`` spaCy component: quotes and their speakers as :class:`accord.model.Quote`.

Add it to any English pipeline with a parser and NER::

    import accord.quotes.component  # registers the factory
    nlp.add_pipe("accord_quotes")
    doc._.accord_quotes  # list[Quote]

``Quote.cue`` is the speech verb's lemma ("say", "tell") or the cue phrase ("according to");
``speaker_mention`` is the mention id of the speaker's entity (a pronoun's antecedent, preferring
the fullest name in its ``doc._.accord_chains`` chain); ``speaker`` is left for the resolve stage.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from accord.model import Quote, mention_id
from accord.quotes.attribute import Finding, find_quotes

for _name, _default in (("accord_article", ""), ("accord_quotes", None), ("accord_chains", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def quote_id(article: str, start: int, end: int) -> str:
    """Quote ids derive from offsets, like mention ids: stable for the same input."""
    return f"{article}:q{start}-{end}"


def to_quote(article: str, text: str, finding: Finding) -> Quote:
    span, speaker = finding.span, finding.speaker
    mention = speaker.mention if speaker is not None else None
    return Quote(
        id=quote_id(article, span.start, span.end),
        article=article,
        start=span.start,
        end=span.end,
        text=text[span.start : span.end],
        speaker_text=speaker.text if speaker is not None else None,
        cue=finding.cue,
        kind=finding.kind,
        speaker_mention=mention_id(article, mention.start_char, mention.end_char)
        if mention
        else None,
    )


def quotes_of(doc: Doc) -> list[Quote]:
    """The quotes of a parsed ``doc`` (article id from ``doc._.accord_article``)."""
    article = doc._.accord_article or ""
    text = doc.text  # joined once: spaCy rebuilds it from the tokens on every access
    return [to_quote(article, text, f) for f in find_quotes(doc)]


@Language.factory(
    "accord_quotes",
    requires=["doc.ents", "token.dep", "token.lemma"],
    assigns=["doc._.accord_quotes"],
)
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    return QuotesComponent()


class QuotesComponent:
    """Sets ``doc._.accord_quotes``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.accord_quotes = quotes_of(doc)
        return doc
