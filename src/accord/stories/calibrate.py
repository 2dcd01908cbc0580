"""Fit the join-or-start decision model on labelled stories (your own, or ECB+ in the benchmark).

The shipped model (``accord/data/stories_model.json``) was fitted on 17 ECB+ topics, news of
2008-2013 in English. A feed of another kind (another language, beat or era) may want other
weights and thresholds; with a few hundred articles whose true stories you know,
:func:`calibrate` fits a model the same way, and ``ACCORD_STORIES_MODEL`` (or ``model=``) puts it
to use. ``accord stories --calibrate LABELS --out model.json`` runs it on a database's articles.

The procedure (docs/stories.md, "Calibration"):

1. Logistic weights over the similarity features of :mod:`accord.stories.features`, from the
   article-story rows of 5 shuffled teacher-forced streams (stories grow as the labels say;
   every retrieved candidate plus the true story is a row), then of 3 streams clustered by that
   first fit (rows met at run time, DAgger-style). Features standardised, L2 (C = 0.1).
2. The join threshold and the split threshold (``split_below``, which also governs the merge)
   by **cross-fitted** B3 F1 of :func:`accord.stories.cluster`: weights fitted on one half of
   the groups are scored on the other half and vice versa, 3 shuffles each, because a threshold
   scored on the articles the weights were fitted on comes out too strict for unseen ones. Each
   grid point is scored by the mean of itself and its join-threshold neighbours (the surface
   has cliffs: one step can merge two similar events). With an encoder, both weight sets get
   the whole grid; the set with the better score decides (``use_embedding``), its split
   threshold is kept, and each set takes its best join threshold at that split.
3. The duplicate threshold: the 99th percentile of the shingle Jaccard of distinct same-story
   article pairs, plus 0.05, floor 0.5.
4. When at least half of the labelled articles carry a publication date, the time prior
   (``time_grace_days``, ``time_penalty``) by cross-fitted B3 F1 over a small grid, as the
   thresholds are; a tie keeps the shipped prior. ``window_days`` stays a prior. (ECB+, with
   no dates, never fits it.)
5. The incremental index's logit offset (``online_shift``) by B3 F1 of online streams.

**Groups** decide the cross-fitting halves. Two similar events (two earthquakes, two firings
of one club's coach) should share a group, so that the thresholds are scored on telling such
events apart without having seen either; ECB+ topics are such groups. Numbered groups split
odd against even, named ones alternate in sorted order. Without groups each story is its own
group.

Scikit-learn fits the weights (imported here only: the clusterer itself needs no scikit-learn).
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields, replace
from typing import Any

import numpy as np

from accord.calendar_dates import parse_day
from accord.embeddings import Encoder
from accord.model import Analysis
from accord.stories import cluster, minhash, publication_order
from accord.stories.decision import DecisionModel, LogisticWeights
from accord.stories.features import FEATURES, extract
from accord.stories.index import StoryIndex
from accord.stories.scores import b_cubed
from accord.stories.text import lead_text

C_REGULARISATION = 0.1  # standardised features are collinear (terms, names, entities)
REFINE_ROUNDS = 10  # chosen over 0 and 2 by an earlier calibration; refinement stops early
# the join threshold came out at the low end of 0.1-0.6 and then of 0.05-0.3, so the grid
# reaches 0.02; split_below 0.0 means "never cut or merge"
TAU_GRID = (0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2)
SPLIT_GRID = (0.0, 0.6, 0.7, 0.8, 0.9)
ONLINE_SHIFTS = tuple(float(s) for s in np.arange(-2.0, 2.01, 0.5))
TEACHER_SEEDS = (11, 12, 13, 14, 15)
RUNTIME_SEEDS = (31, 32, 33)
CALIBRATION_SEEDS = (21, 22, 23)
ONLINE_SEEDS = (21, 22)
MIN_ARTICLES = 4
# the time prior, fitted only when most labelled articles carry a publication date
TIME_GRACE_GRID = (1.0, 3.0, 7.0)  # days
TIME_PENALTY_GRID = (0.0, 0.75, 1.5, 3.0)  # logit per natural-log day beyond the grace
MIN_DATED_SHARE = 0.5

Progress = Callable[[int, int, str], None]  # (steps done, steps in all, what was just done)
GridPoint = tuple[float, float, float]  # (B3 F1, logit shift, split threshold)


class CalibrationError(ValueError):
    """The labelled articles cannot calibrate a model (too few, one group, no labels)."""


def calibrate(
    analyses: Sequence[Analysis],
    labels: Mapping[str, str],
    groups: Mapping[str, str] | None = None,
    *,
    encoder: Encoder | None = None,
    progress: Progress | None = None,
) -> DecisionModel:
    """A decision model fitted on ``analyses``, whose true stories ``labels`` gives (article id
    -> story label); ``groups`` (article id -> group) puts similar events in one cross-fitting
    half (see the module docstring; an article without a group is a group with its story).
    With an ``encoder`` the embedding weight set is fitted too and used only if it scores
    better than the plain one; without, the plain set is copied into both and
    ``use_embedding`` is false. Articles without a label are left out. Raises
    :class:`CalibrationError` when the articles cannot calibrate (fewer than 4 labelled, or fewer
    than two groups)."""
    analyses = [a for a in analyses if a.article.id in labels]
    group_of = {
        a.article.id: (groups or {}).get(a.article.id) or labels[a.article.id] for a in analyses
    }
    folds = _halves(analyses, group_of)
    if len(analyses) < MIN_ARTICLES or not all(folds):
        raise CalibrationError(
            f"{len(analyses)} labelled articles in {len(set(group_of.values()))} group(s): "
            f"calibration needs at least {MIN_ARTICLES} articles and two groups"
        )
    names = ("embedding", "plain") if encoder is not None else ("plain",)
    dated = sum(parse_day(a.article.published) is not None for a in analyses)
    fit_time = dated >= MIN_DATED_SHARE * len(analyses)
    # cluster() takes a fully dated batch in publication order: shuffles would all agree
    seeds = CALIBRATION_SEEDS[:1] if dated == len(analyses) else CALIBRATION_SEEDS
    steps = 3 + len(ONLINE_SHIFTS) + len(TAU_GRID) * len(SPLIT_GRID) * len(names)
    steps += len(TIME_GRACE_GRID) * len(TIME_PENALTY_GRID) if fit_time else 0
    done = 0

    def tick(message: str) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, steps, message)

    model = fit_model(analyses, labels, encoder)
    rows = model.header["training_rows"]
    tick(f"weights fitted on {len(analyses)} articles ({rows} rows)")
    fold_models = []
    for fold in folds:
        fold_models.append(fit_model(fold, labels, encoder))
        tick(f"weights fitted on one half ({len(fold)} articles)")
    dup = duplicate_evidence(analyses, labels)
    model = replace(model, duplicate_jaccard=round(max(dup["distinct_p99"] + 0.05, 0.5), 2))
    grids = {
        name: smoothed(
            cross_fitted_scores(
                folds, fold_models, labels, encoder, name, SPLIT_GRID, tick, seeds=seeds
            )
        )
        for name in names
    }
    use_embedding = encoder is not None and max(grids["embedding"])[0] > max(grids["plain"])[0]
    # the split threshold is the one of the weights that decide; each weight set then takes
    # its best join threshold at that split (the other set serves where no encoder is installed)
    split_below = max(grids["embedding" if use_embedding else "plain"])[2]
    best: dict[str, GridPoint] = {
        name: max(point for point in grid if point[2] == split_below)
        for name, grid in grids.items()
    }
    for name, point in best.items():
        model = shift_bias(model, name, point[1])
    calibration_f1 = {k: round(point[0], 4) for k, point in best.items()}
    if encoder is None:  # no sentence vectors to fit on: the plain weights serve for both
        model = replace(model, embedding=model.plain)
    model = replace(
        model,
        refine_rounds=REFINE_ROUNDS,
        split_below=split_below,
        use_embedding=use_embedding,
    )
    time_note = (
        "time_grace_days, time_penalty and window_days as shipped (chosen on a dated development"
        " feed), not fitted on these labels: fewer than half of the labelled articles are dated"
    )
    if fit_time:
        deciding = "embedding" if use_embedding else "plain"
        deciding_models = [
            replace(
                shift_bias(m, deciding, best[deciding][1]),
                refine_rounds=REFINE_ROUNDS,
                split_below=model.split_below,
                use_embedding=use_embedding,
            )
            for m in fold_models
        ]
        grace, penalty, f1 = time_prior(
            folds, deciding_models, labels, encoder if use_embedding else None, seeds, tick
        )
        model = replace(model, time_grace_days=grace, time_penalty=penalty)
        calibration_f1["time"] = round(f1, 4)
        time_note = (
            f"time_grace_days and time_penalty chosen by cross-fitted B3 F1 ({dated} of "
            f"{len(analyses)} labelled articles dated); window_days is a prior, not fitted"
        )
    online = []
    for shift in ONLINE_SHIFTS:
        trial = replace(model, online_shift=shift)
        f1s = [
            b_cubed(*_labelled(analyses, labels, s, trial, encoder, online=True))[2]
            for s in ONLINE_SEEDS
        ]
        online.append((float(np.mean(f1s)), shift, 0.0))
        tick(f"calibrate incremental online_shift={shift:.1f}: B3 F1 {online[-1][0]:.4f}")
    best_online = max(smoothed(online))
    calibration_f1["incremental"] = round(best_online[0], 4)
    header = {
        "what": "join-or-start decision of accord.stories: logistic weights over article-story "
        "similarity features; the join threshold is folded into each bias (join when p >= 0.5)",
        "produced_by": "accord.stories.calibrate.calibrate",
        "calibrated_on": f"{len(analyses)} labelled articles, "
        f"{len(set(labels[a.article.id] for a in analyses))} stories, "
        f"{len(set(group_of.values()))} groups",
        "training_rows": rows,
        "calibration_b3_f1": calibration_f1,
        "duplicate_jaccard_evidence": {k: round(v, 3) for k, v in dup.items()},
        "time": time_note,
    }
    return replace(model, online_shift=best_online[1], header=header)


def _halves(analyses: Sequence[Analysis], group_of: Mapping[str, str]) -> list[list[Analysis]]:
    """The articles in two halves of whole groups: numbered groups (ECB+ topics) by parity,
    even numbers first; other groups alternating in their sorted order."""
    names = set(group_of.values())
    if all(g.isdigit() for g in names):
        half = {g: int(g) % 2 for g in names}
    else:
        half = {g: i % 2 for i, g in enumerate(sorted(names))}
    return [[a for a in analyses if half[group_of[a.article.id]] == h] for h in (0, 1)]


def fit_model(
    analyses: Sequence[Analysis], labels: Mapping[str, str], encoder: Encoder | None
) -> DecisionModel:
    """Logistic weights (with and without the embedding feature when there is an encoder)
    fitted on these articles: teacher-forced streams, then streams clustered by that first fit
    (DAgger-style). The thresholds are left in the biases as fitted (p >= 0.5)."""
    plain_names = [f for f in FEATURES if f != "embedding"]

    def fit(rows: list[dict[str, float]], targets: list[int]) -> DecisionModel:
        plain = fit_weights(rows, targets, plain_names)
        both = fit_weights(rows, targets, FEATURES) if encoder is not None else plain
        return DecisionModel(embedding=both, plain=plain)

    rows, targets = training_pairs(analyses, labels, encoder, TEACHER_SEEDS)
    more, more_targets = runtime_pairs(analyses, labels, encoder, fit(rows, targets), RUNTIME_SEEDS)
    rows, targets = rows + more, targets + more_targets
    return replace(fit(rows, targets), header={"training_rows": len(rows)})


def fit_weights(
    rows: Sequence[dict[str, float]], targets: Sequence[int], names: Sequence[str]
) -> LogisticWeights:
    """A logistic regression over the named features (standardised, then folded back)."""
    from sklearn.linear_model import LogisticRegression

    x = np.array([[r.get(n, 0.0) for n in names] for r in rows])
    y = np.array(targets)
    if len(set(targets)) < 2:  # one class only (every candidate right, or none): no fit
        rate = (y.mean() * len(y) + 0.5) / (len(y) + 1.0)
        return LogisticWeights(bias=round(float(np.log(rate / (1 - rate))), 4), weights={})
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    fitted = LogisticRegression(C=C_REGULARISATION, max_iter=2000)
    fitted.fit((x - mean) / scale, y)
    coef = fitted.coef_[0] / scale  # fold the standardisation back into plain weights
    bias = float(fitted.intercept_[0] - np.sum(coef * mean))
    weights = {n: round(float(w), 4) for n, w in zip(names, coef, strict=True)}
    return LogisticWeights(bias=round(bias, 4), weights=weights)


def training_pairs(
    analyses: Sequence[Analysis],
    labels: Mapping[str, str],
    encoder: Encoder | None,
    seeds: Sequence[int],
) -> tuple[list[dict[str, float]], list[int]]:
    """Article-story feature rows from teacher-forced streams (stories grow as the labels say)."""
    vectors: dict[str, Any] = dict.fromkeys((a.article.id for a in analyses), None)
    if encoder is not None:
        encoded = encoder.encode([lead_text(a) for a in analyses])
        vectors = dict(zip(vectors, encoded, strict=True))
    articles = [extract(a, vectors[a.article.id]) for a in analyses]  # once for all streams
    rows: list[dict[str, float]] = []
    targets: list[int] = []
    for seed in seeds:
        index = StoryIndex(model=_zero_model(), encoder=None)
        stream = shuffled(articles, seed)
        index.prime_features(stream)
        story_of: dict[str, str] = {}
        for art in stream:
            target = story_of.get(labels[art.id])
            candidates = index.candidates(art)
            if target and all(c.id != target for c in candidates):
                candidates.append(index.state(target))
            for story in candidates:
                rows.append(index.features(art, story))
                targets.append(int(story.id == target))
            story_of[labels[art.id]] = index.assign(art, index.state(target) if target else None)
    return rows, targets


def runtime_pairs(
    analyses: Sequence[Analysis],
    labels: Mapping[str, str],
    encoder: Encoder | None,
    model: DecisionModel,
    seeds: Sequence[int],
) -> tuple[list[dict[str, float]], list[int]]:
    """Feature rows met while clustering with ``model`` itself (DAgger-style): a candidate story
    is a positive when most of its articles share the new article's label."""
    rows: list[dict[str, float]] = []
    targets: list[int] = []
    for seed in seeds:
        index = StoryIndex(model=model, encoder=encoder)
        stream = shuffled(analyses, seed)
        articles = index.extract_all(stream)
        index.prime_features(articles)
        for art in articles:
            for story in index.candidates(art):
                majority = Counter(labels[a] for a in story.articles).most_common(1)[0][0]
                rows.append(index.features(art, story))
                targets.append(int(majority == labels[art.id]))
            index.add_features(art)
    return rows, targets


