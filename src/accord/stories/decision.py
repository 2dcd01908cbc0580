"""The join-or-start decision: a small logistic model over article-story similarity features.

The weights, the join threshold and the duplicate threshold are data
(``accord/data/stories_model.json``), fitted by :func:`accord.stories.calibrate.calibrate`
(``benchmarks/stories.py --calibrate`` on ECB+); the file's ``header`` says on what;
``ACCORD_STORIES_MODEL`` names another such file to use instead (a model calibrated on your own
labelled stories, ``accord stories --calibrate``). Two weight sets exist: ``embedding``
(sentence vectors available on both sides) and ``plain`` (TF-IDF and entities only, used when
no encoder is installed, and always when ``use_embedding`` is false, which the calibration sets
when the ``embedding`` set did not beat the ``plain`` one on topics it was not fitted on).

Time proximity cannot be learned from the calibration data (ECB+ has no publication dates), so it
enters as a documented prior: a logit penalty per log-day of gap beyond a grace period (the
penalty chosen on a dated development feed, ``tests/data/stories_feeds/dev_2029``), and a window
outside which stories are not even candidates.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from accord.errors import ModelError

MODEL_FILE = "stories_model.json"
MODEL_ENV = "ACCORD_STORIES_MODEL"  # path of a model file to use instead of the shipped one


@dataclass(frozen=True, slots=True)
class LogisticWeights:
    """``p = sigmoid(bias + sum(weights[f] * feature[f]))``."""

    bias: float
    weights: dict[str, float]

    def logit(self, features: dict[str, float]) -> float:
        return self.bias + sum(w * features.get(name, 0.0) for name, w in self.weights.items())


@dataclass(frozen=True, slots=True)
class DecisionModel:
    """Everything the clusterer decides with; see the module docstring for where it comes from."""

    embedding: LogisticWeights
    plain: LogisticWeights
    threshold: float = 0.5  # join the best story when its probability reaches this
    duplicate_jaccard: float = 0.6  # estimated 4-shingle Jaccard at or above which a text copies
    time_grace_days: float = 3.0
    time_penalty: float = 3.0  # logit per natural-log day beyond the grace period
    window_days: float = 30.0
    refine_rounds: int = 10  # batch re-placement rounds after the online pass (0: none)
    online_shift: float = 0.0  # logit offset while IDF is still learned from the stream
    use_embedding: bool = True  # False: the plain weights always, no sentence vectors computed
    split_below: float = 0.0  # batch: cut a story in two when its halves' articles would join
    # each other with a mean probability below this, merge two stories whose articles would join
    # each other at this or above (0: neither; see accord.stories.regroup)
    header: dict[str, Any] = field(default_factory=dict)

    def probability(
        self, features: dict[str, float], gap_days: float | None, online: bool = False
    ) -> float:
        """Probability that the article belongs to the story with these features
        (``online``: the incremental index, whose document frequencies are still young)."""
        z = self.weights_for(features).logit(features) + (self.online_shift if online else 0.0)
        z -= self.time_prior(gap_days)
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))

    def weights_for(self, features: dict[str, float]) -> LogisticWeights:
        """The weight set that decides on these features: the embedding one when the model
        uses it and the features hold an embedding cosine, else the plain one."""
        return self.embedding if self.use_embedding and "embedding" in features else self.plain

    def time_prior(self, gap_days: float | None) -> float:
        """The logit taken off for ``gap_days`` between an article and a story (0 within the
        grace period or when either side has no date)."""
        if gap_days is None or gap_days <= self.time_grace_days:
            return 0.0
        return self.time_penalty * math.log(gap_days / self.time_grace_days)

    def to_dict(self) -> dict[str, Any]:
        return {
            "header": self.header,
            "threshold": self.threshold,
            "duplicate_jaccard": self.duplicate_jaccard,
            "time_grace_days": self.time_grace_days,
            "time_penalty": self.time_penalty,
            "window_days": self.window_days,
            "refine_rounds": self.refine_rounds,
            "online_shift": self.online_shift,
            "use_embedding": self.use_embedding,
            "split_below": self.split_below,
            "models": {
                name: {"bias": w.bias, "weights": w.weights}
                for name, w in (("embedding", self.embedding), ("plain", self.plain))
            },
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DecisionModel:
        """The model ``to_dict`` wrote; a setting an older file lacks takes the field's default."""
        models = data["models"]
        optional: dict[str, Any] = {
            name: kind(data[name]) for name, kind in _OPTIONAL.items() if name in data
        }
        return cls(
            embedding=LogisticWeights(**models["embedding"]),
            plain=LogisticWeights(**models["plain"]),
            threshold=float(data["threshold"]),
            duplicate_jaccard=float(data["duplicate_jaccard"]),
            header=dict(data.get("header", {})),
            **optional,
        )


# Settings a model file may leave out (files written before they existed), and their types.
_OPTIONAL: dict[str, type] = {
    "time_grace_days": float,
    "time_penalty": float,
    "window_days": float,
    "refine_rounds": int,
    "online_shift": float,
    "use_embedding": bool,
    "split_below": float,
}


def load_model(path: str | Path) -> DecisionModel:
    """A decision model from a JSON file in the shipped file's format (``to_dict``); raises
    :class:`~accord.errors.ModelError` naming the file when it is unreadable or malformed."""
    try:
        return DecisionModel.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))
    except OSError as error:
        raise ModelError(f"{path}: cannot read story model ({error.strerror})") from error
    except (ValueError, KeyError, TypeError) as error:
        raise ModelError(f"{path}: not a story model file ({error!r})") from error


def save_model(model: DecisionModel, path: str | Path) -> None:
    """Write ``model`` as :func:`load_model` reads it (the shipped file's format)."""
    Path(path).write_text(json.dumps(model.to_dict(), indent=2) + "\n", encoding="utf-8")


def default_model() -> DecisionModel:
    """The model named by ``ACCORD_STORIES_MODEL``, else the shipped, calibrated one (each file
    is read once per process)."""
    return _model_from(os.environ.get(MODEL_ENV) or None)


@lru_cache(maxsize=4)
def _model_from(path: str | None) -> DecisionModel:
    if path is not None:
        return load_model(path)
    text = resources.files("accord.data").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return DecisionModel.from_dict(json.loads(text))
