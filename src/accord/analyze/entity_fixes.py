"""General repairs of the small English model's entity spans, run right after ``ner``.

Each rule fixes a class of slip seen in news text, never one sentence:

* trim determiners, possessive markers and punctuation from span edges ("the United States",
  "Velnar’s"), and the title words a PERSON span opens with ("Sergeant Mark Pinder": the
  title is read in front of the name); and the words run into the front of a name when they
  are no first name, initial or word of another person's name: before a full name the article
  also writes alone ("Crooked Hillary Clinton", "Hire Maurice Cheeks" in a headline), English
  words before a first name ("former Miss Universe Alicia Machado"), and English words before
  a surname the article names where capitals say nothing ("Injecting Clinton’s" opening a
  sentence, "Double Standard Clinton" in a title-case headline);
* split a span at a possessive whose owner is a name of its own, a known place or a name the
  article uses apart ("Cairo’s Tahrir Square" is two names, "People’s Liberation Army" one), at
  a dash between spaces before two words or more ("Esther Williams - Esther Williams"), or at
  a lower-case word inside a person name ("Peter against Sweden");
* drop the news agency a dateline credits ("LOS ANGELES, Sept. 28 (UPI) —"): it is where the
  text came from, which ingest keeps as provenance, not an actor of the story;
* drop the names of a title-case or capitals headline that the body does not name too
  ("Jewellery Stolen" tagged as a person: such a headline capitalises every word);
* drop spans that are not names at all: no word with an upper-case first letter ("McCain"
  has one), a single letter, one sentence-initial adjective/adverb ("Sharp differences",
  "Unclear"), or one sentence-initial word tagged a common noun that the article capitalises
  nowhere else and uses in no longer name ("Survivors said", "Ferry captain arrested");
* drop a single title word mistaken for a name when a capitalised word follows ("Defense" in
  "Defense Minister X"); alone it is a name ("the Commission said", "King told reporters");
* a first and last name (two or three capitalised proper nouns) right after a title head
  word ("Governor Ilse Darrow", "central bank governor Ilse Darrow") that the model left
  untagged, or tagged only in part ("Darrow" as a place), is a PERSON: news introduces people
  that way, and the small model misses unfamiliar names even there (not in a title-case
  headline, where every word is capitalised);
* a name the model tags somewhere in the article is a name wherever else the article writes
  it the same way ("Gray was shot" after "Kimani Gray, 16"; the small model misses many
  repeats of a name it found once, most of all a bare surname opening a sentence): not where
  it runs on into another capitalised word ("Athens Mayor", "Saints Twitter"), and not a
  one-word name the article also writes in lower case ("King" beside "the king");
* a one-word name that is part of a longer PERSON name in the article is a PERSON everywhere
  in it (spaCy often labels a bare surname ORG); a one-word name the model labels PERSON in
  some uses and ORG, GPE, LOC or FAC in others takes the label of most of its uses, PERSON on
  a tie (the model flips an all-capitals company name, "SEACOM", between PERSON and ORG);
* a PERSON or ORG span that is exactly a GeoNames country or large city, and never part of a
  longer personal name in the article nor a person with a title in front ("Queen Elizabeth"),
  is a place (GPE);
* a one-word PERSON written in capitals inside a sentence in lower case ("SEACOM"), or with
  a digit in it ("SMW3"), is an ORG: news writes people's names in title case;
* a PERSON span of two or more words that starts or ends with a street, building or
  institution word or a company suffix ("Avenue Montaigne", "Zayed Road", "Betty Ford
  Center", "Harry Winston Diamond Corp."; ``types_facility_words.tsv``) is a FAC or an ORG;
* one name, one type: names no gazetteer knows are typed from the article's evidence
  (possessive state nouns, demonyms, coordination with a place, place prepositions; see
  :mod:`accord.resolve.type_evidence`), and every occurrence of a name takes its type.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from accord.analyze.lexicon import facility_words, titles
from accord.analyze.roles import roles_of, title_before
from accord.ingest.dateline import dateline_credit, in_title_case, split_stamps
from accord.resolve.english import is_word
from accord.resolve.gazetteer import lookup_place, well_known
from accord.resolve.given_names import known_first_name
from accord.resolve.type_evidence import Named, decide_labels, is_personal_role, is_titled

NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}
# Labels a one-word name may swap for another within an article (see _one_word_labels).
ONE_WORD_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC"}
# Lower-case particles that belong inside personal names.
NAME_PARTICLES = {
    "von",
    "van",
    "der",
    "den",
    "de",
    "da",
    "del",
    "di",
    "la",
    "le",
    "bin",
    "al",
    "ibn",
    "el",
    "du",
    "dos",
}
POSSESSIVE = {"'s", "’s", "'", "’"}
DASHES = {"-", "–", "—", "--"}
EDGE_JUNK = {"the", "a", "an"} | POSSESSIVE


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (
        doc[start].lower_ in EDGE_JUNK or doc[start].is_punct or doc[start].is_space
    ):
        start += 1
    while end > start and (
        doc[end - 1].lower_ in POSSESSIVE or doc[end - 1].is_punct or doc[end - 1].is_space
    ):
        end -= 1
    if start >= end:
        return None
    return Span(doc, start, end, label=span.label_)


def _without_lead_words(spans: list[Span]) -> list[Span]:
    """PERSON spans without the words the model ran into the front of a name: the fewest
    leading words, none of them a first name ("Lindsay", "Ashley"; any a few dozen people bear,
    see ``known_first_name``), an initial ("G. Gordon Liddy") or a word of another person's name
    of two words or more in the article ("Guajardo Villarreal" beside "Ildefonso Guajardo
    Villarreal"; a one-word span is often the slip itself: "a former Miss Universe"), whose
    rest is a name:

    * another PERSON span's text of two words or more ("Crooked Hillary Clinton", "Colts QB
      Andrew Luck", "Hire Maurice Cheeks" in a headline, beside "Hillary Clinton", "Andrew
      Luck", "Maurice Cheeks");
    * two words or more opening with a first name, after English words ("former Miss Universe
      Alicia Machado", "Democrat Hillary Clinton");
    * one word the article writes as a person's name, after English words where capitals say
      nothing, at a sentence start or in a title-case headline, when the article writes the
      whole span nowhere else ("Injecting Clinton's marital troubles", "Double Standard
      Clinton And Trump" beside "Hillary Clinton"; a name written twice is a name).

    A surname alone is no rest otherwise: "Zurana Horton" beside "Horton" is a name the data
    does not know, and so is "Zurana" (no English word)."""
    people = [s for s in spans if s.label_ == "PERSON"]
    if not people:
        return spans
    doc = people[0].doc
    texts = Counter(s.text for s in people)
    head_start, head_end = headline_range(doc)
    out: list[Span] = []
    for span in spans:
        if span.label_ != "PERSON" or len(span) < 2:
            out.append(span)
            continue
        others = {t.text for p in people if p.text != span.text and len(p) > 1 for t in p}
        surnames = {p[-1].text for p in people if p.text != span.text}
        unmarked = span[0].is_sent_start or head_start <= span.start_char < head_end
        cut, plain = span.start, True
        for k in range(span.start + 1, span.end):
            word = doc[k - 1]
            if known_first_name(word.text) or "." in word.text or len(word) == 1:
                break
            if word.text in others:
                break
            plain = plain and _common_word(word)
            rest = doc[k : span.end]
            if len(rest) > 1 and (
                rest.text in texts
                or (
                    plain
                    and known_first_name(rest[0].text)
                    and rest[0].lower_ not in NAME_PARTICLES
                )
            ):
                cut = k
                break
            if len(rest) == 1 and plain and unmarked and rest.text in surnames:
                cut = k if texts[span.text] == 1 else cut
                break
        out.append(span if cut == span.start else Span(doc, cut, span.end, label="PERSON"))
    return out


def _common_word(tok: Token) -> bool:
    """Whether a capitalised word is an English word and no place's name: WordNet lists
    "injecting", "standard" and "universe", but also "Wichita" and "Bloomington", which the
    gazetteer knows."""
    return tok.is_alpha and is_word(tok.text) and lookup_place(tok.text) is None


def _untitled(span: Span) -> Span:
    """A PERSON span without the title words it opens with ("Sergeant Mark Pinder", "Comedian
    Ellen DeGeneres" in a title-case headline): the title is read in front of the name, as
    for "Governor Ilse Darrow", and one person is not two names, with and without it."""
    if span.label_ != "PERSON":
        return span
    lexicon = titles()
    start = span.start
    doc = span.doc
    while (
        start < span.end - 1
        and lexicon.is_title_word(doc[start].text)
        and doc[start + 1].text[:1].isupper()
    ):
        start += 1
    if start == span.start or lexicon.is_title_word(doc[start].text):
        return span  # no title, or nothing but title words ("Deputy Minister")
    return Span(doc, start, span.end, label="PERSON")


def _split(span: Span, owners: set[str]) -> list[Span]:
    """Split at an inner possessive whose owner is a name of its own, at a dash standing
    between spaces before two words or more ("Esther Williams - Esther Williams" in a
    headline; "Mat-Su" and "Strauss - Kahn" are one name), and person names at inner
    lower-case words."""
    doc = span.doc
    for i in range(span.start + 1, span.end - 1):
        tok = doc[i]
        inner_lower = (
            span.label_ == "PERSON"
            and tok.is_lower
            and tok.text not in NAME_PARTICLES
            and tok.is_alpha
        )
        owned = tok.text in POSSESSIVE and _is_owner(Span(doc, span.start, i), owners)
        after = doc[i + 1]
        apart = _spaced_dash(tok) and (span.end - i - 1 > 1 or after.is_lower)
        if owned or inner_lower or apart:
            left = Span(doc, span.start, i, label=span.label_)
            right = Span(doc, i + 1, span.end, label=span.label_)
            return [s for part in (left, right) for s in _split(part, owners)]
    return [span]


def _spaced_dash(tok: Token) -> bool:
    """A dash with a space on each side: it stands between two names or phrases ("Esther
    Williams - Esther Williams", "Scott - Brentley Vinson"). A name is split there only before
    two words or more, or a word in lower case (see ``_split``): text rebuilt from tokens
    writes a hyphen so too, and one capitalised word after it ends a hyphenated name as often
    ("African - American", "Dominique Strauss - Kahn", "New Orleans Times - Picayune" in ECB+)."""
    doc = tok.doc
    return tok.text in DASHES and tok.i > 0 and bool(tok.whitespace_ and doc[tok.i - 1].whitespace_)


def _is_owner(left: Span, owners: set[str]) -> bool:
    """Whether the words before an inner possessive name something on their own: a known place
    ("Cairo’s Tahrir Square") or a name the article uses apart ("Putin" in "Putin’s Kremlin"
    when "Vladimir Putin" is named too). Otherwise the possessive belongs to the name:
    "People’s Liberation Army", "Sam’s Club", "Workers’ Party"."""
    text = left.text
    start = 1 if left[0].lower_ in EDGE_JUNK else 0
    return lookup_place(left[start:].text) is not None or text in owners


def _owners(ents: Sequence[Span]) -> set[str]:
    """Texts that stand as names on their own in the article: whole entity spans without an
    inner possessive, and every word of a multi-word person name."""
    whole = {
        ent.text
        for ent in ents
        if ent.label_ in NAME_LABELS and not any(t.text in POSSESSIVE for t in ent[1:-1])
    }
    return whole | _person_tokens(list(ents))


def _only_opens_sentences(tok: Token) -> bool:
    """Whether the word is written capitalised only where a sentence starts and is no part of
    a longer name in the article: a common noun there ("Survivors said", "Ferry captain
    arrested"), where a name is also written inside sentences ("coach Maurice Cheeks")."""
    return all(t.is_sent_start for t in tok.doc if t.text == tok.text) and not any(
        len(e) > 1 and tok.text in e.text.split() for e in tok.doc.ents
    )


def _is_name(span: Span) -> bool:
    if not any(t.text[0].isupper() for t in span if any(c.isalpha() for c in t.text)):
        return False  # capitalised: an upper-case first letter ("McCain", "U.S.", "Calif.")
    if len(span.text) < 2:
        return False
    if len(span) == 1:
        tok = span[0]
        if (
            span.label_ in {"PERSON", "ORG", "FAC"}
            and tok.is_sent_start
            and (
                tok.tag_[:2] in {"JJ", "RB", "VB"}
                or (tok.tag_ in {"NN", "NNS"} and _only_opens_sentences(tok))
            )
        ):
            return False
        if (
            span.label_ in {"ORG", "NORP", "PERSON"}
            and titles().is_title_word(tok.text)
            and _starts_title_phrase(tok)
        ):
            return False
    return True


def _starts_title_phrase(tok: Token) -> bool:
    """Whether a capitalised word follows ``tok``: "Defense" in "Defense Minister Ingrid
    Larsen" is part of a title, while "Navy" in "a Navy lieutenant", "Commission" in "the
    Commission said" and "King" in "King told reporters" are names."""
    doc = tok.doc
    return tok.i + 1 < len(doc) and doc[tok.i + 1].is_alpha and doc[tok.i + 1].text[0].isupper()


def _person_tokens(spans: list[Span]) -> set[str]:
    """Every token of the multi-token PERSON spans in this article."""
    return {t.text for s in spans if s.label_ == "PERSON" and len(s) > 1 for t in s}


def _as_place(span: Span, person_tokens: set[str]) -> Span:
    """A PERSON/ORG span that is exactly a known place, and no part of a longer name, is a GPE;
    not a PERSON with a title in front ("Queen Elizabeth", "Governor Georgia Ruiz")."""
    titled = span.label_ == "PERSON" and title_before(span) is not None
    if span.label_ in {"PERSON", "ORG"} and span.text not in person_tokens and not titled:
        place = lookup_place(span.text)
        if place and well_known(place):
            return Span(span.doc, span.start, span.end, label="GPE")
    return span


def _as_facility(span: Span) -> Span:
    """A multi-word PERSON span that starts or ends with a street, building or institution word
    is the FAC or ORG its word says ("Avenue Montaigne", "Betty Ford Center")."""
    if span.label_ != "PERSON" or len(span) < 2:
        return span
    words = facility_words()
    label = words.get((span[-1].text.lower(), "last")) or words.get((span[0].text.lower(), "first"))
    return Span(span.doc, span.start, span.end, label=label) if label else span


def _as_company(span: Span) -> Span:
    """A one-word PERSON written in capitals inside a sentence in lower case ("SEACOM said"), or
    with a digit in it ("SMW3"), is an organisation: news writes people's names in title case."""
    if span.label_ != "PERSON" or len(span) != 1:
        return span
    word = span.text
    letters = [c for c in word if c.isalpha()]
    capitals = len(letters) >= 3 and word.isupper() and not _ROMAN.fullmatch(word)
    coded = bool(letters) and any(c.isdigit() for c in word)
    if not (capitals or coded):
        return span
    sentence = [c for c in span.sent.text if c.isalpha()]
    if capitals and sum(c.isupper() for c in sentence) > len(sentence) / 2:
        return span  # a line in capitals: every name in it is
    return Span(span.doc, span.start, span.end, label="ORG")


def _one_word_labels(spans: list[Span]) -> dict[str, str]:
    """The label each one-word name takes in this article where the model disagrees with
    itself: PERSON when the word is part of a longer person name or PERSON in at least as many
    of its uses as any other label; else its most common label."""
    person_tokens = _person_tokens(spans)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for span in filter(_is_one_word_name, spans):
        votes[span.text][span.label_] += 1
    out = {}
    for text, count in votes.items():
        if text in person_tokens:
            out[text] = "PERSON"
        elif count["PERSON"] and len(count) > 1:
            label, most = count.most_common(1)[0]
            out[text] = "PERSON" if count["PERSON"] >= most else label
    return out


def _is_one_word_name(span: Span) -> bool:
    """A one-word span whose label may follow the article's vote (:data:`ONE_WORD_LABELS`)."""
    return len(span) == 1 and span.label_ in ONE_WORD_LABELS


def _relabelled(span: Span, labels: dict[str, str]) -> Span:
    """``span`` with the article-wide label of its one-word name (see :func:`_one_word_labels`)."""
    label = labels.get(span.text) if _is_one_word_name(span) else None
    if label is None or label == span.label_:
        return span
    return Span(span.doc, span.start, span.end, label=label)


def fix_entities(doc: Doc) -> Doc:
    """Apply every rule above to ``doc.ents`` in place and return the doc."""
    spans: list[Span] = []
    owners = _owners(doc.ents)
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            spans.append(ent)
            continue
        trimmed = _trim(ent)
        if trimmed is None:
            continue
        for part in _split(trimmed, owners):
            cleaned = _trim(part)
            if cleaned is not None and _is_name(cleaned):
                spans.append(_untitled(cleaned))
    credit = dateline_credit(doc.text)
    spans = _without_lead_words(_without_credit(credit, spans))
    spans = [_as_company(_as_facility(s)) for s in _confirmed_in_headline(spans)]
    spans = _titled_names(doc, spans)
    spans = _repeated_names(doc, spans)
    person_tokens = _person_tokens(spans)
    spans = [_as_place(s, person_tokens) for s in spans]
    labels = _one_word_labels(spans)
    decided = _by_evidence(spans)
    fixed = [decided.get(id(s)) or _relabelled(s, labels) for s in spans]
    doc.ents = _non_overlapping(_without_credit(credit, fixed))  # nor a repeat found again
    return doc


def _without_credit(credit: tuple[int, int] | None, spans: list[Span]) -> list[Span]:
    """``spans`` without the news agency a dateline credits (``credit``, the offsets of "UPI"
    in "FLINT, Mich., Oct. 4 (UPI) —"): it says where the text came from (ingest keeps it as
    provenance), it is no actor of the story."""
    if credit is None:
        return spans
    return [s for s in spans if not (credit[0] <= s.start_char and s.end_char <= credit[1])]


# Labels whose untagged repeats are names too (see _repeated_names): not NORP ("Russian" is
# an adjective as often as a people).
REPEAT_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT"}
MAX_SURNAME_NAME = 3  # a person's name of up to this many words gives its last word too


def _repeated_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """``spans`` plus the untagged occurrences of the article's names (one sense per
    discourse: a name is a name every time the article writes it), each with the label most
    of the name's tagged uses have (the later rules then give one name one type); the last
    word of a person's full name is the person's name too ("DeGeneres said").

    An occurrence counts when the same tokens, written the same way, lie outside every entity
    span, and it does not run on into a capitalised word on either side (a longer name, or a
    title: "Athens Mayor Nikitas ..."), except a title word in front ("Mr Gray"). A one-word
    name the article also writes in lower case is left alone: "King said" beside "the king"
    may be the noun opening a sentence."""
    names: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for span in spans:
        if span.label_ in REPEAT_LABELS:
            names[tuple(t.text for t in span)][span.label_] += 1
    for span in spans:  # the surname of a full name: "DeGeneres" after "Ellen DeGeneres"
        last = span[-1]
        if (
            span.label_ == "PERSON"
            and 1 < len(span) <= MAX_SURNAME_NAME
            and _capitalised_word(last)
            and lookup_place(last.text) is None  # "Jordan" of "Michael Jordan" stays a country
        ):
            names.setdefault((last.text,), Counter({"PERSON": 1}))
    if not names:
        return spans
    lower = _written_lower(doc)
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for words in sorted(names, key=len, reverse=True):
        if len(words) > 1 or words[0].lower() not in lower:
            by_first[words[0]].append(words)
    taken = {i for s in spans for i in range(s.start, s.end)}
    added: list[Span] = []
    lexicon = titles()
    text = doc.text  # joined once: spaCy rebuilds it from the tokens on every access
    i = 0
    while i < len(doc):
        for words in by_first.get(doc[i].text, ()) if i not in taken else ():
            end = i + len(words)
            if end > len(doc) or any(
                doc[j].text != w or j in taken for j, w in zip(range(i, end), words, strict=True)
            ):
                continue
            before = doc[i - 1] if i else None
            after = doc[end] if end < len(doc) else None
            if (
                before is not None
                and _capitalised_word(before)
                and not before.is_sent_start
                and not lexicon.is_title_word(before.text.rstrip("."))
                and not is_titled(text, doc[i].idx)  # an honorific: "Mr Gray"
            ) or (after is not None and _capitalised_word(after)):
                continue
            label = names[words].most_common(1)[0][0]
            added.append(Span(doc, i, end, label=label))
            taken.update(range(i, end))
            i = end - 1
            break
        i += 1
    if not added:
        return spans
    return sorted(spans + added, key=lambda s: s.start)


def _written_lower(doc: Doc) -> set[str]:
    """The words the article writes in lower case as words of its prose: between spaces or
    punctuation, not inside a URL or a slug ("ellen-degeneres-to-host")."""
    text = doc.text
    out = set()
    for tok in doc:
        if not (tok.is_lower and tok.is_alpha):
            continue
        before = text[tok.idx - 1] if tok.idx else " "
        after = text[tok.idx + len(tok) : tok.idx + len(tok) + 1] or " "
        if (before.isspace() or before in "\"'“‘(") and (after.isspace() or after in _CLOSERS):
            out.add(tok.text)
    return out


_CLOSERS = frozenset(".,;:!?\"'”’)")


def _capitalised_word(tok: Token) -> bool:
    return tok.is_alpha and tok.text[0].isupper()


_ROMAN = re.compile(r"[IVXLC]+")  # "Henry VIII", "Gaza II": not company capitals
MAX_TITLED_NAME = 3  # tokens of a name read after a title: first, middle and last name


def _titled_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """``spans`` plus the PERSON names found after title head words (see the module docstring);
    a span that lay inside such a name is replaced by it."""
    lexicon = titles()
    _, headline_end = headline_range(doc)
    owner = {i: s for s in spans for i in range(s.start, s.end)}
    added: list[Span] = []
    replaced: set[int] = set()
    for tok in doc:
        if not lexicon.is_head(tok.text) or tok.idx < headline_end:
            continue
        end = tok.i + 1
        while end < len(doc) and _name_word(doc[end]) and end - tok.i <= MAX_TITLED_NAME:
            end += 1
        size = end - tok.i - 1
        if not 2 <= size <= MAX_TITLED_NAME or (end < len(doc) and _name_word(doc[end])):
            continue
        covering = list({id(s): s for i in range(tok.i + 1, end) if (s := owner.get(i))}.values())
        if any(s.start <= tok.i or s.end > end or s.label_ not in NAME_LABELS for s in covering):
            continue  # part of a longer name the model found ("General Motors"), or a date
        if any(s.label_ == "PERSON" and (s.start, s.end) == (tok.i + 1, end) for s in covering):
            continue  # found already
        replaced |= {id(s) for s in covering}
        added.append(Span(doc, tok.i + 1, end, label="PERSON"))
    if not added:
        return spans
    return sorted([s for s in spans if id(s) not in replaced] + added, key=lambda s: s.start)


def _name_word(tok: Token) -> bool:
    """A capitalised proper noun that is no title word ("Ilse", "Darrow"; not "Minister")."""
    return (
        tok.pos_ == "PROPN"
        and tok.is_alpha
        and tok.text[0].isupper()
        and not tok.is_upper
        and not titles().is_title_word(tok.text)
    )


def headline_range(doc: Doc) -> tuple[int, int]:
    """Character range of the opening line (after any date/time stamp lines) when it is written
    in title case or capitals ("Colts Top Jags To Make Playoffs"), else ``(0, 0)``: the line must
    be followed by more text, and 80% or more of its words that are not stop words, at least
    three, must start with a capital."""
    text = doc.text
    line = split_stamps(text)[1]
    start = text.find(line) if line else -1
    end = start + len(line) if line else -1
    if start < 0 or not text[end:].strip():
        return 0, 0
    words = [t for t in doc.char_span(start, end, alignment_mode="expand") or () if t.is_alpha]
    if not in_title_case([t.text for t in words if not t.is_stop]):
        return 0, 0
    return start, end


def _confirmed_in_headline(spans: list[Span]) -> list[Span]:
    """Drop the names of a title-case or capitals headline that the body does not confirm.

    The small model finds names by their capitals, which such a headline gives every word: it
    tags "Jewellery Stolen" or "Colts Beat Chiefs" as people. A headline name is kept when the
    body names it too (in any case), when it is a word of a person the body names in full
    ("Manning" for "Peyton Manning"), when it is a person whose surname the body names as a
    person ("Jamal Williams" over a body that calls him "Williams"), or when it is a known
    place."""
    names = [s for s in spans if s.label_ in NAME_LABELS]
    if not names:
        return spans
    start, end = headline_range(names[0].doc)
    if end == 0:
        return spans
    body = [s for s in names if s.start_char >= end]
    known = {s.text.lower() for s in body}
    known |= {token.lower() for token in _person_tokens(body)}
    surnames = {s.text.lower() for s in body if s.label_ == "PERSON" and len(s) == 1}
    return [
        s
        for s in spans
        if s.label_ not in NAME_LABELS
        or not start <= s.start_char < end
        or s.text.lower() in known
        or (s.label_ == "PERSON" and len(s) > 1 and s[-1].text.lower() in surnames)
        or lookup_place(s.text) is not None
    ]


def _titled(span: Span) -> bool:
    """A PERSON span with a title in front or a personal role ("X, who led ...")."""
    if span.label_ != "PERSON":
        return False
    return title_before(span) is not None or any(map(is_personal_role, roles_of(span)))


def _by_evidence(spans: list[Span]) -> dict[int, Span]:
    """The name spans the article's type evidence decides (one name, one type), by ``id``."""
    names = [s for s in spans if s.label_ in NAME_LABELS]
    if not names:
        return {}
    found = [Named(0, s.start_char, s.end_char, s.label_, _titled(s)) for s in names]
    labels = decide_labels([names[0].doc.text], found)
    return {
        id(s): s if label == s.label_ else Span(s.doc, s.start, s.end, label=label)
        for s, label in zip(names, labels, strict=True)
        if label is not None
    }


def _non_overlapping(spans: list[Span]) -> list[Span]:
    taken: set[int] = set()
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if taken.isdisjoint(range(span.start, span.end)):
            out.append(span)
            taken.update(range(span.start, span.end))
    return sorted(out, key=lambda s: s.start)
