"""Coaching screens through AppTest: a session logged with follow-ups (and refused with the
values kept), My follow-ups (the staff landing page) closed and moved, another tab that closed
it first, All follow-ups for managers with a reassignment, and a track's attendance."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from sqlalchemy import Engine, func, select
from streamlit.testing.v1 import AppTest

from db import clock
from db.engine import session_scope
from db.models import CoachingSession, FollowUp, User
from db.permissions import SYSTEM
from db.queries.artisans import create_artisan
from db.queries.coaching_log import log_session
from db.queries.follow_ups import close_follow_up
from db.queries.tracks import create_track, enrol
from tests.conftest import actor, app_as


@pytest.fixture
def office(demo_users: Engine) -> dict[str, int]:
    """The demo users and two artisans: ids by username, "ana" and "bob"."""
    with session_scope(demo_users) as s:
        ids = {u: i for i, u in s.execute(select(User.id, User.username))}
        ids["ana"] = create_artisan(session=s, actor=SYSTEM, fields={
            "first_name": "Ana", "last_name": "Lopez", "business_name": "Atelier Zéphyr"}).id
        ids["bob"] = create_artisan(session=s, actor=SYSTEM, fields={
            "first_name": "Bob", "last_name": "Peeters"}).id
    return ids


def _open(page: str, role: str = "staff", lang: str = "en", **params: str) -> AppTest:
    at = app_as(role, lang=lang)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def _texts(at: AppTest) -> str:
    return " ".join([m.value for m in at.markdown] + [e.value for e in at.error]
                    + [s.value for s in at.success] + [w.value for w in at.warning]
                    + [i.value for i in at.info] + [c.value for c in at.caption])


def _follow_up(engine: Engine, office: dict[str, int], owner: str = "staff",
               due: date | None = None, action: str = "Envoyer la liste des primes") -> int:
    with session_scope(engine) as s:
        today = clock.today()
        logged = log_session(session=s, actor=actor("staff"), fields={
            "artisan_id": office["ana"], "coach_user_id": office["staff"],
            "held_on": today - timedelta(days=20), "duration_min": 60, "format": "office",
            "topic": "financing", "topic_other": None, "notes": None}, follow_ups=[
            {"action": action, "owner_user_id": office[owner],
             "due_on": due or today - timedelta(days=2)}])
        return int(s.scalar(select(FollowUp.id).where(FollowUp.session_id == logged.id)) or 0)


def test_staff_land_on_their_follow_ups(office: dict[str, int]) -> None:
    at = _open("", role="staff")
    assert at.title[0].value == "My follow-ups"
    assert "Nothing to do" in _texts(at)
    manager = _open("", role="manager")
    assert manager.title[0].value != "My follow-ups"  # managers land on the Overview


def test_a_session_with_a_follow_up_in_one_submit(office: dict[str, int]) -> None:
    at = _open("pages/coaching.py", lang="fr")
    at.text_input(key="coach_log_search").input("lop").run()
    at.selectbox(key="coach_log_artisan_id").set_value(office["ana"])
    at.number_input(key="coach_log_duration_min").set_value(90)
    at.selectbox(key="coach_log_topic").set_value("other").run()
    at.text_input(key="coach_log_topic_other").input("Recherche d'atelier")
    at.text_area(key="coach_log_notes").input("Visite de deux ateliers possibles")
    at.text_input(key="coach_log_fu0_action").input("Envoyer les annonces d'ateliers")
    at.button(key="coach_log_fu_add").click().run()
    at.text_input(key="coach_log_fu1_action").input("Rappeler après la visite")
    at.button(key="coach_log_save").click().run()
    assert not at.exception, at.exception
    assert "Séance enregistrée" in _texts(at)
    with session_scope() as s:
        logged = s.scalars(select(CoachingSession)).one()
        assert (logged.artisan_id, logged.duration_min, logged.topic, logged.topic_other) == (
            office["ana"], 90, "other", "Recherche d'atelier")
        due = s.scalars(select(FollowUp.due_on)).all()
        assert due == [clock.today() + timedelta(days=7)] * 2
    assert at.text_input(key="coach_log_fu0_action").value == ""  # clean for the next one
    assert at.text_area(key="coach_log_notes").value == ""
    assert at.selectbox(key="coach_log_artisan_id").value is None


def test_a_refused_session_keeps_what_was_typed(office: dict[str, int]) -> None:
    at = _open("pages/coaching.py", lang="nl")
    at.text_input(key="coach_log_search").input("peet").run()
    at.selectbox(key="coach_log_artisan_id").set_value(office["bob"])
    at.text_area(key="coach_log_notes").input("Lange notitie")
    at.text_input(key="coach_log_fu0_action").input("Offerte nakijken")
    at.date_input(key="coach_log_fu0_due").set_value(clock.today() - timedelta(days=3))
    at.button(key="coach_log_save").click().run()
    assert not at.exception, at.exception
    assert "De vervaldatum kan niet vóór de sessie liggen." in _texts(at)
    assert at.text_area(key="coach_log_notes").value == "Lange notitie"
    assert at.text_input(key="coach_log_fu0_action").value == "Offerte nakijken"
    with session_scope() as s:
        assert s.scalar(select(func.count()).select_from(CoachingSession)) == 0


def test_no_artisan_chosen_says_so_at_the_field(office: dict[str, int]) -> None:
    at = _open("pages/coaching.py")
    at.button(key="coach_log_save").click().run()
    assert "This field is required." in _texts(at) or "required" in _texts(at).lower()


def test_close_a_follow_up_in_one_tap(office: dict[str, int], demo_users: Engine) -> None:
    fu_id = _follow_up(demo_users, office)
    at = _open("pages/follow_ups.py")
    assert "Overdue (1)" in [h.value for h in at.subheader]
    assert "Envoyer la liste des primes" in _texts(at)
    at.button(key=f"fu_done_{fu_id}").click().run()
    assert not at.exception, at.exception
    assert "Follow-up closed: done." in _texts(at)
    assert "Nothing to do" in _texts(at)
    with session_scope(demo_users) as s:
        row = s.get(FollowUp, fu_id)
        assert row is not None and (row.status, row.closed_by) == ("done", "staff")


def test_move_a_follow_up_to_a_new_date(office: dict[str, int], demo_users: Engine) -> None:
    fu_id = _follow_up(demo_users, office)
    at = _open("pages/follow_ups.py", lang="fr")
    later = clock.today() + timedelta(days=30)
    assert not at.get("date_input")  # a card's other actions are drawn once opened
    at.toggle(key=f"fu_open_{fu_id}").set_value(True).run()
    at.date_input(key=f"fu_due_{fu_id}").set_value(later)
    at.button(key=f"fu_move_{fu_id}").click().run()
    assert "Échéance modifiée." in _texts(at)
    assert "Plus tard (1)" in [h.value for h in at.subheader]


def test_closed_in_another_tab_meanwhile(office: dict[str, int], demo_users: Engine) -> None:
    fu_id = _follow_up(demo_users, office)
    at = _open("pages/follow_ups.py")
    with session_scope(demo_users) as s:  # the same adviser, in a second tab
        row = s.get(FollowUp, fu_id)
        assert row is not None
        close_follow_up(session=s, actor=actor("staff"), follow_up_id=fu_id,
                        version=row.row_version, outcome="cancelled")
    at.button(key=f"fu_done_{fu_id}").click().run()
    assert not at.exception, at.exception
    assert "Someone has just closed this follow-up" in _texts(at)
    with session_scope(demo_users) as s:
        row = s.get(FollowUp, fu_id)
        assert row is not None and row.status == "cancelled"


def test_managers_see_who_is_late_and_reassign(office: dict[str, int],
                                               demo_users: Engine) -> None:
    fu_id = _follow_up(demo_users, office, owner="manager")
    _follow_up(demo_users, office, due=clock.today() + timedelta(days=30))
    at = _open("pages/follow_ups_all.py", role="manager")
    owners = at.dataframe[0].value
    assert list(owners["owner"]) == ["Marc Manager", "Sofie Staff"]
    assert list(owners["overdue"]) == [1, 0]
    at.selectbox(key="fu_owner").set_value(office["manager"]).run()
    assert len(at.dataframe[1].value) == 1
    at.multiselect(key="fu_reassign_ids").select(fu_id)
    at.selectbox(key="fu_reassign_owner").set_value(office["staff"])
    at.button(key="FormSubmitter:fu_reassign-Reassign").click().run()
    assert not at.exception, at.exception
    assert "Follow-ups reassigned." in _texts(at)
    with session_scope(demo_users) as s:
        row = s.get(FollowUp, fu_id)
        assert row is not None and row.owner_user_id == office["staff"]


def test_track_attendance_and_progress(office: dict[str, int], demo_users: Engine) -> None:
    with session_scope(demo_users) as s:
        track = create_track(session=s, actor=actor("staff"), fields={
            "title": "Parcours vendre en ligne", "description": "Boutique, photos",
            "first_on": clock.today() - timedelta(days=28), "sessions": 2, "every_weeks": 2,
            "topic": "digital_presence"})
        enrol(session=s, actor=actor("staff"), track_id=track.id,
              artisan_ids=[office["ana"], office["bob"]])
        track_id = track.id
    at = _open("pages/track.py", id=str(track_id))
    assert at.title[0].value == "Parcours vendre en ligne"
    session_key = at.selectbox(key="track_present_session").value
    ticks = f"track_present_{session_key}_ids"
    at.multiselect(key=ticks).select(office["ana"]).select(office["bob"])
    at.button(key="FormSubmitter:track_present-Save the attendance").click().run()
    assert not at.exception, at.exception
    assert "Attendance saved." in _texts(at)
    progress = at.dataframe[0].value
    assert list(progress["attended"]) == ["1 / 2", "1 / 2"]
    with session_scope(demo_users) as s:
        assert s.scalar(select(func.count()).select_from(CoachingSession).where(
            CoachingSession.track_id == track_id)) == 2


def test_partners_have_no_coaching_pages(office: dict[str, int]) -> None:
    links = [link.label for link in _open("", role="partner").sidebar.get("page_link")]
    assert links and not {"My follow-ups", "Coaching sessions", "All follow-ups",
                          "Tracks"} & set(links)
    staff = [link.label for link in _open("", role="staff").sidebar.get("page_link")]
    assert {"My follow-ups", "Coaching sessions", "Tracks"} <= set(staff)
    assert "All follow-ups" not in staff


def test_a_profile_opens_the_form_on_its_artisan(office: dict[str, int]) -> None:
    at = _open("pages/coaching.py", artisan=str(office["bob"]))
    assert at.selectbox(key="coach_log_artisan_id").value == office["bob"]
    at.button(key="coach_log_save").click().run()
    assert "Session saved" in _texts(at)
    with session_scope() as s:
        assert s.scalars(select(CoachingSession.artisan_id)).all() == [office["bob"]]


def test_a_session_is_read_back_with_its_notes_as_plain_text(office: dict[str, int],
                                                            demo_users: Engine) -> None:
    with session_scope(demo_users) as s:
        logged = log_session(session=s, actor=actor("staff"), fields={
            "artisan_id": office["ana"], "coach_user_id": office["staff"],
            "held_on": clock.today(), "duration_min": 45, "format": "phone",
            "topic": "other", "topic_other": "**Export**",
            "notes": "<b>Trésorerie</b> _tendue_"}, follow_ups=[])
        session_id = logged.id
    at = _open("pages/coaching.py")
    at.selectbox(key="coach_open_session").set_value(session_id).run()
    assert not at.exception, at.exception
    assert "<b>Trésorerie</b> _tendue_" in [x.value for x in at.text]
    assert "Other\\: \\*\\*Export\\*\\*" in _texts(at)  # escaped: shown as typed


def test_a_long_list_shows_a_few_cards_at_a_time(office: dict[str, int],
                                                 demo_users: Engine) -> None:
    for n in range(20):
        _follow_up(demo_users, office, due=clock.today() + timedelta(days=30 + n),
                   action=f"Action {n:02d}")
    at = _open("pages/follow_ups.py")
    def cards(at: AppTest) -> int:  # one "Done" button per card
        return len([b for b in at.button if b.key and re.fullmatch(r"fu_done_\d+", b.key)])

    assert cards(at) == 15 and "Later (20)" in [h.value for h in at.subheader]
    at.button(key="fu_more_later_button").click().run()
    assert cards(at) == 20
    assert "fu_more_later_button" not in [b.key for b in at.button]
