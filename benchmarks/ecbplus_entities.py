"""Cross-document entity coreference on ECB+ (dev topics), gold proper-name mentions.

Usage:
    python benchmarks/ecbplus_entities.py            # all topics in ../shared/data/ecbplus-dev
    python benchmarks/ecbplus_entities.py --topics 1 2 3

What is scored. ECB+ (CROMER XML) annotates entity mentions (HUMAN_PART_*, NON_HUMAN_PART*,
LOC_*) with within- and cross-document coreference. We keep the mentions that are *proper
names*, in the sentences the corpus lists as annotated (ECBplus_coreference_sentences.csv):
after a leading "the", every word of the mention is capitalised or a name-internal function
word (of, and, de, ...), and a capitalised word at the start of a sentence counts only if its
lower-case form never occurs in the topic (so "Police" opening a sentence is not a name).
Pronouns are dropped. Labels: HUMAN_PART_PER → PERSON, HUMAN_PART_ORG/NON_HUMAN_PART* → ORG,
HUMAN_PART_GPE and LOC_GEO → GPE, LOC_FAC → FAC, other LOC → LOC, other HUMAN → PERSON.

accord's resolver runs on Mentions built from those gold spans (no within-article chains), all
documents of one topic together; the gold clusters are the CROSS_DOC_COREF instances (and
INTRA_DOC_COREF chains), restricted to the kept mentions; unlinked mentions are singletons.
The baseline puts mentions with the identical string (case-sensitive) in one cluster.
Scores: MUC, B3, CEAF-e and their mean (CoNLL F1), pooled over topics.

``--detect`` runs accord end to end instead: its own per-article analysis
(:func:`accord.analyze.analyze_articles`: the NER, its repairs and the analyse stage's
mentions) on each document's text, then :func:`accord.resolve.resolve` over the topic. It
prints the recall of the gold proper-name mentions (exact: an accord mention with the same
span; head: one that overlaps it and ends on the same word, "the Oscars" for "Oscars") and the
coreference scores with each gold mention put in the entity of the accord mention that finds
it by head, a mention accord does not find being a singleton. ECB+ annotates only the entities
of its annotated events, so accord's other mentions are neither right nor wrong here:
precision of detection is not measured. Slow (the whole analysis: about 1 s per document).
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ecbplus_text import pieces

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data" / "ecbplus-dev"
CORPUS = DATA / "ECB+"

ENTITY_PREFIXES = ("HUMAN_PART", "NON_HUMAN_PART", "LOC_")
FUNCTION_WORDS = frozenset(
    {
        "of",
        "and",
        "de",
        "du",
        "la",
        "le",
        "von",
        "van",
        "der",
        "al",
        "the",
        "for",
        "&",
        "'s",
        "-",
        ".",
    }
)
PRONOUNS = frozenset(
    {"i", "he", "she", "it", "we", "they", "you", "him", "her", "them", "us", "me"}
)

Clusters = dict[str, str]  # mention key -> cluster id
# Types counted as one in --detect: ECB+ tags a country LOC_GEO or HUMAN_PART_GPE by its role
PLACE_LABELS = frozenset({"GPE", "LOC"})


@dataclass
class GoldMention:
    key: str  # "{doc}:{m_id}"
    doc: str
    start: int
    end: int
    text: str
    label: str
    sentence: int
    gold: str


def label_for(tag: str) -> str:
    """accord label for an ECB+ markable tag."""
    if tag == "HUMAN_PART_PER":
        return "PERSON"
    if tag == "HUMAN_PART_ORG" or tag.startswith("NON_HUMAN_PART"):
        return "ORG"
    if tag in ("HUMAN_PART_GPE", "LOC_GEO"):
        return "GPE"
    if tag == "LOC_FAC":
        return "FAC"
    return "LOC" if tag.startswith("LOC_") else "PERSON"


def selected_sentences() -> set[tuple[str, int]]:
    """(file stem like "1_10ecbplus", sentence number) of the sentences ECB+ annotated."""
    with (DATA / "ECBplus_coreference_sentences.csv").open(encoding="utf-8") as fh:
        return {
            (f"{row['Topic']}_{row['File']}", int(row["Sentence Number"]))
            for row in csv.DictReader(fh)
        }


def _is_name(words: Sequence[str], first_in_sentence: bool, lower_vocab: set[str]) -> bool:
    if words and words[0].lower() == "the":
        words, first_in_sentence = words[1:], False
    if not words or (len(words) == 1 and words[0].lower() in PRONOUNS):
        return False
    for i, word in enumerate(words):
        if word.lower() in FUNCTION_WORDS and 0 < i < len(words) - 1:
            continue
        if not word[:1].isupper():
            return False
        if i == 0 and first_in_sentence and word.lower() in lower_vocab:
            return False
    return True


Token = tuple[int, int, int, int, str]  # start, end, sentence, number in sentence, word


def _tokens(root: Any) -> tuple[str, dict[str, Token]]:
    """The text as printed (:func:`ecbplus_text.pieces`: one line per sentence, split numbers,
    initials and hyphenated words joined back, no space before punctuation or "'s") and each
    token's place in it, by t_id."""
    by_sentence: dict[int, list[Any]] = defaultdict(list)
    for tok in root.iter("token"):
        by_sentence[int(tok.get("sentence", 0))].append(tok)
    offsets: dict[str, Token] = {}
    parts: list[str] = []
    pos = 0
    for sentence in sorted(by_sentence):
        toks = by_sentence[sentence]
        if parts:
            parts.append("\n")
            pos += 1
        for tok, (sep, surface) in zip(toks, pieces([t.text or "" for t in toks]), strict=True):
            pos += len(sep)
            number = int(tok.get("number", 0))
            offsets[tok.get("t_id", "")] = (pos, pos + len(surface), sentence, number, surface)
            parts.append(sep + surface)
            pos += len(surface)
    return "".join(parts), offsets


