"""The web UI in a real browser: Playwright drives Debian's Chromium against a live uvicorn."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from accord.web.app import create_app
from accord.web.sample import sample_result

if TYPE_CHECKING:
    from playwright.sync_api import Page

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = os.environ.get("ACCORD_SCREENSHOTS")  # a folder: save a screenshot of each page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is absent"),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture()
def base_url(tmp_path: Path) -> Iterator[str]:
    """uvicorn serving the sample result from a fresh database, in a background thread."""
    import uvicorn

    from accord.store import open_store

    url = f"sqlite:///{tmp_path / 'browser.db'}"
    open_store(url).save(sample_result())
    port = _free_port()
    config = uvicorn.Config(create_app(url), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):  # wait for the socket (polling, not a timed assertion)
        if server.started:
            break
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def _shot(page: Page, name: str) -> None:
    if SCREENSHOTS:
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"), full_page=True)


def test_browser_home_story_entity_article(base_url: str) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(base_url + "/")
            sync_api.expect(page.locator("h1")).to_have_text("Stories")
            _shot(page, "home")

            page.get_by_role("link", name="Valdoria and Kesh border talks").click()
            sync_api.expect(page.locator("h1")).to_have_text("Valdoria and Kesh border talks")
            sync_api.expect(page.locator(".fact.conflicting .reason")).to_contain_text(
                "within a week vs within a month"
            )
            _shot(page, "story")

            page.locator("aside").get_by_role("link", name="Ilvana Trosk").click()
            sync_api.expect(page.locator("h1")).to_contain_text("Ilvana Trosk")
            sync_api.expect(page.locator("dl.facts")).to_contain_text("Ilvana Troskova")
            sync_api.expect(page.locator("#merge-evidence")).to_contain_text("transliteration")
            _shot(page, "entity")

            page.locator("ul.evidence a").first.click()
            sync_api.expect(page.locator(".article-text a.mention").first).to_be_visible()
            sync_api.expect(page.locator(".article-text")).to_contain_text("Foreign Minister")
            _shot(page, "article")
        finally:
            browser.close()
