"""Browser tests: Playwright for Python driving Debian's Chromium (/usr/bin/chromium).

Playwright never downloads a browser here. Outside CI the tests skip when Chromium is absent;
in CI (`CI=1`) they fail instead. Screenshots go to a temporary folder, or to the folder named
by GONGKAI_SCREENSHOTS (scripts/render-docs-images.sh sets docs/img)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("GONGKAI_CHROMIUM", "/usr/bin/chromium")
# Playwright's sync API runs an event loop in this thread; the test still uses the ORM
# synchronously (to look up what the browser created), which Django would otherwise refuse.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            raise RuntimeError(f"{CHROMIUM} is missing: make install installs Debian's chromium")
        pytest.skip(f"{CHROMIUM} not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        yield browser
        browser.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("GONGKAI_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder
