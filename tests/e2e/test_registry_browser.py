"""The registry in a real browser on a tablet: create an artisan, find them again, open the
profile; in French, Dutch and English, with screenshots to look at."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect
from sqlalchemy import func, select

from components.i18n import translate
from db.engine import session_scope
from db.models import Artisan, LabelStep
from tests.e2e.conftest import login, open_app, screenshot, wait_idle

PEOPLE = {"fr": ("Éloïse", "Dupré-Test", "1050", "0203.201.340"),
          "nl": ("Jozefien", "Van Acker-Test", "1030", "BE0403170701"),
          "en": ("Grace", "O'Neill-Test", "1000", "0404.616.494")}


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_create_find_and_open_an_artisan_on_a_tablet(live_app: str, browser: Browser,
                                                     lang: str) -> None:
    def tr(key: str, **params: str) -> str:
        return translate(key, lang, **params)

    page = browser.new_page(viewport={"width": 768, "height": 1024})
    login(page, live_app, "staff", "artisan-staff")
    open_app(page, f"{live_app}/new-artisan?lang={lang}")
    expect(page.get_by_role("heading", name=tr("artisans.new_title"))).to_be_visible(
        timeout=20_000)
    first, last, postcode, number = PEOPLE[lang]
    page.get_by_role("textbox", name=tr("artisans.first_name"), exact=True).fill(first)
    page.get_by_role("textbox", name=tr("artisans.last_name"), exact=True).fill(last)
    page.get_by_role("textbox", name=tr("artisans.postcode"), exact=True).fill(postcode)
    number_box = page.get_by_role("textbox", name=tr("artisans.enterprise_number"), exact=True)
    number_box.fill("0203.201.341")
    page.get_by_role("button", name=tr("artisans.create")).click()
    expect(page.get_by_text(tr("artisans.enterprise_check_digit"))).to_be_visible(
        timeout=20_000)
    screenshot(page, f"artisan_new_error_{lang}")
    number_box.fill(number)
    page.get_by_role("button", name=tr("artisans.create")).click()
    expect(page.get_by_role("heading", name=f"{first} {last}")).to_be_visible(timeout=20_000)
    expect(page.get_by_text(tr("artisans.created"))).to_be_visible()
    screenshot(page, f"artisan_profile_{lang}")

    page.get_by_role("link", name=tr("profile.back")).click()
    expect(page.get_by_role("heading", name=tr("registry.title"))).to_be_visible(
        timeout=20_000)
    page.get_by_role("textbox", name=tr("registry.search"), exact=True).fill(last.lower())
    page.keyboard.press("Enter")
    wait_idle(page)
    expect(page.get_by_text(tr("registry.count", count="1"))).to_be_visible(timeout=20_000)
    screenshot(page, f"registry_search_{lang}")
    page.get_by_role("link", name=tr("registry.open_link")).click()
    expect(page.get_by_role("heading", name=f"{first} {last}")).to_be_visible(timeout=20_000)
    assert page.url.split("?")[0].endswith("/artisan")
    open_app(page, f"{live_app}/artisan?id={_busiest(live_app)}&lang={lang}")
    expect(page.get_by_role("tab", name=tr("profile.tab_timeline"))).to_be_visible()
    screenshot(page, f"artisan_timeline_{lang}")
    page.get_by_role("tab", name=tr("profile.tab_label")).click()
    screenshot(page, f"artisan_label_{lang}")
    page.close()


def _busiest(_app: str) -> int:
    """The seeded artisan with the most label steps and attendances (a long timeline)."""
    with session_scope() as s:
        return int(s.scalar(select(LabelStep.artisan_id).group_by(LabelStep.artisan_id)
                            .order_by(func.count().desc(), LabelStep.artisan_id).limit(1)) or 1)


def test_import_a_sign_up_sheet_in_the_browser(live_app: str, browser: Browser,
                                               tmp_path: Path) -> None:
    """A Windows-1252, semicolon CSV as Excel saves it: one new row, one known artisan, one
    wrong enterprise number; preview, commit, and the same file again adds nothing."""
    with session_scope() as s:
        known = s.scalars(select(Artisan).where(Artisan.enterprise_number.is_not(None))
                          .order_by(Artisan.id).limit(1)).one()
        known_number = known.enterprise_number or ""
    sheet = tmp_path / "inscriptions.csv"
    sheet.write_bytes(("Prénom;Nom;Code postal;Numéro d'entreprise\r\n"
                       "Hélène;Lefèvre-Import;1060;0404.616.494\r\n"
                       f"Connu;Déjà;1000;{known_number}\r\n"
                       "Jean;Faux;1000;0123.456.788\r\n").encode("cp1252"))
    page = browser.new_page(viewport={"width": 1180, "height": 820})
    login(page, live_app, "staff", "artisan-staff")
    open_app(page, f"{live_app}/import?lang=fr")
    expect(page.get_by_role("heading", name=translate("imports.title", "fr"))).to_be_visible(
        timeout=20_000)
    page.locator("input[type=file]").first.set_input_files(str(sheet))
    commit = page.get_by_role("button", name=translate("imports.commit", "fr", count="1"))
    expect(commit).to_be_visible(timeout=20_000)
    screenshot(page, "import_preview_fr")
    commit.click()
    expect(page.get_by_text(translate("imports.nothing_new", "fr"))).to_be_visible(
        timeout=30_000)
    screenshot(page, "import_done_fr")
    with session_scope() as s:
        assert s.scalar(select(func.count()).where(Artisan.last_name == "Lefèvre-Import")) == 1
    page.close()