@dataclass
class Markable:
    """One annotated mention of a CROMER file: its tag, its key ("{doc}:{m_id}"), the gold
    cluster it belongs to (its own key when none) and its tokens' places in the text."""

    tag: str
    key: str
    cluster: str | None
    anchors: list[Token]


def read_markables(path: Path) -> tuple[str, list[Markable]]:
    """The document's text as printed (:func:`_tokens`) and every markable with tokens, in
    file order; the entity, pronoun and event benchmarks each keep the ones they score."""
    from defusedxml import ElementTree

    root = ElementTree.parse(path).getroot()
    text, offsets = _tokens(root)
    clusters = _gold_clusters(root, path.stem)
    out: list[Markable] = []
    markables = root.find("Markables")
    for mark in markables if markables is not None else []:
        ids = [a.get("t_id") for a in mark.findall("token_anchor")]
        anchors = sorted(offsets[i] for i in ids if i in offsets)
        if anchors:
            key = f"{path.stem}:{mark.get('m_id')}"
            out.append(Markable(mark.tag, key, clusters.get(key), anchors))
    return text, out


def parse_document(
    path: Path, selected: set[tuple[str, int]], lower_vocab: set[str]
) -> tuple[str, list[GoldMention]]:
    """The document's text and its gold proper-name entity mentions in annotated sentences."""
    text, markables = read_markables(path)
    mentions: list[GoldMention] = []
    for mark in markables:
        if not mark.tag.startswith(ENTITY_PREFIXES):
            continue
        anchors = mark.anchors
        start, end, sentence = anchors[0][0], anchors[-1][1], anchors[0][2]
        words = [a[4] for a in anchors]
        if (path.stem, sentence) in selected and _is_name(words, anchors[0][3] == 0, lower_vocab):
            label = label_for(mark.tag)
            gold = mark.cluster or mark.key
            mentions.append(
                GoldMention(mark.key, path.stem, start, end, text[start:end], label, sentence, gold)
            )
    return text, mentions