def cross_fitted_scores(
    folds: Sequence[Sequence[Analysis]],
    models: Sequence[DecisionModel],
    labels: Mapping[str, str],
    encoder: Encoder | None,
    name: str,
    splits: Sequence[float],
    tick: Callable[[str], None] = lambda message: None,
    seeds: Sequence[int] = CALIBRATION_SEEDS,
) -> list[GridPoint]:
    """(B3 F1, logit shift, split threshold) per grid point, each scored on articles the weights
    were not fitted on: ``models[i]`` (fitted on ``folds[i]``) is scored on the other fold."""
    enc = encoder if name == "embedding" else None
    scores = []
    for split_below in splits:
        for tau in TAU_GRID:
            shift = float(np.log(tau / (1 - tau)))
            trials = [
                replace(
                    shift_bias(model, name, shift),
                    refine_rounds=REFINE_ROUNDS,
                    split_below=split_below,
                    use_embedding=name == "embedding",
                )
                for model in models
            ]
            f1 = cross_fitted_f1(folds, trials, labels, enc, seeds)
            scores.append((f1, round(shift, 4), split_below))
            tick(f"calibrate {name} tau={tau} split_below={split_below}: B3 F1 {f1:.4f}")
    return scores


def cross_fitted_f1(
    folds: Sequence[Sequence[Analysis]],
    models: Sequence[DecisionModel],
    labels: Mapping[str, str],
    encoder: Encoder | None,
    seeds: Sequence[int],
) -> float:
    """Mean B3 F1 of ``models[i]`` (fitted on ``folds[i]``) clustering the other fold, once per
    seed: a score on articles the weights were not fitted on."""
    f1s = [
        b_cubed(*_labelled(scored, labels, seed, model, encoder))[2]
        for model, scored in zip(models, reversed(folds), strict=True)
        for seed in seeds
    ]
    return float(np.mean(f1s))


