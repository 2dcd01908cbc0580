"""Online story clustering: each new article joins its best story or starts a new one.

Adding an article costs a bounded amount of work whatever the number of stories: candidates come
from an inverted index over the article's heaviest terms and entities (posting lists capped at the
most recently updated stories), and only the best few are scored by the decision model.

A streaming index (one not primed with a whole batch) also tidies up after itself: every
:data:`TIDY_EVERY` additions it runs the batch steps (re-placement, split, merge) over the
features of its :data:`TIDY_WINDOW` most recent articles, so early mistakes made while stories
were young are repaired without a full rebuild; the cost per added article stays bounded.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

from accord.embeddings import Encoder, get_encoder
from accord.model import Analysis, Story
from accord.stories import minhash
from accord.stories.decision import DecisionModel, default_model
from accord.stories.features import (
    ArticleFeatures,
    DocumentFrequency,
    Vector,
    cosine,
    document_keys,
    extract,
    norm,
    prune,
    weighted,
)
from accord.stories.regroup import merge_partner, two_halves
from accord.stories.text import (
    lead_text,
    title_terms,
)

QUERY_TERMS = 12  # heaviest article terms looked up in the inverted index
QUERY_ENTITIES = 12
POSTING_CAP = 500  # stories kept per posting list (most recently updated)
CANDIDATES = 8  # stories scored by the decision model per article
DUPLICATE_CANDIDATES = 3  # best-scoring stories searched for a text the article copies
_DEFAULT = "default"
MIN_PERSON_SALIENCE = 2.0  # entity weight of a protagonist: in the headline or named 3+ times
TIDY_EVERY = 100  # default additions between two tidy-ups of a streaming index
TIDY_WINDOW = 400  # most recent articles whose features a streaming index keeps for tidy-ups
TIDY_ROUNDS = 2  # re-placement rounds per tidy-up
# Shared dates count only between texts about the same thing (see topical_share): term cosines
# from which they count at all and fully. Hand-set like the time prior, on the dated feeds.
DATE_TERMS_FLOOR = 0.1
DATE_TERMS_FULL = 0.25


@dataclass(slots=True)
class StoryState:
    """A story as the index keeps it: raw centroids plus IDF-weighted caches."""

    id: str
    articles: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    terms: dict[str, float] = field(default_factory=dict)
    title_terms: dict[str, float] = field(default_factory=dict)
    entities: dict[str, float] = field(default_factory=dict)
    names: dict[str, float] = field(default_factory=dict)
    numbers: dict[str, float] = field(default_factory=dict)
    dates: dict[str, float] = field(default_factory=dict)
    vector_sum: Vector | None = None
    day_counts: dict[date, int] = field(default_factory=dict)  # dated members per day: the
    # date range, which narrows again when an article moves out
    signatures: np.ndarray = field(
        default_factory=lambda: np.zeros((0, minhash.PERMUTATIONS), np.uint32)
    )
    signature_ids: list[str] = field(default_factory=list)
    duplicates: dict[str, str] = field(default_factory=dict)
    cache: dict[str, tuple[dict[str, float], float]] = field(default_factory=dict)

    def weighted(self, part: str, df: DocumentFrequency) -> tuple[dict[str, float], float]:
        """IDF-weighted centroid ``part`` and its norm (cached until the story changes)."""
        if part not in self.cache:
            vector = weighted(getattr(self, part), df)
            self.cache[part] = (vector, norm(vector))
        return self.cache[part]

    def _weight_pairs(
        self, art: ArticleFeatures
    ) -> tuple[tuple[dict[str, float], dict[str, float]], ...]:
        """Each weighted-key centroid paired with the article's weights it sums."""
        return (
            (self.terms, art.terms),
            (self.title_terms, dict.fromkeys(art.title_terms, 1.0)),
            (self.entities, art.entities),
            (self.names, art.names),
            (self.numbers, art.numbers),
            (self.dates, art.dates),
        )

    def absorb(self, art: ArticleFeatures) -> None:
        """Add one article to the centroids."""
        self.articles.append(art.id)
        self.titles.append(art.title)
        for target, source in self._weight_pairs(art):
            for key, w in source.items():
                target[key] = target.get(key, 0.0) + w
        self.terms = prune(self.terms)
        self.names = prune(self.names)
        self.numbers = prune(self.numbers)
        self.dates = prune(self.dates)
        if art.vector is not None:
            self.vector_sum = (
                art.vector.copy() if self.vector_sum is None else self.vector_sum + art.vector
            )
        if art.day is not None:
            self.day_counts[art.day] = self.day_counts.get(art.day, 0) + 1
        if art.signature is not None:
            self.signatures = np.vstack([self.signatures, art.signature[None, :]])
            self.signature_ids.append(art.id)
        self.cache.clear()

    def remove(self, art: ArticleFeatures) -> None:
        """Take one article out of the centroids again (batch refinement moves articles)."""
        position = self.articles.index(art.id)
        del self.articles[position], self.titles[position]
        for target, source in self._weight_pairs(art):
            for key, w in source.items():
                if key in target:
                    target[key] -= w
                    if target[key] <= 1e-9:
                        del target[key]
        if art.vector is not None and self.vector_sum is not None:
            self.vector_sum = self.vector_sum - art.vector
        if art.day is not None and art.day in self.day_counts:
            self.day_counts[art.day] -= 1
            if not self.day_counts[art.day]:
                del self.day_counts[art.day]
        if art.id in self.signature_ids:
            row = self.signature_ids.index(art.id)
            self.signatures = np.delete(self.signatures, row, axis=0)
            del self.signature_ids[row]
        self.duplicates.pop(art.id, None)
        self.duplicates = {c: o for c, o in self.duplicates.items() if o != art.id}
        self.cache.clear()

    @property
    def first_day(self) -> date | None:
        """The earliest day of a dated member, or None."""
        return min(self.day_counts, default=None)

    @property
    def last_day(self) -> date | None:
        """The latest day of a dated member, or None."""
        return max(self.day_counts, default=None)

    def gap_days(self, day: date | None) -> float | None:
        """Days between ``day`` and the story's date range (0 inside it), None when unknown."""
        first, last = self.first_day, self.last_day
        if day is None or first is None or last is None:
            return None
        if day < first:
            return float((first - day).days)
        return float(max(0, (day - last).days))


