"""Story clustering on the dated feeds in ``tests/data/stories_feeds`` (fictional reports with
outlets and publication dates, written apart from the clusterer; see their README).

For each feed: ``accord run`` on its JSONL file (:func:`accord.pipeline.run_corpus`, SQLite in a
temporary folder), then

* B3 and pairwise precision, recall and F1 of the stored stories against ``labels.csv``
  (what ``accord stories --score`` prints; ``tests/test_stories_feeds.py`` pins floors), and
* **absorbed**: how many articles would have joined another event's story had their own not
  existed: the best candidate story that holds no article of the article's own event reaches the
  model's join threshold, weighed as ``accord stories --why`` weighs it
  (:func:`accord.pipeline.story_placement`). That is what happens to the first report of a new
  event when such a story exists, and a feed of thousands of articles a day meets that case all
  the time, where these small feeds meet it rarely. Lower is better; two similar events of one
  place close in time (two rail strikes three weeks apart) are the hard cases it keeps.

Run: ``.venv/bin/python benchmarks/stories_feeds.py`` (about two minutes on 2 cores).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from accord.pipeline import run_corpus, story_placement
from accord.store import open_store
from accord.stories.labels import match_labels, read_labels
from accord.stories.scores import b_cubed, pairwise

FEEDS = Path(__file__).resolve().parent.parent / "tests" / "data" / "stories_feeds"


def score_feed(folder: Path) -> dict[str, object]:
    """B3, pairwise and the absorbed count of one feed."""
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "feed.db")
        run_corpus([str(folder / "articles.jsonl")], db=db)
        with open_store(db) as store:
            result = store.load()
            gold = match_labels(read_labels(folder / "labels.csv"), result.articles).labels
            story_of = {a: s.id for s in result.stories for a in s.articles}
            members = {s.id: s.articles for s in result.stories}
            ids = [a.article.id for a in result.analyses if a.article.id in gold]
            absorbed = []
            for aid in ids:
                placement = story_placement(store, aid, stored=result)
                others = [
                    o.probability
                    for o in placement.candidates
                    if not o.own and all(gold.get(x) != gold[aid] for x in members[o.story])
                ]
                if max(others, default=0.0) >= placement.threshold:
                    absorbed.append(aid)
    pred, labels = [story_of[i] for i in ids], [gold[i] for i in ids]
    return {
        "articles": len(ids),
        "events": len(set(labels)),
        "b3": b_cubed(pred, labels),
        "pairwise": pairwise(pred, labels),
        "absorbed": len(absorbed),
    }


def main() -> int:
    feeds = sorted(p for p in FEEDS.iterdir() if (p / "labels.csv").is_file())
    for folder in feeds:
        started = time.perf_counter()
        s = score_feed(folder)
        b3, pw = s["b3"], s["pairwise"]
        assert isinstance(b3, tuple) and isinstance(pw, tuple)
        print(
            f"{folder.name:<12} {s['articles']} articles, {s['events']} events  "
            f"B3 P={b3[0]:.3f} R={b3[1]:.3f} F1={b3[2]:.3f}  pairwise F1={pw[2]:.3f}  "
            f"absorbed {s['absorbed']}/{s['articles']}  ({time.perf_counter() - started:.0f} s)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