def time_prior(
    folds: Sequence[Sequence[Analysis]],
    models: Sequence[DecisionModel],
    labels: Mapping[str, str],
    encoder: Encoder | None,
    seeds: Sequence[int],
    tick: Callable[[str], None] = lambda message: None,
) -> tuple[float, float, float]:
    """(grace days, penalty, B3 F1): the time prior that scores best cross-fitted, as the
    thresholds are (``models[i]``, fitted on ``folds[i]``, scored on the other fold). A tie
    keeps the shipped prior (``DecisionModel``'s defaults: 3 days, 3.0)."""
    shipped = {f.name: f.default for f in fields(DecisionModel)}
    best: tuple[float, bool, float, float] | None = None
    for grace in TIME_GRACE_GRID:
        for penalty in TIME_PENALTY_GRID:
            trials = [replace(m, time_grace_days=grace, time_penalty=penalty) for m in models]
            f1 = cross_fitted_f1(folds, trials, labels, encoder, seeds)
            is_default = (grace, penalty) == (shipped["time_grace_days"], shipped["time_penalty"])
            if best is None or (f1, is_default) > best[:2]:
                best = (f1, is_default, grace, penalty)
            tick(f"calibrate time grace={grace:g} penalty={penalty:g}: B3 F1 {f1:.4f}")
    assert best is not None  # the grids are not empty
    return best[2], best[3], best[0]


