"""The JSON API, endpoint by endpoint, over a store filled with the fictional sample result."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from accord.model import Analysis, Article, Result
from accord.web.app import create_app
from accord.web.sample import sample_result


def _filled_db(folder: Path) -> str:
    from accord.store import open_store

    url = f"sqlite:///{folder / 'web.db'}"
    with open_store(url) as store:
        store.save(sample_result())
    return url


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """A client over one database for the read-only tests (the schema migrates once)."""
    with TestClient(create_app(_filled_db(tmp_path_factory.mktemp("web")))) as test_client:
        yield test_client


@pytest.fixture()
def fresh_client(tmp_path: Path) -> Iterator[TestClient]:
    """A client over its own database, for tests that write."""
    with TestClient(create_app(_filled_db(tmp_path))) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def sample() -> Result:
    return sample_result()


def _get(client: TestClient, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return response.json()


def test_api_articles_lists_every_article_with_counts(client: TestClient, sample: Result) -> None:
    rows = _get(client, "/api/articles")
    assert {r["id"] for r in rows} == {a.id for a in sample.articles}
    herald = next(r for r in rows if r["outlet"] == "The Lissar Herald")
    assert (herald["n_mentions"], herald["n_quotes"], herald["n_events"]) == (7, 1, 1)
    assert herald["stories"] == ["S1"]


def test_api_articles_filter_and_paging(client: TestClient) -> None:
    assert [r["outlet"] for r in _get(client, "/api/articles?outlet=Kesh%20Daily")] == [
        "Kesh Daily"
    ]
    assert len(_get(client, "/api/articles?limit=2")) == 2
    assert len(_get(client, "/api/articles?offset=2")) == 1
    assert client.get("/api/articles?limit=0").status_code == 422


def test_api_article_detail_has_text_mentions_quotes_events(
    client: TestClient, sample: Result
) -> None:
    article = sample.articles[0]
    body = _get(client, f"/api/articles/{article.id}")
    assert body["text"] == article.text
    for mention in body["mentions"]:
        assert article.text[mention["start"] : mention["end"]] == mention["text"]
    assert {m["entity"] for m in body["mentions"]} >= {"E1", "E2"}
    assert body["quotes"][0]["speaker_name"] == "Ilvana Trosk"
    assert body["events"][0]["type"] == "CONSULT"


def test_api_placement_needs_a_stored_article_and_a_story_index(
    client: TestClient, sample: Result
) -> None:
    # the sample result was saved without a story index: nothing to weigh the article with
    response = client.get(f"/api/articles/{sample.articles[0].id}/placement")
    assert response.status_code == 404
    assert "no story index is saved" in response.json()["detail"]
    assert client.get("/api/articles/nope/placement").status_code == 404


def test_api_entities_sorted_by_mentions_and_filtered(client: TestClient) -> None:
    rows = _get(client, "/api/entities")
    counts = [r["n_mentions"] for r in rows]
    assert counts == sorted(counts, reverse=True)
    people = _get(client, "/api/entities?type=PERSON")
    assert {r["name"] for r in people} == {"Ilvana Trosk", "Marek Odvin", "Sabet Oru"}
    assert [r["id"] for r in _get(client, "/api/entities?q=troskova")] == ["E1"]


def test_api_entity_detail_has_aliases_mentions_evidence(client: TestClient) -> None:
    body = _get(client, "/api/entities/E1")
    assert "Ilvana Troskova" in body["aliases"]
    assert body["roles"] == ["Foreign Minister"]
    assert (body["n_mentions"], body["n_articles"]) == (3, 2)
    assert body["evidence"][0]["rule"] == "transliteration"
    assert [q["id"] for q in body["quotes"]] == ["Q1"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"Q1", "Q2"}),
        ("?speaker=E2", {"Q2"}),
        ("?speaker=ilvana%20trosk", {"Q1"}),
        ("?speaker=nobody", set()),
    ],
)
def test_api_quotes_filter_by_speaker(client: TestClient, query: str, expected: set[str]) -> None:
    assert {q["id"] for q in _get(client, f"/api/quotes{query}")} == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"F1", "F2", "F3", "F4"}),
        ("?status=conflicting", {"F2"}),
        ("?status=single_source&story=S1", {"F3"}),
        ("?story=S2", {"F4"}),
    ],
)
def test_api_facts_filter_by_status_and_story(
    client: TestClient, query: str, expected: set[str]
) -> None:
    assert {f["id"] for f in _get(client, f"/api/facts{query}")} == expected


def test_api_facts_reject_unknown_status(client: TestClient) -> None:
    assert client.get("/api/facts?status=maybe").status_code == 422


def test_api_facts_carry_evidence_and_conflicts(client: TestClient) -> None:
    fact = _get(client, "/api/facts?status=conflicting")[0]
    assert fact["support"][0]["text"].startswith("The crossing will open within a week")
    assert fact["conflicts"][0]["reason"] == "within a week vs within a month"


def test_api_stories_and_story_detail(client: TestClient) -> None:
    stories = {s["id"]: s for s in _get(client, "/api/stories")}
    assert stories["S1"]["facts_by_status"] == {
        "corroborated": 1,
        "conflicting": 1,
        "single_source": 1,
    }
    assert stories["S1"]["n_quotes"] == 2
    detail = _get(client, "/api/stories/S1")
    assert {f["id"] for f in detail["facts"]} == {"F1", "F2", "F3"}
    assert detail["actors"][0]["n_mentions"] >= detail["actors"][-1]["n_mentions"]
    assert {"Ilvana Trosk", "Marek Odvin"} <= {a["name"] for a in detail["actors"]}


def test_api_skipped(client: TestClient) -> None:
    assert _get(client, "/api/skipped") == [
        {"path": "feeds/broken.json", "reason": "invalid JSON", "line": 3}
    ]


def test_api_export_is_the_accord1_document(client: TestClient, sample: Result) -> None:
    from accord.report.json_export import to_dict

    body = _get(client, "/api/export")
    assert body["schema"] == "accord/1"
    assert body == to_dict(sample)


@pytest.mark.parametrize("url", ["/api/articles/nope", "/api/entities/nope", "/api/stories/nope"])
def test_api_unknown_ids_are_404(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert "nope" in response.json()["detail"]


def test_api_openapi_documents_every_endpoint(client: TestClient) -> None:
    paths = _get(client, "/openapi.json")["paths"]
    expected = {
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/entities",
        "/api/entities/{entity_id}",
        "/api/quotes",
        "/api/facts",
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/skipped",
        "/api/export",
    }
    assert expected <= set(paths)
    assert "post" in paths["/api/articles"]
    assert "/" not in paths  # HTML pages stay out of the API description


def test_api_post_analyses_new_articles_and_updates_the_store(
    fresh_client: TestClient, sample: Result, monkeypatch: pytest.MonkeyPatch
) -> None:
    """POST ingests, analyses only what is new, and hands the new analyses to update_store."""
    import accord.pipeline

    analysed: list[str] = []
    updated: list[str] = []

    def fake_analyze_all(articles: list[Article], **_: Any) -> tuple[list[Analysis], list[Any]]:
        analysed.extend(a.id for a in articles)
        return [Analysis(article=a) for a in articles], []

    def fake_update_store(store: Any, analyses: list[Analysis], **kwargs: Any) -> Result:
        updated.extend(a.article.id for a in analyses)
        stored = store.load()
        result = Result(
            analyses=[*stored.analyses, *analyses], skipped=list(kwargs.get("skipped", []))
        )
        store.save(result, derived=False)
        return result

    monkeypatch.setattr(accord.pipeline, "analyze_all", fake_analyze_all)
    monkeypatch.setattr(accord.pipeline, "update_store", fake_update_store)
    client = fresh_client
    app: Any = client.app
    app.state.submitter.nlp = object()  # never used by the fakes; keeps spaCy unloaded
    article = {
        "title": "Dam opens in Orvel",
        "text": "Dam opens in Orvel\nThe Orvel dam opened today.",
        "outlet": "Orvel Times",
        "published": "2031-06-01",
        "language": "en",
    }
    response = client.post("/api/articles", json=[article, article])
    assert response.status_code == 201, response.text
    body = response.json()
    new_id = body["articles"][0]
    assert body["articles"] == [new_id, new_id]  # the same text is one article
    assert body["n_articles"] == 4
    assert analysed == updated == [new_id]
    stored = _get(client, f"/api/articles/{new_id}")
    assert (stored["outlet"], stored["title"]) == ("Orvel Times", "Dam opens in Orvel")
    assert stored["provenance"]["source_format"] == "api"


@pytest.mark.parametrize(
    "payload", [{"title": "no text"}, {"text": ""}, [], {"text": "x", "colour": "red"}]
)
def test_api_post_rejects_bad_bodies(client: TestClient, payload: Any) -> None:
    assert client.post("/api/articles", json=payload).status_code == 422


@pytest.mark.slow
def test_api_post_with_the_real_pipeline(tmp_path: Path, nlp: Any) -> None:
    """Two posted articles go through spaCy, resolution and reconciliation into the store."""
    from accord.store import open_store

    url = f"sqlite:///{tmp_path / 'post.db'}"
    open_store(url).save(Result())
    with TestClient(create_app(url, nlp=nlp)) as client:
        response = client.post(
            "/api/articles",
            json=[
                {
                    "text": "Talks in Corvana\nMinister Tessa Varn met Jonas Belk in Corvana.",
                    "outlet": "Corvana Post",
                    "published": "2031-02-03",
                },
                {
                    "text": "Varn and Belk meet\nTessa Varn held talks with Jonas Belk in Corvana.",
                    "outlet": "Daily Ledger",
                    "published": "2031-02-03",
                },
            ],
        )
        assert response.status_code == 201, response.text
        assert response.json()["n_articles"] == 2
        names = {e["name"] for e in _get(client, "/api/entities?type=PERSON")}
        assert any("Varn" in name for name in names)
        assert len(_get(client, "/api/articles")) == 2
