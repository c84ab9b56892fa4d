"""WCAG 2.1 AA in the browser: axe-core over every page each role can open, page language and
titles, keyboard-only use, and 200% zoom."""

from __future__ import annotations

import re
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Locator, Page, expect

from components.i18n import translate
from tests.e2e.conftest import login, open_app, screenshot, wait_idle

AXE = Axe()
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
           "resultTypes": ["violations"]}
PASSWORDS = {"admin": "artisan-admin", "manager": "artisan-manager", "staff": "artisan-staff",
             "partner": "artisan-partner"}
# A role's default page lives at the root: /overview is not one of the Overview's addresses
# for a manager, nor /my-follow-ups of My follow-ups for staff.
EVERYONE = ["", "account", "accessibility"]
DASHBOARDS = ["coaching-dashboard", "campaign-dashboard", "community-dashboard",
              "label-dashboard", "report"]
# The registry's screens, the profile of a seeded artisan among them.
REGISTRY = ["registry", "new-artisan", "artisan?id=1", "import"]
EVENTS = ["events", "event?id=1", "checkin"]
# Staff land on their follow-ups (the root, so their Overview has an address of its own);
# managers and admins also see everyone's follow-ups.
COACHING = ["coaching", "tracks", "track?id=1"]
PAGES = {"admin": ["", *REGISTRY, *EVENTS, "my-follow-ups", *COACHING, "follow-ups", "users",
                   "audit", "account", "accessibility"],
         "manager": [*EVERYONE, *DASHBOARDS, *REGISTRY, *EVENTS, "my-follow-ups", *COACHING,
                     "follow-ups", "campaign-figures", "targets"],
         "staff": [*EVERYONE, "overview", *DASHBOARDS, *REGISTRY, *EVENTS, *COACHING,
                   "campaign-figures"],
         "partner": [*EVERYONE, *DASHBOARDS]}


def serious_violations(page: Page) -> list[str]:
    """axe-core's serious and critical WCAG 2.0/2.1 A and AA violations, as 'rule: targets'."""
    response: dict[str, Any] = AXE.run(page, options=WCAG_AA).response
    return [f"{v['id']} ({v['impact']}): " + "; ".join(
                f"{n['target']} {n.get('failureSummary', '')[:160]!r}" for n in v["nodes"])
            for v in response["violations"] if v["impact"] in ("serious", "critical")]


def _scan(page: Page, base: str, paths: list[str]) -> dict[str, list[str]]:
    found = {}
    for path in paths:
        open_app(page, f"{base}/{path}")
        assert page.get_by_text("Page not found").count() == 0, path
        expect(page.locator("h1").first).to_be_visible()
        if problems := serious_violations(page):
            found[path] = problems
    return found


def test_login_and_statement_pages_pass_axe(live_app: str, page: Page) -> None:
    found = _scan(page, live_app, ["", "accessibility"])
    screenshot(page, "accessibility_statement_fr")
    assert not found, found
    open_app(page, live_app)  # the statement is one link away from the login form
    page.get_by_role("main").get_by_role("link", name="Déclaration d'accessibilité").click()
    expect(page.get_by_role("heading", name="Déclaration d'accessibilité")).to_be_visible(
        timeout=20_000)


@pytest.mark.parametrize("role", sorted(PAGES))
def test_every_page_of_every_role_passes_axe(live_app: str, page: Page, role: str) -> None:
    login(page, live_app, role, PASSWORDS[role])
    found = _scan(page, live_app, PAGES[role])
    assert not found, found


@pytest.mark.parametrize(("lang", "option", "title"), [
    ("fr", None, "Vue d'ensemble · Plan artisanat · hub.brussels"),
    ("nl", "Nederlands", "Overzicht · Ambachtsplan · hub.brussels"),
    ("en", "English", "Overview · Artisans plan · hub.brussels")])
def test_the_page_declares_its_language_and_names_itself(live_app: str, page: Page, lang: str,
                                                         option: str | None, title: str) -> None:
    login(page, live_app, "manager", PASSWORDS["manager"])
    if option:
        page.get_by_test_id("stSelectbox").first.click()
        page.get_by_role("option", name=option).click()
        wait_idle(page)
    expect(page.locator("html")).to_have_attribute("lang", lang, timeout=20_000)
    expect(page).to_have_title(title, timeout=20_000)
    page.get_by_test_id("stSidebar").get_by_role("link", name=translate("nav.registry", lang)
                                                 ).click()
    wait_idle(page)
    expect(page).to_have_title(re.compile(r"^(Artisan·e·s|Ambachtslui|Artisans) · "))
    expect(page.locator("html")).to_have_attribute("lang", lang)


def _tab_to(page: Page, locator: Locator, limit: int = 40) -> None:
    """Press Tab until the element has the focus, as a keyboard user would."""
    for _ in range(limit):
        if locator.evaluate("e => e === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{locator} never got the focus with Tab")


def test_login_and_a_form_with_the_keyboard_alone(live_app: str, page: Page) -> None:
    open_app(page, live_app)
    username = page.get_by_role("textbox", name="Nom d'utilisateur")
    _tab_to(page, username)
    ring = username.evaluate("e => [getComputedStyle(e).outlineStyle, "
                             "getComputedStyle(e).outlineWidth]")
    assert ring == ["solid", "3px"]  # the house focus ring, not a faint default
    page.keyboard.type("staff")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORDS["staff"])
    page.keyboard.press("Enter")  # submits the form
    expect(page.get_by_role("heading", name="Mes suivis")).to_be_visible(timeout=30_000)
    wait_idle(page)
    account = page.get_by_test_id("stSidebar").get_by_role("link", name="Mon compte")
    _tab_to(page, account)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Mon compte")).to_be_visible(timeout=20_000)
    wait_idle(page)
    _tab_to(page, page.get_by_role("textbox", name="Mot de passe actuel"))
    page.keyboard.type(PASSWORDS["staff"])
    _tab_to(page, page.get_by_role("textbox", name="Nouveau mot de passe", exact=True))
    page.keyboard.type("a-keyboard-password")
    _tab_to(page, page.get_by_role("textbox", name="Confirmer le nouveau mot de passe"))
    page.keyboard.type("a-keyboard-password")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Mot de passe changé.")).to_be_visible(timeout=20_000)
    screenshot(page, "account_keyboard_fr")


NO_OVERFLOW = """() => {
  const doc = document.documentElement;
  const cut = [...document.querySelectorAll(
      'h1, h2, h3, p, label, [data-testid=stMetricValue], [data-testid=stMetricLabel], button')]
    .filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1
            && getComputedStyle(e).overflowX !== 'visible')
    .map(e => e.tagName + ': ' + e.textContent.slice(0, 40));
  return {scroll: doc.scrollWidth - doc.clientWidth, cut};
}"""


@pytest.mark.parametrize("path", ["", "account"])
def test_zoom_200_percent_needs_no_horizontal_scrolling(live_app: str, browser: Browser,
                                                       path: str) -> None:
    """A 1280 px wide window at 200% zoom: a 640 CSS px wide viewport at twice the pixels."""
    page = browser.new_page(viewport={"width": 640, "height": 400}, device_scale_factor=2)
    login(page, live_app, "manager", PASSWORDS["manager"])
    open_app(page, f"{live_app}/{path}")
    result = page.evaluate(NO_OVERFLOW)
    screenshot(page, f"zoom200_{path or 'overview'}")
    page.close()
    assert result["scroll"] <= 0, result
    assert result["cut"] == [], result