def smoothed(scores: Sequence[GridPoint]) -> list[GridPoint]:
    """Each grid point with its F1 replaced by the mean over itself and its neighbours along the
    join threshold (same split threshold): a point next to a cliff is a poor bet on unseen
    articles."""
    out = []
    for i, (_, shift, split) in enumerate(scores):
        row = [j for j, s in enumerate(scores) if s[2] == split]
        k = row.index(i)
        near = row[max(0, k - 1) : k + 2]
        out.append((float(np.mean([scores[j][0] for j in near])), shift, split))
    return out


def shift_bias(model: DecisionModel, name: str, shift: float) -> DecisionModel:
    """The model with ``shift`` subtracted from one weight set's bias (threshold folding)."""
    weights = getattr(model, name)
    moved = LogisticWeights(bias=round(weights.bias - shift, 4), weights=weights.weights)
    if name == "embedding":
        return replace(model, embedding=moved)
    return replace(model, plain=moved)


def duplicate_evidence(analyses: Sequence[Analysis], labels: Mapping[str, str]) -> dict[str, float]:
    """Shingle Jaccard percentiles of distinct same-story articles and of synthetic light
    rewrites of them (what the duplicate threshold is chosen from)."""
    sigs = {
        a.article.id: sig
        for a in analyses
        if (sig := minhash.signature(a.article.text)) is not None
    }
    by_story: dict[str, list[str]] = {}
    for a in analyses:
        if a.article.id in sigs:
            by_story.setdefault(labels[a.article.id], []).append(a.article.id)
    distinct = [
        float(minhash.jaccard(sigs[x], sigs[y][None, :])[0])
        for ids in by_story.values()
        for i, x in enumerate(ids)
        for y in ids[i + 1 :]
    ]
    rng = random.Random(7)
    rewrites = []
    for a in analyses:
        copy = light_rewrite(a.article.text, rng)
        sig, sig2 = sigs.get(a.article.id), minhash.signature(copy)
        if sig is not None and sig2 is not None:
            rewrites.append(float(minhash.jaccard(sig2, sig[None, :])[0]))
    distinct = distinct or [0.0]  # no story with two articles: nothing to learn from
    rewrites = rewrites or [1.0]
    return {
        "distinct_p90": float(np.percentile(distinct, 90)),
        "distinct_p99": float(np.percentile(distinct, 99)),
        "distinct_p999": float(np.percentile(distinct, 99.9)),
        "rewrite_p50": float(np.percentile(rewrites, 50)),
        "rewrite_p5": float(np.percentile(rewrites, 5)),
        "rewrite_p1": float(np.percentile(rewrites, 1)),
    }


