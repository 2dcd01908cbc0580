"""Docs are checked: every CLI command and every export field is documented."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.main import get_command

from accord.cli import app
from accord.model import Article, Entity, Event, Fact, Provenance, Quote, Result, Span, Story
from accord.report.json_export import to_dict

DOCS = Path(__file__).resolve().parent.parent / "docs"


def sample_result() -> Result:
    from accord.model import Analysis

    article = Article.from_text("Headline\nBody.", provenance=Provenance())
    span = Span(article.id, 0, 8, "Headline")
    analysis = Analysis(
        article=article,
        quotes=[Quote("q1", article.id, 0, 8, "Headline")],
        events=[Event("v1", article.id, 0, 8, "Headline", "CONSULT")],
    )
    return Result(
        analyses=[analysis],
        entities=[Entity("e1", "X", "PERSON", mentions=[span])],
        facts=[Fact("f1", "s", "STATEMENT", "single_source", support=[span])],
        stories=[Story("s1", "t", [article.id])],
    )


def test_docs_cover_every_cli_command() -> None:
    text = (DOCS / "cli.md").read_text()
    command = get_command(app)
    for name in command.commands:  # type: ignore[attr-defined]
        assert f"`accord {name}" in text, f"accord {name} is not documented in docs/cli.md"


@pytest.mark.parametrize(
    "section", ["articles", "entities", "quotes", "events", "facts", "stories", "skipped"]
)
def test_docs_cover_every_export_field(section: str) -> None:
    text = (DOCS / "export.md").read_text()
    exported = to_dict(sample_result())
    assert exported[section] or section == "skipped"
    part = text.split(f"### `{section}[]`", 1)[1].split("###", 1)[0]
    fields = exported[section][0].keys() if exported[section] else ["path", "reason", "line"]
    for field in fields:
        assert f"`{field}`" in part, f"{section}.{field} is not documented in docs/export.md"
