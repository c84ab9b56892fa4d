"""Real-browser fixtures: the app served by `streamlit run`, Debian's Chromium via Playwright."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from components.auth import COOKIE_NAME
from tests.conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
SHOTS = ROOT / "artifacts" / "screenshots"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict:
    """Debian's Chromium, never a downloaded browser; no background traffic."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package")
    return {"executable_path": CHROMIUM, "headless": True,
            "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run"]}


@pytest.fixture(scope="session")
def browser_context_args() -> dict:
    """A landscape tablet (iPad-sized) screen."""
    return {"viewport": {"width": 1180, "height": 820}}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(db_url: str) -> Iterator[str]:
    """`streamlit run app.py` on a free port over a database; its base URL while it runs."""
    port = _free_port()
    env = os.environ | {"DATABASE_URL": db_url}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
         "--server.headless", "true", "--server.address", "127.0.0.1",
         "--server.port", str(port), "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError("streamlit did not start") from None
                time.sleep(0.3)
        yield base
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


@pytest.fixture
def live_app(seeded: Engine, db_url: str) -> Iterator[str]:
    """The app served over the seeded test database; its base URL."""
    with serving(db_url) as base:
        yield base


@pytest.fixture
def second_app(live_app: str, db_url: str) -> Iterator[str]:
    """A second app server process over the same database (as behind a load balancer)."""
    with serving(db_url) as base:
        yield base


def screenshot(page: Any, name: str) -> Path:
    """Save a full-page screenshot under artifacts/screenshots/ (look at it)."""
    from playwright.sync_api import expect

    wait_idle(page)
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=20_000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    # Streamlit scrolls inside its main block, so a full-page shot needs a tall viewport.
    size = page.viewport_size
    height = page.evaluate(
        "() => document.querySelector('[data-testid=stMain]')?.scrollHeight || 820")
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], height)})
    page.wait_for_timeout(600)
    page.screenshot(path=str(path))
    page.set_viewport_size(size)
    return path


IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def wait_idle(page: Any) -> None:
    """Wait until the script run is over, and the one a mounting component may start, too.

    A click sent while the cookie component's first rerun starts can be lost; people are
    slower than Playwright, so the tests wait as they would."""
    page.wait_for_selector(IDLE, timeout=30_000)
    page.wait_for_timeout(500)
    page.wait_for_selector(IDLE, timeout=30_000)


def open_app(page: Any, url: str) -> None:
    """Load a URL of the app and wait until it is ready for input."""
    page.goto(url)
    wait_idle(page)


# The heading each demo user lands on (advisers on their follow-ups, the others the Overview).
LANDING = {"staff": "Mes suivis"}


def login(page: Any, base: str, username: str, password: str) -> None:
    """Log in through the form, as a person would, and wait for the landing page."""
    from playwright.sync_api import expect

    open_app(page, base)
    page.get_by_role("textbox", name="Nom d'utilisateur").fill(username)
    page.get_by_role("textbox", name="Mot de passe").fill(password)
    overview = page.get_by_role("heading", name=LANDING.get(username, "Vue d'ensemble du plan"))
    for attempt in range(3):
        page.get_by_role("button", name="Se connecter").click()
        try:
            expect(overview).to_be_visible(timeout=15_000)
            break
        except AssertionError:
            # On a loaded machine the click can land while the cookie component's first
            # rerun starts and be dropped, leaving the filled form: a person clicks again.
            wait_idle(page)
            if attempt == 2 or overview.count():
                expect(overview).to_be_visible(timeout=15_000)
                break
    wait_idle(page)
    # The re-login cookie reaches the browser through a component, a moment after the landing
    # page shows: a link opened before it would find nobody logged in ("Page not found").
    for _ in range(100):
        if any(c["name"] == COOKIE_NAME for c in page.context.cookies()):
            break
        page.wait_for_timeout(100)
    else:
        raise AssertionError(f"no {COOKIE_NAME} cookie after logging in as {username}")
