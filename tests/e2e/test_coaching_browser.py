"""Logging a coaching session with a follow-up in a real browser on a tablet (768x1024), then
finding it on My follow-ups and closing it; in French, Dutch and English, with screenshots."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect
from sqlalchemy import select

from components.i18n import translate
from db.engine import session_scope
from db.models import Artisan, FollowUp
from tests.e2e.conftest import login, open_app, screenshot, wait_idle

ACTIONS = {"fr": "Envoyer le formulaire du label", "nl": "Erkenningsformulier opsturen",
           "en": "Send the label form"}


def _someone() -> tuple[str, str]:
    with session_scope() as s:
        person = s.scalars(select(Artisan).where(Artisan.erased_at.is_(None),
                                                 Artisan.business_name.is_not(None))
                           .order_by(Artisan.id).limit(1)).one()
        return person.last_name, person.first_name


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_log_a_session_with_a_follow_up_on_a_tablet(live_app: str, browser: Browser,
                                                    lang: str) -> None:
    def tr(key: str, **params: str) -> str:
        return translate(key, lang, **params)

    last, first = _someone()
    page = browser.new_page(viewport={"width": 768, "height": 1024})
    login(page, live_app, "staff", "artisan-staff")
    open_app(page, f"{live_app}/coaching?lang={lang}")
    expect(page.get_by_role("heading", name=tr("coaching.title"))).to_be_visible(timeout=20_000)
    search = page.get_by_role("textbox", name=tr("coaching.artisan_search"))
    search.fill(last)
    search.press("Enter")
    wait_idle(page)
    page.get_by_role("combobox", name=tr("coaching.artisan")).click()
    page.get_by_role("option", name=f"{last} {first}").first.click()
    wait_idle(page)
    page.get_by_role("radiogroup").get_by_text(tr("format.on_site")).click()
    page.get_by_role("textbox", name=tr("coaching.notes")).fill("Dossier presque complet.")
    page.get_by_role("textbox", name=tr("coaching.fu_action", n="1")).fill(ACTIONS[lang])
    page.get_by_role("textbox", name=tr("coaching.fu_action", n="1")).press("Tab")
    wait_idle(page)
    screenshot(page, f"coaching_log_{lang}")
    page.get_by_role("button", name=tr("coaching.save_session")).click()
    expect(page.get_by_text(tr("coaching.session_saved"))).to_be_visible(timeout=20_000)
    expect(page.get_by_role("textbox", name=tr("coaching.fu_action", n="1"))).to_have_value("")
    screenshot(page, f"coaching_saved_{lang}")

    # On a tablet the sidebar is folded away: the link at the top of the page leads there.
    page.get_by_role("main").get_by_role("link", name=tr("coaching.to_my_follow_ups")).click()
    wait_idle(page)
    expect(page.get_by_role("heading", name=tr("coaching.my_title"))).to_be_visible(
        timeout=20_000)
    expect(page.get_by_text(ACTIONS[lang])).to_be_visible(timeout=20_000)
    screenshot(page, f"follow_ups_mine_{lang}")
    with session_scope() as s:
        fu_id = s.scalar(select(FollowUp.id).where(FollowUp.action == ACTIONS[lang]))
    card = page.locator(f".st-key-fu_done_{fu_id}")
    card.get_by_role("button").click()
    expect(page.get_by_text(tr("coaching.closed_done"))).to_be_visible(timeout=20_000)
    expect(page.get_by_text(ACTIONS[lang])).to_have_count(0)
    screenshot(page, f"follow_ups_closed_{lang}")
    page.close()


def test_managers_see_everyone_s_follow_ups_on_a_laptop(live_app: str, browser: Browser) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    login(page, live_app, "manager", "artisan-manager")
    open_app(page, f"{live_app}/follow-ups")
    expect(page.get_by_role("heading", name="Tous les suivis")).to_be_visible(timeout=20_000)
    expect(page.get_by_test_id("stDataFrame").first).to_be_visible(timeout=20_000)
    screenshot(page, "follow_ups_all_fr")
    open_app(page, f"{live_app}/tracks?lang=en")
    expect(page.get_by_role("heading", name="Tracks")).to_be_visible(timeout=20_000)
    screenshot(page, "tracks_en")
    open_app(page, f"{live_app}/track?id=1&lang=nl")
    expect(page.get_by_role("heading", level=1)).to_be_visible(timeout=20_000)
    screenshot(page, "track_nl")
    page.close()