def _gold_clusters(root: object, stem: str) -> dict[str, str]:
    """mention key -> cluster: the CROSS_DOC instance id, or the INTRA_DOC chain's target."""
    instances: dict[str, str] = {}
    out: dict[str, str] = {}
    markables = root.find("Markables")  # type: ignore[attr-defined]
    for mark in markables if markables is not None else []:
        if mark.get("instance_id"):
            instances[mark.get("m_id")] = mark.get("instance_id")
    relations = root.find("Relations")  # type: ignore[attr-defined]
    for rel in relations if relations is not None else []:
        target = rel.find("target")
        if target is None:
            continue
        tid = target.get("m_id")
        cluster = instances.get(tid) if rel.tag == "CROSS_DOC_COREF" else f"{stem}:intra:{tid}"
        if cluster is None:
            continue
        if rel.tag != "CROSS_DOC_COREF":
            out[f"{stem}:{tid}"] = cluster
        for src in rel.findall("source"):
            out[f"{stem}:{src.get('m_id')}"] = cluster
    return out


def topic_folders(numbers: Iterable[int | str] | None = None) -> list[Path]:
    """The ECB+ topic folders in numeric order, only those in ``numbers`` when given."""
    folders = sorted((p for p in CORPUS.iterdir() if p.is_dir()), key=lambda p: int(p.name))
    wanted = {str(n) for n in numbers or ()}
    return [f for f in folders if f.name in wanted] if wanted else folders


def topic_vocabulary(files: Iterable[Path]) -> set[str]:
    """Every word of the topic that occurs in lower case somewhere (for the sentence-start rule)."""
    from defusedxml import ElementTree

    vocab: set[str] = set()
    for path in files:
        for tok in ElementTree.parse(path).getroot().iter("token"):
            word = tok.text or ""
            if word[:1].islower():
                vocab.add(word)
    return vocab


def resolve_topic(docs: dict[str, tuple[str, list[GoldMention]]]) -> Clusters:
    """Run accord's resolver on the topic's gold mentions; mention key -> entity id."""
    from accord.model import Analysis, Article, Mention, mention_id
    from accord.resolve import resolve

    analyses: list[Analysis] = []
    keys: dict[str, str] = {}
    for stem, (text, mentions) in sorted(docs.items()):
        article = Article(id=stem, text=text, path=stem)
        analysis = Analysis(article=article)
        for gm in mentions:
            mid = mention_id(stem, gm.start, gm.end)
            keys[mid] = gm.key
            analysis.mentions.append(
                Mention(mid, stem, gm.start, gm.end, gm.text, gm.label, gm.sentence)
            )
        analyses.append(analysis)
    resolve(analyses, prune=False)  # gold mentions: every one is a name
    return {keys[m.id]: f"{m.entity}" for a in analyses for m in a.mentions}


@dataclass
class Detection:
    """What ``--detect`` counts over the gold mentions: found exactly, found by head, and
    (gold label, the type of accord's entity) for each one found by head."""

    exact: int = 0
    head: int = 0
    types: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, other: Detection) -> None:
        self.exact += other.exact
        self.head += other.head
        self.types.update(other.types)

    def type_accuracy(self) -> float:
        """Share of the found mentions whose entity has the gold type (:data:`PLACE_LABELS`
        count as one)."""
        right = sum(n for (g, a), n in self.types.items() if same_type(g, a))
        return right / max(1, sum(self.types.values()))


def same_type(gold: str, ours: str) -> bool:
    return gold == ours or {gold, ours} <= PLACE_LABELS