def story_id(first_article: str) -> str:
    """Stable story id: derived from the id of the article that started it."""
    return "s" + first_article[:12]


class StoryIndex:
    """Incremental story clustering; its state is plain data (:meth:`to_state`)."""

    def __init__(
        self,
        model: DecisionModel | None = None,
        encoder: Encoder | str | None = _DEFAULT,
        tidy_every: int = TIDY_EVERY,
    ) -> None:
        self.model = model or default_model()
        self.tidy_every = tidy_every  # streaming: additions between tidy-ups (0: never)
        if not self.model.use_embedding:  # the calibration found the vectors did not help
            encoder = None
        self.encoder: Encoder | None = get_encoder() if isinstance(encoder, str) else encoder
        self.df = DocumentFrequency()
        self.frozen_df = False
        self._stories: dict[str, StoryState] = {}
        self._story_of: dict[str, str] = {}
        self._postings: dict[str, dict[str, None]] = {}
        self._recent: dict[str, ArticleFeatures] = {}  # insertion order: oldest first
        self._fresh: list[str] = []  # articles added since the last tidy-up

    # ------------------------------------------------------------------ public API

    def prime(self, analyses: Iterable[Analysis]) -> None:
        """Batch mode: learn document frequencies from all articles before clustering them."""
        self.prime_features(extract(analysis) for analysis in analyses)

    def prime_features(self, articles: Iterable[ArticleFeatures]) -> None:
        """:meth:`prime` for articles whose features are already extracted (as the batch
        steps have them: each article's terms and keys are then read once, not twice)."""
        for art in articles:
            self.df.add(document_keys(art))
        self.frozen_df = True

    def add(self, analysis: Analysis) -> str:
        """Place one article; returns the id of its story."""
        return self.add_many([analysis])[0]

    def add_many(self, analyses: Sequence[Analysis]) -> list[str]:
        """Place articles one after another (in the given order), embedding them in one batch."""
        return [self.add_features(art) for art in self.extract_all(analyses)]

    def extract_all(self, analyses: Sequence[Analysis]) -> list[ArticleFeatures]:
        """Features of several articles, their embeddings computed in one batch."""
        vectors = self._encode(analyses)
        return [extract(a, v) for a, v in zip(analyses, vectors, strict=True)]

    def add_features(self, art: ArticleFeatures) -> str:
        """Place an article whose features are already extracted."""
        if art.id in self._story_of:
            return self._story_of[art.id]
        if not self.frozen_df:
            self.df.add(document_keys(art))
        sid = self.assign(art, self._choose(art))
        if not self.frozen_df and self.tidy_every:  # streaming: keep recent features, tidy up
            self.remember([art])
            self._fresh.append(art.id)
            if len(self._fresh) >= self.tidy_every:
                self.tidy()
                sid = self._story_of[art.id]
        return sid

    def remember(self, articles: Iterable[ArticleFeatures]) -> None:
        """Keep the features of placed articles in the recent window (the last
        :data:`TIDY_WINDOW` of them) that tidy-ups work on; saved with the state, so a batch
        index's last articles can still be cut or merged with the articles of a later run."""
        for art in articles:
            self._recent.pop(art.id, None)
            self._recent[art.id] = art
            if len(self._recent) > TIDY_WINDOW:
                del self._recent[next(iter(self._recent))]

    def tidy(self) -> None:
        """Streaming upkeep: re-place the recent articles, cut stories holding two events and
        merge parts of one (the batch steps of :func:`accord.stories.cluster`, over the features
        of the most recent :data:`TIDY_WINDOW` articles; stories with older members are only
        re-placed into, never cut or merged; only stories that took new articles since the last
        tidy-up are tried for a cut or a merge; with none, nothing is done). Runs every
        ``tidy_every`` additions on its own; call it after the last article of a run to leave
        the index tidy."""
        fresh, self._fresh = self._fresh, []
        recent = list(self._recent.values())
        if not fresh or not recent or not self.model.refine_rounds:
            return  # nothing new: a re-run on the same input changes nothing
        self.refine(recent, rounds=TIDY_ROUNDS, changed=set(self._stories_of(fresh)))
        if self.model.split_below:
            before = {a.id: self._story_of[a.id] for a in recent}
            if self.split(recent, among=self._stories_of(fresh)):
                cut = {
                    sid
                    for aid, old in before.items()
                    if (new := self._story_of[aid]) != old
                    for sid in (old, new)
                }
                self.refine(recent, rounds=TIDY_ROUNDS, changed=cut)
            self.merge(recent, among=self._stories_of(fresh))

    def _stories_of(self, article_ids: Iterable[str]) -> list[str]:
        return [sid for a in article_ids if (sid := self._story_of.get(a)) is not None]

    def assign(self, art: ArticleFeatures, story: StoryState | None) -> str:
        """Put an article into ``story`` (a new story when None); returns the story id."""
        if story is None:
            sid, n = story_id(art.id), 1
            while sid in self._stories:  # only in refinement: its old story lives on
                sid, n = f"{story_id(art.id)}-{n}", n + 1
            story = StoryState(id=sid)
            self._stories[sid] = story
        story.absorb(art)
        self._story_of[art.id] = story.id
        self._post(art, story.id)
        return story.id

    def refine(
        self,
        articles: Sequence[ArticleFeatures],
        rounds: int = 2,
        changed: set[str] | None = None,
    ) -> int:
        """Batch re-clustering: take each article out and place it again, ``rounds`` times.

        Online decisions are made on young stories; placing every article again once all stories
        exist repairs most early mistakes (a story started too soon, a stray early join). Returns
        how many articles moved in the last round.

        ``changed`` (a tidy-up's): the ids of the only stories that changed since ``articles``
        were last placed. An article is then placed again only when its own story or one of its
        candidate stories is among them, or among the stories changed since in this round (each
        later round: those changed in the round before); the others would choose as they did,
        their stories unchanged. This makes a run that adds one article to a saved index cost
        a few placements, not one per window article.
        """
        moved = 0
        for _ in range(rounds):
            moved = 0
            touched: set[str] = set()
            for art in articles:
                if changed is not None and not self._near(art, changed | touched):
                    continue
                copied = art.id in self._stories[self._story_of[art.id]].duplicates.values()
                old = self._take_out(art)  # drops the flags of the article's copies: ...
                new = self.assign(art, self._choose(art))
                if new != old.id:
                    moved += 1
                    touched |= {old.id, new}
                elif copied:  # ... its copies, placed after it, must be placed again to regain them
                    touched.add(old.id)
            if not moved:
                break
            if changed is not None:
                changed = touched
        return moved

    def _near(self, art: ArticleFeatures, stories: set[str]) -> bool:
        """Whether the placed article's story or one of its candidate stories is in ``stories``."""
        return self._story_of.get(art.id) in stories or any(
            c.id in stories for c in self.candidates(art)
        )

    def split(self, articles: Sequence[ArticleFeatures], among: Iterable[str] | None = None) -> int:
        """Batch step: cut in two every story (or every story of the ids ``among``) that holds
        two similar events (see ``regroup.py``), again on the halves; returns the number of
        cuts. The half without the story's first article becomes a new story."""
        by_id = {a.id: a for a in articles}
        queue = self._among(among)
        cuts = 0
        while queue:
            story = queue.pop()
            if any(a not in by_id for a in story.articles):
                continue  # restored from state: its articles' features are gone
            halves = two_halves(self, [by_id[a] for a in story.articles])
            if halves is None:
                continue
            keep = {a.id for a in halves[0]}
            moved = halves[1] if story.articles[0] in keep else halves[0]
            new: StoryState | None = None
            for art in moved:
                self._take_out(art)
                new = self._stories[self.assign(art, new)]
            queue += [story, new] if new is not None else [story]
            cuts += 1
        return cuts

    def merge(self, articles: Sequence[ArticleFeatures], among: Iterable[str] | None = None) -> int:
        """Batch step: join stories whose articles would join each other (see ``regroup.py``),
        smallest stories first (only those of the ids ``among``, when given, are tried); returns
        the number of merges. The smaller story moves into the
        larger one."""
        by_id = {a.id: a for a in articles}
        merges = 0
        for sid in sorted(
            (s.id for s in self._among(among)), key=lambda k: len(self._stories[k].articles)
        ):
            story = self._stories.get(sid)
            if story is None or any(a not in by_id for a in story.articles):
                continue
            partner = merge_partner(self, story, by_id)
            if partner is None:
                continue
            small, large = sorted((story, partner), key=lambda s: len(s.articles))
            for aid in list(small.articles):  # the last one out deletes the small story
                self._take_out(by_id[aid])
                self.assign(by_id[aid], large)
            merges += 1
        return merges

    def _take_out(self, art: ArticleFeatures) -> StoryState:
        """Remove a placed article from its story (deleting the story when that empties it) and
        return that story; the article is then placed again with :meth:`assign`."""
        old = self._stories[self._story_of.pop(art.id)]
        old.remove(art)
        if not old.articles:
            del self._stories[old.id]
        return old

    def _among(self, among: Iterable[str] | None) -> list[StoryState]:
        """All stories, or those of the given ids that still exist."""
        if among is None:
            return list(self._stories.values())
        return [self._stories[sid] for sid in dict.fromkeys(among) if sid in self._stories]

    def story_of(self, article_id: str) -> str | None:
        """The id of the story holding an article, if it was added."""
        return self._story_of.get(article_id)

    def state(self, sid: str) -> StoryState:
        """The internal state of one story (centroids, members, duplicates)."""
        return self._stories[sid]

    def stories(self) -> list[Story]:
        """The stories in order of their first article, each with a representative headline."""
        return [
            Story(
                id=s.id,
                title=representative_title(s),
                articles=list(s.articles),
                duplicates=dict(s.duplicates),
            )
            for s in self._stories.values()
        ]

    # ------------------------------------------------------------------ decision

    def _encode(self, analyses: Sequence[Analysis]) -> list[Vector | None]:
        if self.encoder is None or not analyses:
            return [None] * len(analyses)
        return list(self.encoder.encode([lead_text(a) for a in analyses]))

    def _choose(self, art: ArticleFeatures) -> StoryState | None:
        """The story the article joins, or None to start a new one (recording a copy if any)."""
        scored = sorted(
            ((self._probability(art, s), s) for s in self.candidates(art)),
            key=lambda ps: -ps[0],
        )
        for _, story in scored[:DUPLICATE_CANDIDATES]:
            original = self._copied(art, story)
            if original is not None:
                story.duplicates[art.id] = story.duplicates.get(original, original)
                return story
        if scored and scored[0][0] >= self.model.threshold:
            return scored[0][1]
        return None

    def probability(self, art: ArticleFeatures, story: StoryState) -> float:
        """The decision model's probability that ``art`` belongs to ``story``."""
        return self._probability(art, story)

    def _probability(self, art: ArticleFeatures, story: StoryState) -> float:
        features = self.features(art, story)
        return self.model.probability(features, story.gap_days(art.day), not self.frozen_df)

    def _copied(self, art: ArticleFeatures, story: StoryState) -> str | None:
        """The story article that ``art`` is a near-copy of, if any."""
        if art.signature is None or not story.signature_ids:
            return None
        similarity = minhash.jaccard(art.signature, story.signatures)
        best = int(np.argmax(similarity))
        return (
            story.signature_ids[best] if similarity[best] >= self.model.duplicate_jaccard else None
        )

    def features(self, art: ArticleFeatures, story: StoryState) -> dict[str, float]:
        """Similarity features of an article and a story (the decision model's input)."""
        terms = weighted(art.terms, self.df)
        ents = weighted(art.entities, self.df)
        terms_cos = cosine(terms, *story.weighted("terms", self.df))
        out = {
            "terms": terms_cos,
            "entities": cosine(ents, *story.weighted("entities", self.df)) if ents else 0.0,
            "names": self._cosine(art.names, story, "names"),
            "numbers": self._cosine(art.numbers, story, "numbers"),
            "title": cosine(
                weighted(art.title_terms, self.df), *story.weighted("title_terms", self.df)
            ),
            "entity_recall": _recall(ents, story.entities),
            "size": math.log1p(len(story.articles)),
            "dates": self._cosine(art.dates, story, "dates") * topical_share(terms_cos),
            "dates_known": float(bool(art.dates and story.dates)),
            "date_conflict": date_conflict(art.dates, story.dates),
            "person_conflict": person_conflict(art, story),
        }
        if art.vector is not None and story.vector_sum is not None:
            centroid = story.vector_sum / (float(np.linalg.norm(story.vector_sum)) or 1.0)
            out["embedding"] = float(np.dot(art.vector, centroid))
        return out

    def _cosine(self, vector: dict[str, float], story: StoryState, part: str) -> float:
        if not vector:
            return 0.0
        return cosine(weighted(vector, self.df), *story.weighted(part, self.df))

    # ------------------------------------------------------------------ candidate retrieval

    def _query_keys(self, art: ArticleFeatures) -> list[tuple[str, float]]:
        terms = sorted(
            ((k, w * self.df.idf(k)) for k, w in art.terms.items()), key=lambda kv: -kv[1]
        )
        ents = sorted(
            ((k, w * self.df.idf(k)) for k, w in art.entities.items()), key=lambda kv: -kv[1]
        )
        return terms[:QUERY_TERMS] + ents[:QUERY_ENTITIES]

    def candidates(self, art: ArticleFeatures) -> list[StoryState]:
        """The few stories sharing most weighted key terms and entities with the article."""
        votes: dict[str, float] = {}
        for key, weight in self._query_keys(art):
            posting = self._postings.get(key, {})
            gone = []
            for sid in posting:
                if sid in self._stories:
                    votes[sid] = votes.get(sid, 0.0) + weight
                else:
                    gone.append(sid)  # emptied by re-placement or a merge: drop it here
            for sid in gone:
                del posting[sid]
        ranked = sorted(votes, key=lambda sid: -votes[sid])
        out = []
        for sid in ranked:
            story = self._stories[sid]
            gap = story.gap_days(art.day)
            if gap is None or gap <= self.model.window_days:
                out.append(story)
            if len(out) == CANDIDATES:
                break
        return out

    def _post(self, art: ArticleFeatures, sid: str) -> None:
        for key, _ in self._query_keys(art):
            posting = self._postings.setdefault(key, {})
            posting.pop(sid, None)
            posting[sid] = None  # most recently updated last
            if len(posting) > POSTING_CAP:
                del posting[next(iter(posting))]

    def _repost(self, story: StoryState) -> None:
        """Index a restored story under its heaviest terms and entities."""
        terms, _ = story.weighted("terms", self.df)
        ents, _ = story.weighted("entities", self.df)
        keys = sorted(terms, key=lambda k: -terms[k])[: 3 * QUERY_TERMS]
        keys += sorted(ents, key=lambda k: -ents[k])[: 3 * QUERY_ENTITIES]
        for key in keys:
            self._postings.setdefault(key, {})[story.id] = None

    # ------------------------------------------------------------------ persistence

    def to_state(self) -> dict[str, Any]:
        """The whole index as JSON-compatible plain data (for the store)."""
        from accord.stories.state import dump

        return dump(self)

    @classmethod
    def from_state(
        cls,
        state: dict[str, Any],
        model: DecisionModel | None = None,
        encoder: Encoder | str | None = _DEFAULT,
    ) -> StoryIndex:
        """Rebuild an index saved by :meth:`to_state`; new articles continue the same stories."""
        from accord.stories.state import load

        index = cls(model=model, encoder=encoder)
        load(index, state)
        return index


