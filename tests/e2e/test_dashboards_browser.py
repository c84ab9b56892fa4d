"""The four dashboards in a real browser, on a laptop and on a 768 px tablet, in French, Dutch
and English, with screenshots to look at; partners get them disclosed; a shared link opens on
its filters. One login per screen size and language, then every dashboard in turn."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from components.i18n import translate
from tests.e2e.conftest import login, open_app, screenshot

SIZES = {"laptop": (1366, 900), "tablet": (768, 1024)}
# address, title key, a heading each dashboard must show (its main chart's)
DASHBOARDS = (("community-dashboard", "nav.dash_community", "community.per_event_title"),
              ("coaching-dashboard", "nav.dash_coaching", "kpi.sessions_by_month"),
              ("label-dashboard", "nav.dash_label", "label_kpi.funnel"),
              ("campaign-dashboard", "nav.dash_campaign", "campaign_kpi.by_month"))


def _visit(page: Page, base: str, path: str, title_key: str, lang: str,
           heading: str | None) -> None:
    open_app(page, f"{base}/{path}?lang={lang}&period=plan")
    expect(page.get_by_role("heading", name=translate(title_key, lang), level=1)
           ).to_be_visible(timeout=20_000)
    expect(page.get_by_test_id("stMetricValue").first).to_be_visible(timeout=20_000)
    if heading:
        expect(page.get_by_role("heading", name=translate(heading, lang))).to_be_visible(
            timeout=20_000)
    expect(page.locator("canvas, svg.marks").first).to_be_visible(timeout=20_000)


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
@pytest.mark.parametrize("size", sorted(SIZES))
def test_every_dashboard(live_app: str, browser: Browser, lang: str, size: str) -> None:
    width, height = SIZES[size]
    page = browser.new_page(viewport={"width": width, "height": height})
    login(page, live_app, "manager", "artisan-manager")
    for path, title_key, heading in DASHBOARDS:
        _visit(page, live_app, path, title_key, lang, heading)
        screenshot(page, f"dash_{path.split('-')[0]}_{size}_{lang}")
    page.close()


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_partners_get_the_disclosed_dashboards(live_app: str, browser: Browser,
                                               lang: str) -> None:
    """A partner on a 768 px tablet: every dashboard, on the plan 2023-2024, region-wide (no
    commune or sector filter), with the note on their periods."""
    page = browser.new_page(viewport={"width": 768, "height": 1024})
    login(page, live_app, "partner", "artisan-partner")
    for path, title_key, _ in DASHBOARDS:
        _visit(page, live_app, path, title_key, lang, None)
        expect(page.get_by_text(translate("privacy.partner_periods", lang))).to_be_visible()
        expect(page.get_by_role("combobox", name=translate("filters.commune", lang))
               ).to_have_count(0)
        screenshot(page, f"dash_partner_{path.split('-')[0]}_{lang}")
    page.close()


def test_a_link_to_one_campaign_in_april_2023_reads_by_week(live_app: str,
                                                            browser: Browser) -> None:
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    login(page, live_app, "manager", "artisan-manager")
    open_app(page, f"{live_app}/campaign-dashboard?lang=en&period=custom&from=2023-04-01"
                   "&to=2023-04-30&campaign=1")
    expect(page.get_by_role("heading", name=translate("campaign_kpi.by_week", "en"))
           ).to_be_visible(timeout=20_000)
    expect(page.locator("canvas, svg.marks").nth(1)).to_be_visible(timeout=20_000)
    screenshot(page, "dash_campaign_april_2023_en")
    page.close()
