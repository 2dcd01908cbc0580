"""The dossier: sections per story, evidence side by side, and every article string escaped."""

from __future__ import annotations

import re

import pytest

from accord.model import (
    Analysis,
    Article,
    Conflict,
    Entity,
    Event,
    Fact,
    Mention,
    Quote,
    Result,
    Span,
    Story,
)
from accord.report.dossier import build_dossier, md_escape, render_html, render_markdown

EVIL = '<script>alert("x")</script> | **bold** [link](http://evil.example)'


def span(article: Article, words: str) -> Span:
    start = article.text.index(words)
    return Span(article.id, start, start + len(words), words)


@pytest.fixture
def result() -> Result:
    a = Article.from_text(
        "Swap agreed\nThe two sides agreed to exchange 1,000 prisoners. " + EVIL,
        title="Swap agreed",
        outlet="Daily Planet",
        published="2024-05-02",
    )
    b = Article.from_text(
        "Prisoners return\nOne thousand prisoners will be returned. Only 500 were freed.",
        title="Prisoners return",
        outlet="Evening Star",
        published="2024-05-03",
    )
    c = Article.from_text(a.text + " Reporting by wires.", title="Swap agreed", outlet="Wire copy")
    story = Story("s1", "Swap <b>agreed</b>", [a.id, b.id, c.id], duplicates={c.id: a.id})
    facts = [
        Fact(
            "f1",
            "The two sides agreed to exchange 1,000 prisoners.",
            "AGREE",
            "corroborated",
            [
                span(a, "The two sides agreed to exchange 1,000 prisoners."),
                span(b, "One thousand prisoners will be returned."),
            ],
            story="s1",
        ),
        Fact(
            "f2",
            "1,000 prisoners",
            "AGREE",
            "conflicting",
            [span(a, "1,000 prisoners")],
            [
                Conflict(
                    b.id,
                    *_offsets(b, "Only 500 were freed."),
                    "Only 500 were freed.",
                    reason="number: 1,000 prisoner vs 500 prisoner",
                )
            ],
            story="s1",
        ),
        Fact("f3", EVIL, "STATEMENT", "single_source", [span(a, EVIL)], story="s1"),
    ]
    person = Entity(
        "p1",
        "Elena Brask",
        "PERSON",
        aliases=["Elena Brask", "E. Brask"],
        roles=["harbour master"],
        mentions=[span(a, "two sides")],
    )
    quote = Quote("q1", a.id, 0, 5, EVIL, speaker="p1")
    where = _offsets(b, "One thousand")  # an unresolved location mention: its text is shown
    events = [
        Event(
            "e1",
            a.id,
            *_offsets(a, EVIL),
            EVIL,
            "AGREE",
            "retreat",
            source=["p1"],
            source_text=["two sides"],
            target=[f"{a.id}:0-4"],
            target_text=["Swap"],
            quantity="1000 prisoners",
            date="2024-05-01",
        ),
        Event(
            "e2",
            b.id,
            0,
            16,
            "Prisoners return",
            "AGREE",
            negated=True,
            location=f"{b.id}:{where[0]}-{where[1]}",
        ),
    ]
    brask = Mention(
        "m1", a.id, 0, 5, "E. Brask", "PERSON", 0, roles=["harbour master"], entity="p1"
    )
    analyses = [
        Analysis(article=a, mentions=[brask], quotes=[quote], events=events[:1]),
        Analysis(article=b, events=events[1:]),
        Analysis(article=c),
    ]
    return Result(analyses=analyses, entities=[person], facts=facts, stories=[story])


def _offsets(article: Article, words: str) -> tuple[int, int]:
    start = article.text.index(words)
    return start, start + len(words)


def test_dossier_html_escapes_every_article_string(result: Result) -> None:
    html = render_html(result)
    assert "<script" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "Swap &lt;b&gt;agreed&lt;/b&gt;" in html


