"""The HTML pages: what each shows, and that article strings are always escaped."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from accord.model import (
    Analysis,
    Article,
    Entity,
    Event,
    Fact,
    Mention,
    Quote,
    Result,
    Span,
    Story,
)
from accord.web.app import create_app
from accord.web.sample import find, sample_result

HOSTILE = "<script>alert('x')</script>"
HOSTILE_TEXT = (
    f"Rally in Brenna {HOSTILE}\n"
    f"Organiser Pia <b>Lund</b> said \u201c{HOSTILE} we march\u201d in Brenna & more."
)


def _hostile_result() -> Result:
    """The sample plus one article whose every string tries to inject markup."""
    result = sample_result()
    art = Article.from_text(
        HOSTILE_TEXT,
        title=f"Title {HOSTILE}",
        outlet=f"<img src=x onerror=alert(1)>{HOSTILE}",
        published="2031-07-01",
        url="javascript:alert(1)",
    )
    start, end = find(art.text, "Pia <b>Lund</b>")
    qs, qe = find(art.text, f"{HOSTILE} we march")
    mention = Mention(
        f"{art.id}:{start}-{end}", art.id, start, end, art.text[start:end], "PERSON", 1, entity="EX"
    )
    quote = Quote("QX", art.id, qs, qe, art.text[qs:qe], speaker="EX", speaker_text=HOSTILE)
    # an event whose unresolved actor text and sector are hostile too
    event = Event(
        "VX",
        art.id,
        qs,
        qe,
        art.text[qs:qe],
        "PROTEST",
        source=[f"{art.id}:0-5"],
        source_text=[HOSTILE],
        source_sectors=[HOSTILE],
        target=["EX"],
    )
    result.analyses.append(
        Analysis(article=art, mentions=[mention], quotes=[quote], events=[event])
    )
    result.entities.append(
        Entity(
            "EX",
            f"Pia {HOSTILE}",
            "PERSON",
            aliases=[HOSTILE],
            roles=[HOSTILE],
            mentions=[Span(art.id, start, end, mention.text)],
        )
    )
    result.stories.append(Story("SX", f"Story {HOSTILE}", articles=[art.id]))
    result.facts.append(
        Fact(
            "FX",
            f"Fact {HOSTILE}",
            HOSTILE,
            "single_source",
            support=[Span(art.id, qs, qe, art.text[qs:qe])],
            story="SX",
        )
    )
    return result


@pytest.fixture(scope="module")
def hostile() -> Result:
    return _hostile_result()


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, hostile: Result) -> Iterator[TestClient]:
    from accord.store import open_store

    url = f"sqlite:///{tmp_path_factory.mktemp('pages') / 'pages.db'}"
    with open_store(url) as store:
        store.save(hostile)
    with TestClient(create_app(url)) as test_client:
        yield test_client


def _page(client: TestClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def test_home_lists_stories_with_counts(client: TestClient) -> None:
    html = _page(client, "/")
    assert 'href="/stories/S1"' in html
    assert "Valdoria and Kesh border talks" in html
    assert "corroborated</span> 1" in html
    assert "feeds/broken.json" in html  # skipped inputs are shown


def test_story_page_shows_facts_by_status_actors_quotes(client: TestClient) -> None:
    html = _page(client, "/stories/S1")
    positions = [
        html.index(f'badge {s}"') for s in ("corroborated", "conflicting", "single_source")
    ]
    assert positions == sorted(positions)
    assert "conflict: within a week vs within a month" in html
    assert "<mark>Foreign Minister Ilvana Trosk met Marek Odvin in Lissar on Monday.</mark>" in html
    assert 'href="/entities/E1">Ilvana Trosk</a>' in html
    assert "We are not in a hurry," in html


def test_entity_page_shows_aliases_mentions_in_context_and_evidence(client: TestClient) -> None:
    html = _page(client, "/entities/E1")
    assert "Ilvana Troskova" in html and "Foreign Minister" in html
    assert "transliteration" in html and "0.93" in html
    assert "Foreign Minister <mark>Ilvana Trosk</mark> met Marek Odvin" in html
    assert "CONSULT" in html
    # the event's actors link to their entities, with the actor's sector
    assert 'href="/entities/E1">Ilvana Trosk</a> <span class="muted">(GOV)</span>' in html


def test_article_page_highlights_mentions_from_offsets(client: TestClient) -> None:
    article_id = sample_result().articles[0].id
    html = _page(client, f"/articles/{article_id}")
    assert (
        '<a class="mention person" href="/entities/E1" title="PERSON: Ilvana Trosk">'
        "Ilvana Trosk</a> met" in html
    )
    assert '<span class="quote">The crossing will open within a week,</span>' in html
    # the article's events name who did what to whom
    assert (
        '<span class="type">CONSULT</span> <a href="/entities/E1">Ilvana Trosk</a> '
        '<span class="muted">(GOV)</span> → <a href="/entities/E2">Marek Odvin</a>:' in html
    )


@pytest.mark.parametrize("url", ["/entities", "/articles", "/api-docs"])
def test_list_pages_render(client: TestClient, url: str) -> None:
    assert "accord" in _page(client, url)


@pytest.mark.parametrize("url", ["/stories/nope", "/entities/nope", "/articles/nope"])
def test_unknown_pages_are_404_html(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert "No " in response.text and "nope" in response.text


def _hostile_urls(result: Result) -> list[str]:
    article = result.articles[-1].id
    return [
        "/",
        "/stories/SX",
        "/entities/EX",
        f"/articles/{article}",
        "/entities",
        "/articles",
        "/stories/S1",
    ]


@pytest.mark.parametrize("url", _hostile_urls(_hostile_result()))
def test_every_page_escapes_article_strings(client: TestClient, url: str) -> None:
    html = _page(client, url)
    assert "<script" not in html
    assert "<img" not in html
    assert "<b>Lund" not in html
    assert "javascript:" not in html


def test_hostile_strings_appear_escaped(client: TestClient, hostile: Result) -> None:
    article = hostile.articles[-1]
    html = _page(client, f"/articles/{article.id}")
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "Pia &lt;b&gt;Lund&lt;/b&gt;</a>" in html
    assert "Brenna &amp; more" in html
    assert (
        '&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; <span class="muted">(&lt;script&gt;'
        in html
    )
    story = _page(client, "/stories/SX")
    assert "Story &lt;script&gt;" in story and "&lt;img src=x onerror=alert(1)&gt;" in story
