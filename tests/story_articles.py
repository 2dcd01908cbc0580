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


def people_and_places(text: str, names: dict[str, str]) -> Analysis:
    """An analysis of ``text`` whose mentions are the given names (name -> entity id), people
    ("p-" ids) and places."""
    return make_analysis(text, names, lambda e: "PERSON" if e.startswith("p-") else "GPE")


def quake(place: str, region: str, minister: str, date: str, toll: str, n: int) -> Analysis:
    """Article ``n`` about an earthquake at ``place``: same kind of event, its own particulars."""
    openings = (
        f"Earthquake strikes {place} in {region}",
        f"Rescuers dig through rubble in {place} after quake",
        f"Death toll rises after {place} earthquake",
        f"{region} mourns victims of {place} tremor",
    )
    text = (
        f"{openings[n % 4]}\n{date}\nA strong earthquake struck {place} in {region}, killing "
        f"{toll} people and flattening homes. Interior minister {minister} visited {place} and "
        f"promised aid as aftershocks shook {region}. Rescue teams searched collapsed buildings "
        f"in {place} through the night."
    )
    return people_and_places(
        text, {place: f"g-{place}", region: f"g-{region}", minister: f"p-{minister}"}
    )


FIRST = [quake("Maltrek", "Corvania", "Ada Renn", "March 4, 2031", "twelve", n) for n in range(4)]
SECOND = [quake("Verskel", "Corvania", "Ilo Brandt", "June 9, 2033", "forty", n) for n in range(4)]