def test_dossier_html_is_self_contained(result: Result) -> None:
    html = render_html(result)
    assert html.startswith("<!DOCTYPE html>")
    assert "<style>" in html
    assert not re.search(r"<(link|script|img|iframe)\b", html)
    assert "@import" not in html and "url(" not in html


def test_dossier_html_has_every_section(result: Result) -> None:
    html = render_html(result)
    for heading in (
        "Sources",
        "Actors",
        "Events",
        "Facts",
        "Quotes by speaker",
        "Coverage by outlet",
    ):
        assert f">{heading}</h3>" in html
    assert "copy of Daily Planet" in html
    assert "E. Brask" in html and "harbour master" in html
    assert "number: 1,000 prisoner vs 500 prisoner" in html
    # side by side: the corroborated fact shows a column per source
    start = html.index('id="f1"')
    fact = html[start : html.index('<div class="fact', start)]
    assert fact.count('class="col"') == 2


def test_dossier_markdown_escapes_and_lists_sections(result: Result) -> None:
    text = render_markdown(result)
    assert "<script>" not in text and "\\<script\\>" in text
    assert "\\| \\*\\*bold\\*\\* \\[link\\]\\(http://evil.example\\)" in text
    for heading in (
        "### Sources",
        "### Actors",
        "### Events",
        "### Facts",
        "### Quotes by speaker",
        "### Coverage by outlet",
        "#### Corroborated (1)",
        "#### Conflicting (1)",
    ):
        assert heading in text
    assert "**Evening Star** (disagrees: number: 1,000 prisoner vs 500 prisoner)" in text


def test_dossier_coverage_counts_exclusive_facts(result: Result) -> None:
    (story,) = build_dossier(result)
    coverage = {c.source.label: c for c in story.coverage}
    assert len(coverage["Daily Planet"].exclusive) == 1
    assert coverage["Evening Star"].exclusive == []
    assert coverage["Evening Star"].shared == 2


def test_dossier_md_escape_flattens_lines() -> None:
    assert md_escape("a\n# b | c") == "a \\# b \\| c"


def test_dossier_events_name_actors_and_outlets(result: Result) -> None:
    (story,) = build_dossier(result)
    first, second = story.events
    assert (first.type, first.mode, first.negated) == ("AGREE", "retreat", False)
    assert first.source == ["Elena Brask"]  # canonical name of the resolved entity
    assert first.target == ["Swap"]  # unresolved: the surface text
    assert (first.outlet, first.quantity, first.date) == (
        "Daily Planet",
        "1000 prisoners",
        "2024-05-01",
    )
    assert (second.negated, second.location, second.outlet) == (
        True,
        "One thousand",
        "Evening Star",
    )


def test_dossier_events_show_actor_sectors(result: Result) -> None:
    """An actor's sector follows its name; events saved before sectors existed show none."""
    event = result.analyses[0].events[0]
    event.source_sectors = ["GOV"]
    (story,) = build_dossier(result)
    assert story.events[0].source == ["Elena Brask (GOV)"]
    assert story.events[0].target == ["Swap"]


def test_dossier_events_are_escaped(result: Result) -> None:
    html = render_html(result)
    events = html[html.index('id="s1-events"') : html.index('id="s1-facts"')]
    assert "<script" not in events and "&lt;script&gt;" in events
    assert "did not happen" in events and "Elena Brask" in events
    text = render_markdown(result)
    table = text[text.index("### Events") : text.index("### Facts")]
    assert "\\<script\\>" in table and "<script>" not in table
    assert "| AGREE | retreat |  | Elena Brask → Swap |" in table


def _quoted(text: str, *parts: str, speaker: str = "p1") -> list[Quote]:
    out = []
    for n, words in enumerate(parts):
        start = text.index(words)
        out.append(Quote(f"q{n}", "a", start, start + len(words), words, speaker=speaker))
    return out


