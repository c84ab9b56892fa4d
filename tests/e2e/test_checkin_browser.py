"""The door check-in in a real browser on a tablet (768x1024): search, one tap, the same
person again, a walk-in; in French, Dutch and English, with screenshots to look at."""

from __future__ import annotations

from datetime import time

import pytest
from playwright.sync_api import Browser, expect
from sqlalchemy import select

from components.i18n import translate
from db import clock
from db.engine import session_scope
from db.models import Artisan
from db.permissions import SYSTEM
from db.queries.events import create_event
from db.queries.registrations import register
from tests.e2e.conftest import login, open_app, screenshot, wait_idle

WALK_INS = {"fr": ("Lucie", "Porte-Test"), "nl": ("Wout", "Deur-Test"),
            "en": ("Amy", "Door-Test")}


def _tonight() -> tuple[int, str, str]:
    """An event today with three registered artisans: its id, and one person's names."""
    with session_scope() as s:
        event = create_event(session=s, actor=SYSTEM, fields={
            "title": "Apéro des artisan·e·s", "kind": "networking", "action": "community",
            "day": clock.today(), "time": time(18, 0), "venue": "hub.brussels",
            "commune_nis": "21013", "capacity": 40})
        people = s.scalars(select(Artisan).where(Artisan.erased_at.is_(None))
                           .order_by(Artisan.id).limit(3)).all()
        register(session=s, actor=SYSTEM, event_id=event.id, artisan_ids=[p.id for p in people])
        return event.id, people[0].first_name, people[0].last_name


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_a_door_check_in_on_a_tablet(live_app: str, browser: Browser, lang: str) -> None:
    def tr(key: str, **params: str) -> str:
        return translate(key, lang, **params)

    event_id, first, last = _tonight()
    page = browser.new_page(viewport={"width": 768, "height": 1024})
    login(page, live_app, "staff", "artisan-staff")
    open_app(page, f"{live_app}/checkin?event={event_id}&lang={lang}")
    expect(page.get_by_role("heading", name=tr("door.title"))).to_be_visible(timeout=20_000)
    search = page.get_by_role("textbox", name=tr("door.search"))
    search.fill(last[:3])
    search.press("Enter")
    wait_idle(page)
    person = page.get_by_role("button", name=f"{last} {first}").first
    expect(person).to_be_visible(timeout=20_000)
    screenshot(page, f"door_search_{lang}")
    person.click()
    # The whole message up to the time: the name alone is also on the button, which may
    # still be on screen while the page runs again.
    welcome = tr("door.checked_in", name=f"{last} {first}", time="\0").split("\0")[0]
    expect(page.get_by_text(welcome.strip())).to_be_visible(timeout=20_000)
    screenshot(page, f"door_checked_in_{lang}")
    search.fill(last[:3])
    search.press("Enter")
    wait_idle(page)
    page.get_by_role("button", name=f"{last} {first}").first.click()
    expect(page.get_by_text("Sofie Staff")).to_be_visible(timeout=20_000)
    screenshot(page, f"door_already_{lang}")
    page.get_by_text(tr("door.walk_in")).click()
    walk_first, walk_last = WALK_INS[lang]
    page.get_by_role("textbox", name=tr("artisans.first_name"), exact=True).fill(walk_first)
    page.get_by_role("textbox", name=tr("artisans.last_name"), exact=True).fill(walk_last)
    page.get_by_role("button", name=tr("door.walk_in_add")).click()
    expect(page.get_by_text(walk_last)).to_be_visible(timeout=20_000)
    screenshot(page, f"door_walk_in_{lang}")
    page.close()


def test_events_list_and_one_event_on_a_laptop(live_app: str, browser: Browser) -> None:
    event_id, _, _ = _tonight()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    login(page, live_app, "manager", "artisan-manager")
    open_app(page, f"{live_app}/events?lang=en")
    expect(page.get_by_role("heading", name="Events")).to_be_visible(timeout=20_000)
    screenshot(page, "events_upcoming_en")
    open_app(page, f"{live_app}/event?id={event_id}&lang=en")
    expect(page.get_by_role("heading", name="Apéro des artisan·e·s")).to_be_visible(
        timeout=20_000)
    screenshot(page, "event_registrations_en")
    page.get_by_role("tab", name="After the event").click()
    wait_idle(page)
    screenshot(page, "event_after_en")
    page.close()