def topical_share(terms: float) -> float:
    """How far shared dates count as evidence of one event, from the term cosine of the
    article and the story: not at all up to :data:`DATE_TERMS_FLOOR`, fully from
    :data:`DATE_TERMS_FULL`, linearly between.

    Two reports that name the same days are one event only when they are about the same thing.
    In a dated feed every article of a week carries that week's date keys (weekdays, "yesterday"
    resolved against the publication date), so without this a report of a new event scored
    p = 0.87 for an unrelated story of the same days (a central bank's rate rise for a
    takeover: term cosine 0.06, no shared name; the date cosine alone gave +3.9 logit), and 29
    of the 62 articles of the dated development feed would have joined another event's story
    had their own not existed (14 with this; ``benchmarks/stories_feeds.py``). The time prior
    already says how near in time two reports are.
    On ECB+ the articles of one event with a date cosine above 0 have a term cosine of 0.14 or
    more in 99% of cases (0.33 in 95%), so the shipped weights, fitted there, stay as they are.
    """
    if terms >= DATE_TERMS_FULL:
        return 1.0
    return max(0.0, (terms - DATE_TERMS_FLOOR) / (DATE_TERMS_FULL - DATE_TERMS_FLOOR))


def date_conflict(article_dates: dict[str, float], story_dates: dict[str, float]) -> float:
    """1 when both name months and share none (two events of one kind, told apart by date)."""
    months = [k for k in article_dates if k.startswith("m:")]
    if not months or not any(k.startswith("m:") for k in story_dates):
        return 0.0
    return 0.0 if any(k in story_dates for k in months) else 1.0


