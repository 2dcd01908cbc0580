"""Third-person pronouns resolved to named actors, scored on ECB+ (dev topics).

Usage:
    python benchmarks/pronouns.py                 # all topics in ../shared/data/ecbplus-dev
    python benchmarks/pronouns.py --topics 2 4 6  # some topics
    python benchmarks/pronouns.py --errors 40     # print that many wrong answers

What is scored. ECB+ annotates pronouns ("he", "her", "they", "its" ...) as entity mentions
in the coreference chains of the participants of its annotated events. For each such pronoun
accord's analysis of the document (the whole pipeline up to the quote and event stages) names
one named mention before it as its antecedent, or none. The answer is **right** when that
mention overlaps a gold mention of the pronoun's chain, or shares a capitalised name word with
one of the chain's proper-name mentions anywhere in the topic (ECB+ annotates only some
sentences, so the name the pronoun follows is often not a gold mention itself).

- **named** pronouns: their chain has a proper name whose word the text writes before the
  pronoun. Recall = right answers over these.
- **unnamed** pronouns: no such name (a chain of "a man", "the gunman"). Any antecedent named
  for them is wrong: an event or quote would go to someone else.
- Precision = right answers over all answers given.

Two resolvers are scored on the same parses: ``accord`` (:func:`accord.analyze.pronouns.
antecedent`, what the quote and event stages use) and ``recency`` (the rule the quote stage
used before it: the last compatible named actor within 2,000 characters, preferring
grammatical subjects). Rows are given for the even topics (the rules were written reading
their errors), the odd topics (not read) and all.

The parses are cached under ``$TMPDIR/accord_pronouns_cache`` keyed by the analysis code,
so a change to ``accord.analyze.pronouns`` alone re-scores in seconds.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from code_digest import code_digest
from ecbplus_entities import (
    CORPUS,
    DATA,
    ENTITY_PREFIXES,
    load_topic,
    read_markables,
    selected_sentences,
    topic_folders,
)

REPO = Path(__file__).resolve().parent.parent
CACHE = Path(tempfile.gettempdir()) / "accord_pronouns_cache"
THIRD_PERSON = frozenset(
    {"he", "him", "his", "she", "her", "hers", "it", "its", "they", "them", "their"}
)
NAME_WORD_MIN = 3


@dataclass
class GoldPronoun:
    doc: str
    start: int
    end: int
    text: str
    cluster: str


@dataclass
class Tally:
    named: int = 0
    unnamed: int = 0
    right: int = 0
    wrong_named: int = 0  # an antecedent given for a named pronoun, not its chain
    given_unnamed: int = 0
    by_word: Counter[str] = field(default_factory=Counter)
    right_by_word: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    def prf(self) -> tuple[float, float, float]:
        """Precision (right over answers given), recall (right over named pronouns), F1."""
        given = self.right + self.wrong_named + self.given_unnamed
        p = self.right / given if given else 0.0
        r = self.right / self.named if self.named else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0

    def row(self, name: str) -> str:
        p, r, f = self.prf()
        return (
            f"| {name} | {self.named} | {self.unnamed} | {r:.3f} | {p:.3f} | {f:.3f} "
            f"| {self.wrong_named} | {self.given_unnamed} |"
        )


def gold_pronouns(path: Path) -> tuple[str, list[GoldPronoun], dict[str, list[tuple[int, int]]]]:
    """The document's text, its gold third-person pronouns, and each chain's gold mention
    ranges in it."""
    text, markables = read_markables(path)
    pronouns: list[GoldPronoun] = []
    ranges: dict[str, list[tuple[int, int]]] = {}
    for mark in markables:
        if not mark.tag.startswith(ENTITY_PREFIXES) or mark.cluster is None:
            continue
        anchors = mark.anchors
        start, end = anchors[0][0], anchors[-1][1]
        ranges.setdefault(mark.cluster, []).append((start, end))
        if len(anchors) == 1 and anchors[0][4].lower() in THIRD_PERSON:
            pronouns.append(GoldPronoun(path.stem, start, end, anchors[0][4], mark.cluster))
    return text, pronouns, ranges


def _name_words(text: str) -> set[str]:
    return {
        w.strip(".,'’").lower()
        for w in text.split()
        if w[:1].isupper() and len(w.strip(".,'’")) >= NAME_WORD_MIN
    }


def without_url(text: str) -> str:
    """The text with the URL line that opens ``ecbplus`` files blanked (same offsets): it is
    metadata, which accord's ingest keeps out of the text (``Article.url``; see
    ``benchmarks/stories.py``), and the small model finds "names" in it ("N. htm")."""
    first, newline, rest = text.partition("\n")
    if first.replace(" ", "").startswith(("http", "www")):
        return " " * len(first) + newline + rest
    return text


def parse(texts: dict[str, str]) -> dict[str, Any]:
    """accord's analysis pipeline (up to, not including, the quote and event stages) on each
    text, cached by the analysis code."""
    from spacy.tokens import DocBin

    from accord.analyze import load_pipeline

    nlp = load_pipeline()
    path = CACHE / f"{code_digest('url-blanked', skip={'pronouns.py', 'gender_words.tsv'})}.spacy"
    docs: dict[str, Any] = {}
    if path.exists():
        stored = DocBin().from_disk(path)
        docs = {d.user_data["stem"]: d for d in stored.get_docs(nlp.vocab)}
    todo = [stem for stem in texts if stem not in docs]
    if todo:
        skip = [
            n
            for n in nlp.pipe_names
            if n in ("accord_pronouns", "accord_quotes", "accord_events", "accord_times")
        ]
        with nlp.select_pipes(disable=skip):
            for stem, doc in zip(todo, nlp.pipe(texts[s] for s in todo), strict=True):
                doc.user_data = {"stem": stem}
                docs[stem] = doc
        bin_ = DocBin(store_user_data=True)
        for doc in docs.values():
            bin_.add(doc)
        CACHE.mkdir(parents=True, exist_ok=True)
        bin_.to_disk(path)
    return docs


def recency(doc: Any, token: Any) -> Any:
    """The quote stage's rule before :mod:`accord.analyze.pronouns` (24 rounds): the last
    named actor of a compatible label within 2,000 characters before the pronoun and outside
    quotation marks, a grammatical subject before any other mention, read as the fullest
    name of its within-article chain."""
    from accord.analyze.pronouns import PRONOUN_LABELS
    from accord.quotes.context import QuoteLayout
    from accord.quotes.marks import find_quote_spans
    from accord.quotes.speakers import SUBJECT_DEPS, SpeakerFinder

    finder = SpeakerFinder(QuoteLayout.build(doc, find_quote_spans(doc.text)))
    labels = PRONOUN_LABELS[token.lower_]
    candidates = [
        e
        for e in finder.ents
        if e.label_ in labels
        and token.idx - 2000 <= e.start_char
        and e.end_char <= token.idx
        and not finder.layout.inside_quote(e[0])
    ]

    def subject(ent: Any) -> bool:
        root = ent.root
        return root.dep_ in SUBJECT_DEPS or (
            root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS
        )

    pool = [e for e in candidates if subject(e)] or candidates
    return finder.fullest(pool[-1], token.idx) if pool else None


def ours(doc: Any, token: Any) -> Any:
    from accord.analyze.pronouns import antecedent

    return antecedent(token)


def score_pronoun(
    doc: Any,
    pronoun: GoldPronoun,
    names: set[str],
    ranges: list[tuple[int, int]],
    resolver: Callable[[Any, Any], Any],
    tally: Tally,
) -> None:
    span = doc.char_span(pronoun.start, pronoun.end, alignment_mode="expand")
    if span is None:
        return
    token = span[0]
    before = doc.text[: pronoun.start]
    named = any(w in _name_words(before) for w in names)
    found = resolver(doc, token)
    word = pronoun.text.lower()
    if named:
        tally.named += 1
        tally.by_word[word] += 1
    else:
        tally.unnamed += 1
    if found is None:
        if named:
            tally.errors.append(
                f"{pronoun.doc} none for '{word}' ({sorted(names)[:3]}): {_ctx(doc, token)}"
            )
        return
    right = any(s < found.end_char and found.start_char < e for s, e in ranges) or bool(
        _name_words(found.text) & names
    )
    if named and right:
        tally.right += 1
        tally.right_by_word[word] += 1
        return
    if named:
        tally.wrong_named += 1
    else:
        tally.given_unnamed += 1
    tally.errors.append(
        f"{pronoun.doc} '{word}' -> {found.text!r} (gold {sorted(names)[:3] or 'unnamed'}): "
        f"{_ctx(doc, token)}"
    )


def _ctx(doc: Any, token: Any) -> str:
    lo = max(0, token.idx - 160)
    return str(doc.text[lo : token.idx + 40]).replace("\n", " ")


def run(
    topics: Sequence[Path], resolvers: Mapping[str, Callable[[Any, Any], Any]]
) -> dict[tuple[str, str], Tally]:
    """Tallies by (resolver, "even"/"odd")."""
    selected = selected_sentences()
    texts: dict[str, str] = {}
    items: list[tuple[str, GoldPronoun, set[str], list[tuple[int, int]]]] = []
    for folder in topics:
        half = "even" if int(folder.name) % 2 == 0 else "odd"
        names: dict[str, set[str]] = {}
        for _, mentions in load_topic(folder, selected).values():
            for m in mentions:
                names.setdefault(m.gold, set()).update(_name_words(m.text))
        for path in sorted(folder.glob("*.xml")):
            text, pronouns, ranges = gold_pronouns(path)
            if pronouns:
                texts[path.stem] = without_url(text)
            for p in pronouns:
                items.append((half, p, names.get(p.cluster, set()), ranges.get(p.cluster, [])))
    docs = parse(texts)
    tallies: dict[tuple[str, str], Tally] = {}
    for name, resolver in resolvers.items():
        for half, p, names_, ranges_ in items:
            tally = tallies.setdefault((name, half), Tally())
            score_pronoun(docs[p.doc], p, names_, ranges_, resolver, tally)
    return tallies


def merge(a: Tally, b: Tally) -> Tally:
    out = Tally()
    for t in (a, b):
        out.named += t.named
        out.unnamed += t.unnamed
        out.right += t.right
        out.wrong_named += t.wrong_named
        out.given_unnamed += t.given_unnamed
        out.by_word.update(t.by_word)
        out.right_by_word.update(t.right_by_word)
        out.errors.extend(t.errors)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--topics", nargs="*", type=int)
    parser.add_argument("--errors", type=int, default=0, help="print this many wrong answers")
    parser.add_argument("--half", choices=["even", "odd"], default="even")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"ECB+ not found under {DATA}; skipping.")
        return 0
    folders = topic_folders(args.topics)
    resolvers = {"recency": recency, "accord": ours}
    tallies = run(folders, resolvers)
    print(
        "| resolver | topics | named | unnamed | recall | precision | F1 "
        "| wrong (named) | given (unnamed) |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name in resolvers:
        even = tallies.get((name, "even"), Tally())
        odd = tallies.get((name, "odd"), Tally())
        for half, tally in (("even", even), ("odd", odd), ("all", merge(even, odd))):
            print(tally.row(f"{name} | {half}"))
    for name in resolvers:
        t = merge(tallies.get((name, "even"), Tally()), tallies.get((name, "odd"), Tally()))
        words = ", ".join(f"{w} {t.right_by_word[w]}/{n}" for w, n in t.by_word.most_common())
        print(f"{name}, right / named by word, all topics: {words}")
    if args.errors:
        tally = tallies.get(("accord", args.half), Tally())
        for line in tally.errors[: args.errors]:
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
