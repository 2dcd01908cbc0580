"""Build small hand-made analyses for the resolve tests (fictional names only)."""

from __future__ import annotations

from dataclasses import dataclass, field

from accord.model import Analysis, Article, Mention, Sentence, mention_id


@dataclass
class M:
    """One mention to place in a made-up article."""

    text: str
    label: str = "PERSON"
    chain: int = -1
    titles: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    paragraph: int = 0  # of the mention's sentence (each mention has its own sentence)


def article(name: str, *mentions: M) -> Analysis:
    """An analysis whose text is the mentions joined by filler, with true offsets."""
    parts: list[str] = [f"Report {name}."]
    spans: list[tuple[int, M]] = []
    for m in mentions:
        start = len(" ".join(parts)) + 1
        parts.append(m.text)
        parts.append("said something.")
        spans.append((start, m))
    text = " ".join(parts)
    art = Article.from_text(text, path=name)
    out = []
    for i, (start, m) in enumerate(spans):
        end = start + len(m.text)
        assert text[start:end] == m.text
        out.append(
            Mention(
                mention_id(art.id, start, end),
                art.id,
                start,
                end,
                m.text,
                m.label,
                i,
                chain=m.chain,
                titles=list(m.titles),
                roles=list(m.roles),
            )
        )
    sentences = [
        Sentence(start, start + len(m.text) + len(" said something."), m.paragraph)
        for start, m in spans
    ]
    return Analysis(article=art, sentences=sentences, mentions=out)


def entity_of(analysis: Analysis, text: str) -> str | None:
    """The entity id of the first mention with this text."""
    return next(m.entity for m in analysis.mentions if m.text == text)


def test_helpers_article_offsets_point_at_the_mentions() -> None:
    analysis = article("a", M("Ilse Varga"), M("Lisbon", "GPE"))
    assert [analysis.article.text[m.start : m.end] for m in analysis.mentions] == [
        "Ilse Varga",
        "Lisbon",
    ]