def detect_topic(docs: dict[str, tuple[str, list[GoldMention]]]) -> tuple[Clusters, Detection]:
    """accord's own analysis and resolution of the topic's texts: gold mention key -> entity
    id of the accord mention that finds it by head (its own key when none does), and what
    was found (:class:`Detection`)."""
    from accord.analyze import analyze_articles
    from accord.errors import AnalysisError
    from accord.model import Article
    from accord.resolve import resolve

    stems = sorted(docs)
    articles = [Article(id=stem, text=docs[stem][0], path=stem) for stem in stems]
    analyses = [a for a in analyze_articles(articles) if not isinstance(a, AnalysisError)]
    types = {e.id: e.type for e in resolve(analyses)}
    by_doc = {a.article.id: a.mentions for a in analyses}
    out: Clusters = {}
    found_here = Detection()
    for stem in stems:
        text, gold = docs[stem]
        for gm in gold:
            found = [
                m
                for m in by_doc.get(stem, [])
                if m.start < gm.end
                and gm.start < m.end
                and _last_word(text, m.start, m.end) == _last_word(text, gm.start, gm.end)
            ]
            found_here.exact += any((m.start, m.end) == (gm.start, gm.end) for m in found)
            found_here.head += bool(found)
            out[gm.key] = f"{found[0].entity}" if found and found[0].entity else gm.key
            if found:
                found_here.types[gm.label, types.get(found[0].entity or "", found[0].label)] += 1
    return out, found_here


