"""A database that is down, in a real browser: one error page, no list of the page files."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import open_app, screenshot
from tests.e2e.test_accessibility import serious_violations


@pytest.fixture
def db_url() -> str:
    """The app is started on a database nobody listens to."""
    return "postgresql+psycopg://u:secret@127.0.0.1:1/nowhere"


@pytest.fixture
def seeded() -> None:
    """Nothing to seed: the database is down."""


# Streamlit keeps its pages/ folder mode per process until st.navigation is first called, so a
# fresh server's first request to a deep link runs pages/<x>.py without app.py; every page
# calls components.auth.current_actor() first, which reruns through app.py.
@pytest.mark.parametrize("path", ["", "/admin_users", "/overview", "/account"])
def test_database_down_is_one_error_page(live_app: str, page: Page, path: str) -> None:
    open_app(page, live_app + path)
    expect(page.get_by_test_id("stAlertContentError")).to_contain_text(
        "La base de données est indisponible pour le moment.", timeout=20_000)
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)
    expect(page.get_by_test_id("stPageLink")).to_have_count(0)
    text = page.inner_text("body")
    for leak in ("127.0.0.1", "psycopg", "secret", "Traceback", "admin users", "admin audit"):
        assert leak not in text
    screenshot(page, f"database_down{path.replace('/', '_')}")
    assert serious_violations(page) == []  # the error page is a page like the others
