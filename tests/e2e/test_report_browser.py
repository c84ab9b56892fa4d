"""The report in a real browser: the page, its download, and the downloaded file opened on its
own (offline: a file:// page, with every request refused) in French, Dutch and English, for a
manager and a partner, with screenshots to look at."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from components.i18n import translate
from tests.e2e.conftest import SHOTS, login, open_app, screenshot
from tests.e2e.test_accessibility import serious_violations


def _prepare(page: Page, lang: str) -> None:
    """Ask for the report: its figures are read, the download button takes the place of this
    one, and the prepared page passes axe-core as the page before it did."""
    page.get_by_role("button", name=translate("report.prepare", lang)).click()
    expect(page.get_by_role("button", name=translate("report.download", lang))
           ).to_be_visible(timeout=30_000)
    expect(page.get_by_role("button", name=translate("report.prepare", lang))).to_have_count(0)
    assert serious_violations(page) == []


def _download(page: Page, lang: str, tmp_path: Path) -> Path:
    """Press the report's button and save the file it gives."""
    button = page.get_by_role("button", name=translate("report.download", lang))
    expect(button).to_be_visible(timeout=20_000)
    with page.expect_download(timeout=60_000) as caught:
        button.click()
    target = tmp_path / caught.value.suggested_filename
    caught.value.save_as(target)
    return target


def _open_offline(browser: Browser, file: Path, name: str) -> Page:
    """The downloaded file in a fresh page that may fetch nothing (self-contained or broken)."""
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    requests: list[str] = []

    def refuse(route: Route) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
            return
        requests.append(route.request.url)
        route.abort()

    page.route("**/*", refuse)
    page.goto(file.as_uri())
    assert requests == []
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    return page


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_a_manager_downloads_the_report(live_app: str, browser: Browser, lang: str,
                                        tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    login(page, live_app, "manager", "artisan-manager")
    open_app(page, f"{live_app}/report?lang={lang}&period=plan")
    expect(page.get_by_role("heading", name=translate("nav.report", lang), level=1)
           ).to_be_visible(timeout=20_000)
    _prepare(page, lang)
    screenshot(page, f"report_page_{lang}")
    file = _download(page, lang, tmp_path)
    assert file.name.endswith("-2023-01-01-2024-12-31.html")
    assert 20_000 < file.stat().st_size < 5_000_000  # figures and inline charts, no more
    report = _open_offline(browser, file, f"report_file_{lang}")
    expect(report.locator("html")).to_have_attribute("lang", lang)
    expect(report.get_by_role("heading", level=1)).to_have_text(
        translate("report.title", lang))
    expect(report.get_by_role("heading", name=translate("nav.dash_coaching", lang), level=2)
           ).to_be_visible()
    assert report.locator("svg").count() >= 3  # the charts, drawn inline
    report.close()
    page.close()
