"""Live across servers: two app server processes on one database; a coaching session logged
through one shows in the Overview's figure on the next render of the other (the cached reads
are keyed on the data versions stored in the database, not on anything in a process)."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, expect
from sqlalchemy import select

from components.i18n import translate
from db import clock
from db.engine import session_scope
from db.models import Artisan
from tests.e2e.conftest import login, open_app, wait_idle


def _sessions_card(page: object, lang: str) -> int:
    label = translate("overview.sessions", lang, year=str(clock.today().year))
    card = page.get_by_test_id("stMetric").filter(  # type: ignore[attr-defined]
        has=page.get_by_text(label, exact=True))  # type: ignore[attr-defined]
    text = card.get_by_test_id("stMetricValue").inner_text(timeout=20_000)
    return int(re.sub(r"\D", "", text))


def test_a_write_on_one_server_shows_on_the_other(live_app: str, second_app: str,
                                                 browser: Browser) -> None:
    manager = browser.new_page(viewport={"width": 1366, "height": 900})
    login(manager, second_app, "manager", "artisan-manager")
    before = _sessions_card(manager, "fr")

    with session_scope() as s:
        last = s.scalars(select(Artisan.last_name).where(Artisan.erased_at.is_(None))
                         .order_by(Artisan.id).limit(1)).one()
    adviser = browser.new_page(viewport={"width": 768, "height": 1024})
    login(adviser, live_app, "staff", "artisan-staff")
    open_app(adviser, f"{live_app}/coaching")
    search = adviser.get_by_role("textbox", name=translate("coaching.artisan_search", "fr"))
    search.fill(last)
    search.press("Enter")
    wait_idle(adviser)
    adviser.get_by_role("combobox", name=translate("coaching.artisan", "fr")).click()
    adviser.get_by_role("option").first.click()
    wait_idle(adviser)
    adviser.get_by_role("button", name=translate("coaching.save_session", "fr")).click()
    expect(adviser.get_by_text(translate("coaching.session_saved", "fr"))).to_be_visible(
        timeout=20_000)

    # The manager's next render on the other server: a rerun of the same session (the
    # language switch), not a new one.
    manager.get_by_test_id("stSelectbox").first.click()
    manager.get_by_role("option", name="Nederlands").click()
    wait_idle(manager)
    assert _sessions_card(manager, "nl") == before + 1
