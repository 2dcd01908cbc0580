"""Hand-made analyses for the story-clustering tests: text plus the mentions a test names."""

from __future__ import annotations

from collections.abc import Callable

from accord.model import Analysis, Article, Mention


def make_analysis(
    text: str,
    names: dict[str, str],
    label_of: Callable[[str], str],
    every_occurrence: bool = False,
) -> Analysis:
    """An analysis of ``text`` (headline: its first line) whose mentions are the given names
    (name -> entity id), each labelled ``label_of(entity id)``; at the first occurrence of each
    name, or at every one with ``every_occurrence``."""
    article = Article.from_text(text, title=text.split("\n", 1)[0])
    mentions = []
    for name, entity in names.items():
        start = text.find(name)
        assert start >= 0, name
        while start >= 0:
            mentions.append(
                Mention(
                    id=f"{article.id}:{start}",
                    article=article.id,
                    start=start,
                    end=start + len(name),
                    text=name,
                    label=label_of(entity),
                    sentence=0,
                    entity=entity,
                )
            )
            start = text.find(name, start + len(name)) if every_occurrence else -1
    return Analysis(article=article, mentions=mentions)
