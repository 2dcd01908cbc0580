"""Relative links in the README and docs/ point at files and headings that exist.

The docs cross-reference each other by section (``stories.md#calibration-...``); a heading
renamed or a section moved to another page must not leave readers at a dead anchor.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]
LINK = re.compile(r"\]\(([^)#\s]*)(#[^)\s]*)?\)")
HEADING = re.compile(r"^#+ (.*)$", re.MULTILINE)
HTML_ANCHOR = re.compile(r"<a id=\"([^\"]+)\"")
CODE_BLOCK = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


@functools.cache
def anchors(page: Path) -> frozenset[str]:
    """The anchors a page offers; read once per page, however many links point at it. A ``#``
    line inside a code block is a comment, not a heading."""
    text = CODE_BLOCK.sub("", page.read_text(encoding="utf-8"))
    return frozenset(slug(h) for h in HEADING.findall(text)) | set(HTML_ANCHOR.findall(text))


def test_slug_follows_github() -> None:
    assert slug("Calibration (what was fitted on what)") == "calibration-what-was-fitted-on-what"
    assert slug("Scale (`benchmarks/stories_scale.py`)") == "scale-benchmarksstories_scalepy"


def broken_links(page: Path) -> list[str]:
    """The relative links of ``page`` whose file or heading does not exist."""
    broken = []
    for target, anchor in LINK.findall(page.read_text(encoding="utf-8")):
        if target.startswith(("http://", "https://", "mailto:")):
            continue
        path = (page.parent / target).resolve() if target else page.resolve()
        if not path.exists():
            broken.append(f"{target}: no such file")
        elif anchor and path.suffix == ".md" and anchor[1:] not in anchors(path):
            broken.append(f"{target}{anchor}: no such heading")
    return broken


def test_broken_links_are_found(tmp_path: Path) -> None:
    (tmp_path / "other.md").write_text(
        "# Other page\n\n## Its section\n\n```sh\n# not a heading\n```\n", encoding="utf-8"
    )
    page = tmp_path / "page.md"
    page.write_text(
        "# Page\n[ok](other.md#its-section) [self](#page) [web](https://example.org/x#y)\n"
        "[gone](missing.md) [moved](other.md#old-section) [dead](#nowhere)\n"
        "[code](other.md#not-a-heading)\n",
        encoding="utf-8",
    )
    assert broken_links(page) == [
        "missing.md: no such file",
        "other.md#old-section: no such heading",
        "#nowhere: no such heading",
        "other.md#not-a-heading: no such heading",
    ]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_relative_links_resolve(page: Path) -> None:
    broken = broken_links(page)
    assert not broken, f"{page.name}: " + "; ".join(broken)