def _last_word(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the last word of ``text[start:end]`` (possessive "'s" dropped)."""
    piece = text[start:end]
    for suffix in ("'s", "’s"):
        if piece.endswith(suffix):
            piece = piece[: -len(suffix)]
    words = piece.rstrip(" .,").split()
    if not words:
        return (start, end)
    last = start + piece.rfind(words[-1])
    return (last, last + len(words[-1]))


def exact_baseline(mentions: Iterable[GoldMention]) -> Clusters:
    """Mentions with the identical string are one entity."""
    return {m.key: f"str:{m.text}" for m in mentions}


# ----------------------------------------------------------------- metrics
# Written here (about fifty lines) because the reference scorer is a Perl script and the Python
# ports on PyPI are unmaintained; the formulas follow Pradhan et al. (2014).


def _invert(clusters: Clusters) -> list[set[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for mention, cluster in clusters.items():
        groups[cluster].add(mention)
    return list(groups.values())


def _prf(num_p: float, den_p: float, num_r: float, den_r: float) -> tuple[float, float, float]:
    p = num_p / den_p if den_p else 0.0
    r = num_r / den_r if den_r else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def muc(key: Clusters, response: Clusters) -> tuple[float, float, float]:
    def part(a: Clusters, b: Clusters) -> tuple[float, float]:
        num = den = 0.0
        for cluster in _invert(a):
            num += len(cluster) - len({b[m] for m in cluster})
            den += len(cluster) - 1
        return num, den

    nr, dr = part(key, response)
    np_, dp = part(response, key)
    return _prf(np_, dp, nr, dr)


def b_cubed(key: Clusters, response: Clusters) -> tuple[float, float, float]:
    kc = {m: c for c in _invert(key) for m in c}
    rc = {m: c for c in _invert(response) for m in c}
    p = sum(len(kc[m] & rc[m]) / len(rc[m]) for m in key)
    r = sum(len(kc[m] & rc[m]) / len(kc[m]) for m in key)
    return _prf(p, len(key), r, len(key))


def ceaf_e(key: Clusters, response: Clusters) -> tuple[float, float, float]:
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    kcs, rcs = _invert(key), _invert(response)
    sim = np.zeros((len(kcs), len(rcs)))
    for i, k in enumerate(kcs):
        for j, r in enumerate(rcs):
            common = len(k & r)
            if common:
                sim[i, j] = 2 * common / (len(k) + len(r))
    rows, cols = linear_sum_assignment(-sim)
    total = float(sim[rows, cols].sum())
    return _prf(total, len(rcs), total, len(kcs))


def score(
    key_by_topic: dict[str, Clusters], resp_by_topic: dict[str, Clusters]
) -> dict[str, tuple[float, float, float]]:
    """MUC and B3 over the pooled topics, CEAF-e aligned per topic then pooled, and CoNLL F1."""
    key = {m: f"{t}|{c}" for t, cl in key_by_topic.items() for m, c in cl.items()}
    resp = {m: f"{t}|{c}" for t, cl in resp_by_topic.items() for m, c in cl.items()}
    totals = [0.0, 0.0, 0.0, 0.0]
    for topic, kcl in key_by_topic.items():
        p, r, _ = ceaf_e(kcl, resp_by_topic[topic])
        nk, nr = len(set(kcl.values())), len(set(resp_by_topic[topic].values()))
        totals = [totals[0] + p * nr, totals[1] + nr, totals[2] + r * nk, totals[3] + nk]
    out = {"MUC": muc(key, resp), "B3": b_cubed(key, resp), "CEAFe": _prf(*totals)}
    out["CoNLL"] = (0.0, 0.0, sum(v[2] for v in out.values()) / 3)
    return out


def load_topic(
    folder: Path, selected: set[tuple[str, int]]
) -> dict[str, tuple[str, list[GoldMention]]]:
    files = sorted(folder.glob("*.xml"))
    vocab = topic_vocabulary(files)
    return {f.stem: parse_document(f, selected, vocab) for f in files}


def run_topics(
    topics: Sequence[Path], detect: bool = False
) -> tuple[dict[str, Clusters], dict[str, Clusters], dict[str, Clusters], Detection]:
    """Gold, accord and baseline clusters per topic, and (with ``detect``: accord's own
    mentions instead of the gold ones) what accord's analysis found of the gold mentions."""
    selected = selected_sentences()
    key: dict[str, Clusters] = {}
    ours: dict[str, Clusters] = {}
    base: dict[str, Clusters] = {}
    detection = Detection()
    for folder in topics:
        docs = load_topic(folder, selected)
        mentions = [m for _, ms in docs.values() for m in ms]
        key[folder.name] = {m.key: m.gold for m in mentions}
        if detect:
            ours[folder.name], found = detect_topic(docs)
            detection.add(found)
        else:
            ours[folder.name] = resolve_topic(docs)
        base[folder.name] = exact_baseline(mentions)
    return key, ours, base, detection


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topics", nargs="*", help="topic numbers (default: all)")
    parser.add_argument(
        "--detect",
        action="store_true",
        help="accord's own mentions (analysis of the text) instead of the gold ones",
    )
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is absent")
        return 0
    topics = topic_folders(args.topics)
    started = time.perf_counter()
    key, ours, base, detection = run_topics(topics, detect=args.detect)
    n_mentions = sum(len(k) for k in key.values())
    n_entities = sum(len(set(k.values())) for k in key.values())
    print(
        f"ECB+ dev: {len(topics)} topics, {n_mentions} proper-name entity mentions, "
        f"{n_entities} gold entities ({time.perf_counter() - started:.1f}s)"
    )
    ours_name = "accord resolve"
    if args.detect:
        ours_name = "accord end to end"
        print(
            "gold mentions found by accord's analysis: "
            f"exact {detection.exact / max(1, n_mentions):.3f}, "
            f"by head {detection.head / max(1, n_mentions):.3f}; "
            f"of those, the entity has the gold type: {detection.type_accuracy():.3f}"
        )
        wrong = [((g, a), n) for (g, a), n in detection.types.most_common() if not same_type(g, a)]
        print(
            "  most frequent type errors (gold -> accord): "
            + ", ".join(f"{g}->{a} {n}" for (g, a), n in wrong[:8])
        )
    for name, resp in (("exact-string baseline", base), (ours_name, ours)):
        s = score(key, resp)
        cells = "  ".join(
            f"{m} P={p:.3f} R={r:.3f} F1={f:.3f}" for m, (p, r, f) in s.items() if m != "CoNLL"
        )
        print(f"{name:<22} {cells}  CoNLL F1={s['CoNLL'][2]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