def light_rewrite(text: str, rng: random.Random) -> str:
    """A syndicated copy with light edits: new headline word, a changed word in ~1 of 25,
    the last paragraph cut (what agencies' clients typically do)."""
    lines = text.split("\n")
    if len(lines) > 3:
        lines = lines[:-1]
    words = "\n".join(lines).split(" ")
    for i in range(len(words)):
        if rng.random() < 0.04:
            words[i] = rng.choice(["the", "new", "local", "officials", "reported"])
    return "UPDATED: " + " ".join(words)


def shuffled(items: Sequence[Any], seed: int) -> list[Any]:
    """A copy of ``items`` shuffled with ``seed`` (input order when there are no dates)."""
    out = list(items)
    random.Random(seed).shuffle(out)
    return out


def _labelled(
    analyses: Sequence[Analysis],
    labels: Mapping[str, str],
    seed: int,
    model: DecisionModel,
    encoder: Encoder | None,
    online: bool = False,
) -> tuple[list[str], list[str]]:
    """Predicted story and true label per article, clustered in one shuffled order, or in
    publication order when every article is dated (batch :func:`~accord.stories.cluster`,
    or the incremental index with its tidy-ups, as a feed would bring them)."""
    stream = publication_order(shuffled(analyses, seed))
    if online:
        index = StoryIndex(model=model, encoder=encoder)
        index.add_many(stream)
        stories = index.stories()
    else:
        stories = cluster(stream, model=model, encoder=encoder)
    story_of = {a: s.id for s in stories for a in s.articles}
    ids = [a.article.id for a in analyses]
    return [story_of[i] for i in ids], [labels[i] for i in ids]


def _zero_model() -> DecisionModel:
    """A model that never joins (teacher forcing decides instead)."""
    zero = LogisticWeights(bias=0.0, weights={})
    return DecisionModel(embedding=zero, plain=zero)