def test_dossier_quotes_keep_a_sentence_split_by_its_attribution() -> None:
    """ "My hope," Mr. Obama said, "is that ..." is one quote for the reader, not "My hope";
    a new sentence after the attribution, or another speaker, is another quote."""
    text = (
        '"My hope," Mr. Ruud said, "is that the talks go on." "We will see," he said. '
        '"Nobody knows." "Maybe," she said, "next week."'
    )
    article = Article.from_text(text, title="Talks", outlet="Daily Planet")
    quotes = _quoted(text, "My hope,", "is that the talks go on.", "We will see,", "Nobody knows.")
    quotes += _quoted(text, "Maybe,", speaker="p2")
    for q in quotes:
        q.article = article.id
    result = Result(
        analyses=[Analysis(article=article, quotes=quotes)],
        entities=[
            Entity("p1", "Jonas Ruud", "PERSON", ["Jonas Ruud"]),
            Entity("p2", "Ida Berg", "PERSON", ["Ida Berg"]),
        ],
        stories=[Story("s1", "Talks", [article.id])],
    )
    (story,) = build_dossier(result)
    by_speaker = {g.speaker: [t for t, _ in g.quotes] for g in story.quotes}
    assert by_speaker["Jonas Ruud"] == [
        "My hope … is that the talks go on.",
        "We will see",
        "Nobody knows.",
    ]
    assert by_speaker["Ida Berg"] == ["Maybe"]


def test_dossier_actors_show_what_the_story_says() -> None:
    """An entity's spellings and roles in a story's actors table are those its own articles
    give; those of another story would read as if this story's sources said them."""
    a = Article.from_text("Mayor Ann Holt opened the bridge.", outlet="Star")
    b = Article.from_text("Holt, the former ferry captain, spoke.", outlet="Post")
    mentions = {
        a.id: Mention("m1", a.id, 6, 14, "Ann Holt", "PERSON", 0, titles=["Mayor"], entity="p"),
        b.id: Mention(
            "m2", b.id, 0, 4, "Holt", "PERSON", 0, roles=["the former ferry captain"], entity="p"
        ),
    }
    holt = Entity(
        "p",
        "Ann Holt",
        "PERSON",
        aliases=["Ann Holt", "Holt"],
        roles=["Mayor", "the former ferry captain"],
        mentions=[Span(m.article, m.start, m.end, m.text) for m in mentions.values()],
    )
    result = Result(
        analyses=[Analysis(article=x, mentions=[mentions[x.id]]) for x in (a, b)],
        entities=[holt],
        stories=[Story("s1", "Bridge", [a.id]), Story("s2", "Ferry", [b.id])],
    )
    views = {v.id: v.actors for v in build_dossier(result)}
    bridge, ferry = views["s1"], views["s2"]
    assert [(x.aliases, x.roles, x.mentions) for x in bridge] == [([], ["Mayor"], 1)]
    assert [(x.aliases, x.roles) for x in ferry] == [(["Holt"], ["the former ferry captain"])]


def test_dossier_story_reads_only_its_own_articles(result: Result) -> None:
    # two disjoint copies of the corpus (benchmarks/report_scale.py makes them): each story
    # sees its own copy's sources, actors, facts, quotes and events, never the other copy's
    from benchmark_modules import load_benchmark

    once = build_dossier(result)
    twice = build_dossier(load_benchmark("report_scale").repeat(result, 2))
    assert len(twice) == 2 * len(once)
    for view in twice:
        (same,) = [v for v in once if v.title == view.title]
        assert [s.label for s in view.sources] == [s.label for s in same.sources]
        assert [(a.name, a.mentions, a.roles) for a in view.actors] == [
            (a.name, a.mentions, a.roles) for a in same.actors
        ]
        assert view.fact_count == same.fact_count
        assert [q.quotes for q in view.quotes] == [q.quotes for q in same.quotes]
        assert [e.evidence for e in view.events] == [e.evidence for e in same.events]
