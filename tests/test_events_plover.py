"""PLOVER-style JSON records of events (``accord export --format plover``)."""

from __future__ import annotations

import json

from accord.events.plover import to_plover_records
from accord.model import Analysis, Article, Entity, Event, Mention, Result


def _result(negated: bool = False) -> Result:
    text = "Norway and Chile agreed to exchange 40 fishermen in Geneva."
    article = Article.from_text(text, outlet="Wire", published="2031-05-06T10:00:00")
    aid = article.id
    event = Event(
        id=f"{aid}:event:0-{len(text)}",
        article=aid,
        start=0,
        end=len(text),
        text=text,
        type="AGREE",
        source=["gpe-norway", f"{aid}:11-16"],
        source_text=["Norway", "Chile"],
        location=f"{aid}:52-58",
        quantity="40 fishermen",
        negated=negated,
        method="rules",
    )
    place = Mention(
        id=f"{aid}:52-58", article=aid, start=52, end=58, text="Geneva", label="GPE", sentence=0
    )
    norway = Entity(id="gpe-norway", name="Norway", type="GPE", links={"geonames": "3144096"})
    return Result(
        analyses=[Analysis(article=article, mentions=[place], events=[event])], entities=[norway]
    )


def test_events_plover_record_fields() -> None:
    (record,) = to_plover_records(_result())
    assert record["event"] == "AGREE"
    assert record["date"] == "2031-05-06"
    assert record["source"][0] == {
        "actorText": "Norway",
        "entity": "gpe-norway",
        "name": "Norway",
        "entityType": "GPE",
    }
    assert record["source"][1] == {"actorText": "Chile"}
    assert record["eventLoc"] == {"name": "Geneva"}
    assert record["size"] == 40
    assert record["publication"] == "Wire"
    assert record["accord"]["method"] == "rules"
    assert "target" not in record and "mode" not in record  # PLOVER writes non-empty fields only
    json.dumps(record)


def test_events_plover_negated_event_is_marked() -> None:
    (record,) = to_plover_records(_result(negated=True))
    assert record["accord"]["negated"] is True
    assert "negated" in record["comment"]


def test_events_plover_empty_result() -> None:
    assert to_plover_records(Result()) == []


def test_events_plover_actor_sectors_and_countries() -> None:
    """An actor's sector is PLOVER's ``sector``, its country PLOVER's ``code`` (alpha-3); events
    saved before accord read them have neither."""
    result = _result()
    event = result.analyses[0].events[0]
    event.source_sectors = ["GOV", None]
    event.source_countries = ["NO"]
    (record,) = to_plover_records(result)
    assert (record["source"][0]["sector"], record["source"][0]["code"]) == ("GOV", "NOR")
    assert record["source"][1] == {"actorText": "Chile"}
