"""Quote extraction and speaker attribution (stage ``analyze``).

``accord.quotes.component`` registers the ``accord_quotes`` spaCy factory, which sets
``doc._.accord_quotes: list[accord.model.Quote]``. ``accord.quotes.marks`` pairs quotation marks on
raw text; ``accord.quotes.attribute`` finds each quote's kind, cue and speaker. See docs/quotes.md.
"""