def lead_person(entities: dict[str, float]) -> set[str]:
    """Name words of the most salient person among ``entities``; empty when no person is named
    in a headline or more than once (a passing mention, or an NER slip, is no protagonist)."""
    people = [(w, k) for k, w in entities.items() if k.startswith(("e:person-", "e:PERSON:"))]
    if not people or max(people)[0] < MIN_PERSON_SALIENCE:
        return set()
    key = max(people)[1]
    name = key[len("e:person-") :] if key.startswith("e:person-") else key[len("e:PERSON:") :]
    return {"n:" + word for word in re.split(r"[-\s]+", name) if word}


def person_conflict(art: ArticleFeatures, story: StoryState) -> float:
    """1 when both sides have a protagonist and neither side names the other's (a different
    person arrested, hurt or killed: two similar events); 0 otherwise.

    Where the article's headline names its protagonist and the story's headlines name the
    story's, only headlines are compared: the body of a report on a second arrest recalls the
    first one ("the team's second such arrest this year: receiver X was stopped in March"), which
    would cancel the conflict, while its headline names only who this event is about. Where a
    headline does not name its protagonist (a lead sentence, "Gunman kills one at office party"),
    any mention in the other side counts, as a protagonist may be the gunman in one report and
    the victim in the next.
    """
    mine, theirs = lead_person(art.entities), lead_person(story.entities)
    if not mine or not theirs or mine & theirs:
        return 0.0
    mine_words, their_words = _lemmas(mine), _lemmas(theirs)
    if mine_words & art.title_terms and their_words & story.title_terms.keys():
        shared = bool(mine_words & story.title_terms.keys() or their_words & art.title_terms)
    else:
        shared = any(w in story.names for w in mine) or any(w in art.names for w in theirs)
    return 0.0 if shared else 1.0


def _lemmas(name_keys: set[str]) -> set[str]:
    """Headline terms of protagonist name words ("n:williams" → "william"), normalised as
    :func:`title_terms` normalises headlines, so the two compare."""
    return title_terms(" ".join(key[len("n:") :] for key in name_keys))


def _recall(article_entities: dict[str, float], story_entities: dict[str, float]) -> float:
    """Share of the article's (IDF-weighted) entities the story already names."""
    total = sum(article_entities.values())
    if not total:
        return 0.0
    return sum(w for k, w in article_entities.items() if k in story_entities) / total


def representative_title(story: StoryState) -> str:
    """The member headline whose words the story's headlines share most (ties: the earliest)."""
    best, best_score = story.titles[0] if story.titles else "", -1.0
    for title in story.titles:
        terms = title_terms(title)
        if not terms:
            continue
        score = sum(story.title_terms.get(t, 0.0) for t in terms) / math.sqrt(len(terms))
        if score > best_score:
            best, best_score = title, score
    return best
