"""The Overview in a real browser, as an adviser on a tablet would open it."""

from __future__ import annotations

import re
from datetime import date

from playwright.sync_api import Page, expect

from components.i18n import translate
from tests.e2e.conftest import login, screenshot, wait_idle


def _labels(lang: str) -> list[str]:
    keys = ("overview.members", "overview.certified", "overview.impressions",
            "overview.sessions", "overview.follow_ups_open", "overview.follow_ups_overdue")
    return [translate(k, lang, year=date.today().year) for k in keys]


def test_overview_loads_with_figures_and_chart(live_app: str, page: Page) -> None:
    login(page, live_app, "manager", "artisan-manager")
    expect(page.get_by_test_id("stMetricLabel")).to_have_text(_labels("fr"))
    expect(page.get_by_test_id("stMetricValue").first).to_have_text(re.compile(r"^\d[\d.]*$"))
    expect(page.locator("canvas, svg.marks").first).to_be_visible(timeout=20_000)
    assert screenshot(page, "overview_fr").stat().st_size > 10_000


def test_language_switch_in_the_browser(live_app: str, page: Page) -> None:
    login(page, live_app, "manager", "artisan-manager")
    for option, lang in (("Nederlands", "nl"), ("English", "en")):
        page.get_by_test_id("stSelectbox").first.click()
        page.get_by_role("option", name=option).click()
        wait_idle(page)
        expect(page.get_by_role("heading", name=translate("overview.title", lang)))\
            .to_be_visible(timeout=20_000)
        expect(page.get_by_test_id("stMetricLabel")).to_have_text(_labels(lang),
                                                                  timeout=20_000)
        screenshot(page, f"overview_{lang}")
