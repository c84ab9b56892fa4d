"""Outside review of the coaching screens (issue 9) through AppTest: markdown and HTML typed by
users on every coaching page, raw translation keys in FR/NL/EN, a partner hunting for persons,
a stale tab, erased artisans and deactivated advisers on screen, odd addresses, errors that
must not reach the browser, and long lists."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, func, select, update
from sqlalchemy.exc import OperationalError
from streamlit.testing.v1 import AppTest

from db import clock
from db.engine import session_scope
from db.models import CoachingSession, FollowUp, TrackSession, User
from db.permissions import SYSTEM
from db.queries.artisans import create_artisan
from db.queries.coaching_log import log_session
from db.queries.erasure import erase_artisan
from db.queries.follow_ups import close_follow_up, reassign_follow_up
from db.queries.tracks import Attendance, create_track, enrol, record_attendance
from db.queries.users import create_user
from tests.conftest import actor, app_as

PAYLOAD = "[clic](https://evil.example) <img src=x onerror=alert(1)> **gras** :red[rouge] $x^2$"
# The payload's markup with no backslash before it: what markdown or HTML would act on.
LIVE = re.compile(r"(?<!\\)\]\(https|(?<!\\)<img|(?<!\\)\*(?<!\\)\*gras|(?<!\\):red"
                  r"(?<!\\)\[|(?<!\\)\$x")
MARKDOWN_TYPES = {"markdown", "caption", "title", "header", "subheader", "error", "warning",
                  "info", "success", "toast"}
RAW_KEY = re.compile(r"\b(?:coaching|coaching_topic|track|follow_up|format|nav|form|errors"
                     r"|events|profile)\.[a-z][a-z_]+\b(?!\.py)")
PAGES = ("pages/follow_ups.py", "pages/coaching.py", "pages/follow_ups_all.py",
         "pages/tracks.py", "pages/track.py", "pages/artisan.py")


def _walk(node: Any) -> Iterator[Any]:
    yield node
    children = getattr(node, "children", None)
    if isinstance(children, dict):
        for child in children.values():
            yield from _walk(child)


def _nodes(at: AppTest) -> list[Any]:
    return list(_walk(at._tree))


def _everything(at: AppTest) -> str:
    """Every element's protobuf as text: bodies, labels, options, column labels, cells."""
    return "\n".join(str(getattr(n, "proto", "")) for n in _nodes(at))


def _rendered_as_markdown(at: AppTest) -> list[str]:
    """The strings Streamlit renders as markdown: bodies of markdown, headings and alerts,
    labels of widgets, tabs, expanders, metrics and page links, and help texts."""
    found: list[str] = []
    for node in _nodes(at):
        kind = getattr(node, "type", "")
        proto = getattr(node, "proto", None)
        if kind in MARKDOWN_TYPES:
            found.append(str(getattr(node, "value", "") or getattr(proto, "body", "")))
        for attr in ("label", "help"):
            value = getattr(proto, attr, None) if proto is not None else None
            if isinstance(value, str) and value:
                found.append(value)
    return found


def _texts(at: AppTest) -> str:
    return " ".join(_rendered_as_markdown(at))


def _open(page: str, role: str = "staff", lang: str = "en", **params: str) -> AppTest:
    at = app_as(role, lang=lang)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def office(demo_users: Engine) -> dict[str, int]:
    """Demo users plus "coach2" (display name with markup), artisans "ana" (every name with
    markup) and "bob"; ids by key."""
    with session_scope(demo_users) as s:
        create_user(session=s, actor=SYSTEM, username="coach2", display_name="Coach Two",
                    role="staff", password="a long enough password 1")
        ids = {u: i for i, u in s.execute(select(User.id, User.username))}
        ids["ana"] = create_artisan(session=s, actor=SYSTEM, fields={
            "first_name": "Ana " + PAYLOAD[:40], "last_name": "Lopez " + PAYLOAD[40:],
            "business_name": PAYLOAD}).id
        ids["bob"] = create_artisan(session=s, actor=SYSTEM, fields={
            "first_name": "Bob", "last_name": "Peeters"}).id
    with demo_users.begin() as conn:  # a display name with markup (an admin typed it)
        conn.execute(update(User).where(User.username == "coach2").values(
            display_name="Coach " + PAYLOAD[:60]))
    return ids


def _session(engine: Engine, ids: dict[str, int], artisan: str = "ana", coach: str = "staff",
             days_ago: int = 10, follow_ups: list[tuple[str, str, int]] | None = None) -> int:
    """A session with free texts full of markup and follow-ups (owner, action, due in days)."""
    today = clock.today()
    with session_scope(engine) as s:
        return log_session(session=s, actor=actor("staff"), fields={
            "artisan_id": ids[artisan], "coach_user_id": ids[coach],
            "held_on": today - timedelta(days=days_ago), "duration_min": 60,
            "format": "office", "topic": "other", "topic_other": PAYLOAD[:150],
            "notes": PAYLOAD}, follow_ups=[
            {"action": action, "owner_user_id": ids[owner],
             "due_on": today + timedelta(days=due)} for owner, action, due in follow_ups or []]
        ).id


def _track(engine: Engine, ids: dict[str, int], first_on: date, present: tuple[str, ...] = ()
           ) -> int:
    with session_scope(engine) as s:
        track = create_track(session=s, actor=actor("staff"), fields={
            "title": PAYLOAD, "description": PAYLOAD, "first_on": first_on, "sessions": 3,
            "every_weeks": 2, "topic": "pricing"})
        enrol(session=s, actor=actor("staff"), track_id=track.id,
              artisan_ids=[ids["ana"], ids["bob"]])
        if present:
            planned = s.scalar(select(TrackSession.id).where(TrackSession.track_id == track.id,
                                                             TrackSession.seq == 1))
            assert planned is not None
            record_attendance(session=s, actor=actor("staff"), track_session_id=planned,
                              attendance=Attendance(
                                  held_on=first_on, duration_min=90, format="office",
                                  coach_user_id=ids["staff"],
                                  artisan_ids=[ids[k] for k in present]))
        return track.id


@pytest.fixture
def programme(office: dict[str, int], demo_users: Engine) -> dict[str, int]:
    """Everything the coaching screens can show at once: overdue, this week and later
    follow-ups with markup, closed ones, an erased artisan's, a deactivated adviser's, a
    session coached by them, and a track with attendance."""
    ids = dict(office)
    ids["session"] = _session(demo_users, ids, follow_ups=[
        ("staff", PAYLOAD, -3), ("staff", "Cette semaine " + PAYLOAD, 0),
        ("staff", "Plus tard " + PAYLOAD, 30), ("manager", PAYLOAD, 2),
        ("staff", "fermé", 5), ("staff", "annulé", 6)])
    with session_scope(demo_users) as s:
        for action, outcome in (("fermé", "done"), ("annulé", "cancelled")):
            row = s.scalars(select(FollowUp).where(FollowUp.action == action)).one()
            close_follow_up(session=s, actor=actor("staff"), follow_up_id=row.id,
                            version=row.row_version, outcome=outcome, note=PAYLOAD)
    _session(demo_users, ids, artisan="bob", coach="coach2", follow_ups=[
        ("staff", "Pour Bob", -1), ("coach2", "Pour coach2 " + PAYLOAD, -5)])
    ids["track"] = _track(demo_users, ids, clock.today() - timedelta(days=28),
                          present=("ana", "bob"))
    with session_scope(demo_users) as s:
        erase_artisan(session=s, actor=actor("admin"), artisan_id=ids["bob"])
    with demo_users.begin() as conn:
        conn.execute(update(User).where(User.username == "coach2").values(active=False))
    return ids


def _page(page: str, ids: dict[str, int], lang: str) -> AppTest:
    role = "manager" if page == "pages/follow_ups_all.py" else "staff"
    params = ({"id": str(ids["track"])} if page == "pages/track.py"
              else {"id": str(ids["ana"])} if page == "pages/artisan.py" else {})
    at = _open(page, role=role, lang=lang, **params)
    if page == "pages/coaching.py":
        at.selectbox(key="coach_open_session").set_value(ids["session"]).run()
        assert not at.exception, at.exception
    return at


# -- markup typed by users is shown as typed ----------------------------------------------

@pytest.mark.parametrize("page", PAGES)
def test_no_user_markup_comes_alive(programme: dict[str, int], page: str) -> None:
    at = _page(page, programme, "en")
    assert "evil" in _everything(at), "the page shows the user texts at all"
    live = [s for s in _rendered_as_markdown(at) if LIVE.search(s)]
    assert live == []


def test_the_notes_are_shown_as_typed(programme: dict[str, int]) -> None:
    at = _page("pages/coaching.py", programme, "en")
    assert PAYLOAD in [x.value for x in at.text]


# -- every language, no raw key -----------------------------------------------------------

@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_no_raw_translation_key_on_screen(programme: dict[str, int], page: str,
                                          lang: str) -> None:
    at = _page(page, programme, lang)
    assert RAW_KEY.findall(_everything(at)) == []


def test_every_coaching_message_key_exists_in_three_languages() -> None:
    """Every key the coaching code names (literal, or built from a closed list) is translated."""
    from components.messages import MESSAGES
    from db import vocab
    from db.queries.follow_ups import GROUPS
    from tests.conftest import ROOT

    files = ["db/queries/coaching_log.py", "db/queries/follow_ups.py", "db/queries/tracks.py",
             "pages/coaching.py", "pages/follow_ups.py", "pages/follow_ups_all.py",
             "pages/tracks.py", "pages/track.py", "components/session_form.py",
             "components/follow_up_view.py", "components/track_view.py",
             "components/coaching_view.py", "components/artisan_picker.py"]
    keys = {k for f in files for k in re.findall(
        r"""["']((?:coaching|track|follow_up|coaching_topic|format|form|events|nav)\.[a-z_]+)["']""",
        (ROOT / f).read_text(encoding="utf-8"))}
    keys |= {f"coaching.{p}{g}{s}" for g in GROUPS for p, s in (
        ("group_", ""), ("group_", "_none"), ("state_", ""))}
    keys |= {f"follow_up.{s}" for s in vocab.FOLLOW_UP_STATUSES}
    keys |= {f"coaching_topic.{s}" for s in vocab.COACHING_TOPICS}
    keys |= {f"format.{s}" for s in vocab.SESSION_FORMATS}
    keys |= {f"coaching.col_{c}" for c in ("owner", "open", "overdue", "this_week",
                                           "oldest_due", "due", "state", "action", "artisan",
                                           "day", "coach", "topic", "format", "minutes",
                                           "track", "follow_ups")}
    keys |= {f"track.col_{c}" for c in ("title", "starts_on", "ends_on", "sessions",
                                        "enrolled", "completion", "seq", "planned_on",
                                        "topic", "held_on", "present", "artisan", "business",
                                        "attended", "completed")}
    from db.permissions import PERMISSIONS

    keys -= set(PERMISSIONS) | {"coaching.follow_ups_of_others"}  # permissions, not messages
    missing = sorted(k for k in keys if not all(MESSAGES.get(k, {}).get(lang)
                                                for lang in ("fr", "nl", "en")))
    assert missing == []


# -- a partner hunting for persons --------------------------------------------------------

@pytest.mark.parametrize("page", PAGES[:5])
def test_a_partner_cannot_open_a_coaching_page(programme: dict[str, int], page: str) -> None:
    at = app_as("partner")
    at.query_params["id"] = str(programme["track"])
    at.run()
    with pytest.raises(ValueError):
        at.switch_page(page).run()


def test_a_partners_screens_hold_no_coaching_text(programme: dict[str, int]) -> None:
    for lang in ("fr", "en"):
        shown = _everything(_open("", role="partner", lang=lang))
        for secret in ("evil", "Lopez", "Pour Bob", "Cette semaine", "Coach Two"):
            assert secret not in shown


# -- another tab, another adviser ---------------------------------------------------------

def _one(engine: Engine, ids: dict[str, int], owner: str = "staff", due: int = -2) -> int:
    session_id = _session(engine, ids, follow_ups=[(owner, "Rappeler", due)])
    with session_scope(engine) as s:
        found = s.scalar(select(FollowUp.id).where(FollowUp.session_id == session_id))
        assert found is not None
        return found


def test_done_after_a_manager_reassigned_it_is_refused(office: dict[str, int],
                                                       demo_users: Engine) -> None:
    fu_id = _one(demo_users, office)
    at = _open("pages/follow_ups.py", lang="fr")
    with session_scope(demo_users) as s:
        reassign_follow_up(session=s, actor=actor("manager"), follow_up_id=fu_id, version=1,
                           owner_user_id=office["manager"])
    at.button(key=f"fu_done_{fu_id}").click().run()
    assert not at.exception, at.exception
    assert at.error and "coaching." not in at.error[0].value
    with session_scope(demo_users) as s:
        row = s.get(FollowUp, fu_id)
        assert row is not None and (row.status, row.owner_user_id) == ("open", office["manager"])


def test_a_stale_move_is_refused(office: dict[str, int], demo_users: Engine) -> None:
    fu_id = _one(demo_users, office)
    at = _open("pages/follow_ups.py", lang="nl")
    at.toggle(key=f"fu_open_{fu_id}").set_value(True).run()  # its other actions, opened
    with session_scope(demo_users) as s:  # the same adviser closes it in another tab
        close_follow_up(session=s, actor=actor("staff"), follow_up_id=fu_id, version=1,
                        outcome="done")
    at.date_input(key=f"fu_due_{fu_id}").set_value(clock.today() + timedelta(days=9))
    at.button(key=f"fu_move_{fu_id}").click().run()
    assert not at.exception, at.exception
    assert at.error
    with session_scope(demo_users) as s:
        row = s.get(FollowUp, fu_id)
        assert row is not None and (row.status, row.row_version) == ("done", 2)


def test_a_bad_closing_note_is_refused_in_the_users_language(office: dict[str, int],
                                                              demo_users: Engine) -> None:
    fu_id = _one(demo_users, office)
    at = _open("pages/follow_ups.py", lang="fr")
    at.toggle(key=f"fu_open_{fu_id}").set_value(True).run()
    at.text_input(key=f"fu_note_{fu_id}").input("bip\x07bip")
    at.button(key=f"fu_done_note_{fu_id}").click().run()
    assert not at.exception, at.exception
    assert at.error and not RAW_KEY.search(" ".join(e.value for e in at.error))
    with session_scope(demo_users) as s:
        row = s.get(FollowUp, fu_id)
        assert row is not None and row.status == "open"


def test_a_reassignment_with_one_stale_follow_up_moves_none(office: dict[str, int],
                                                            demo_users: Engine) -> None:
    first, second = _one(demo_users, office), _one(demo_users, office)
    at = _open("pages/follow_ups_all.py", role="manager")
    with session_scope(demo_users) as s:
        close_follow_up(session=s, actor=actor("staff"), follow_up_id=second, version=1,
                        outcome="done")
    at.multiselect(key="fu_reassign_ids").select(first).select(second)
    at.selectbox(key="fu_reassign_owner").set_value(office["manager"])
    at.button(key="FormSubmitter:fu_reassign-Reassign").click().run()
    assert not at.exception, at.exception
    assert at.error
    with session_scope(demo_users) as s:
        row = s.get(FollowUp, first)
        assert row is not None and row.owner_user_id == office["staff"]


# -- erased artisans and deactivated advisers on the form ---------------------------------

def test_an_artisan_erased_while_the_form_is_open(office: dict[str, int],
                                                  demo_users: Engine) -> None:
    at = _open("pages/coaching.py", lang="nl")
    at.text_input(key="coach_log_search").input("peet").run()
    at.selectbox(key="coach_log_artisan_id").set_value(office["bob"])
    at.text_area(key="coach_log_notes").input("Blijft staan")
    with session_scope(demo_users) as s:
        erase_artisan(session=s, actor=actor("admin"), artisan_id=office["bob"])
    at.button(key="coach_log_save").click().run()
    assert not at.exception, at.exception
    assert "Sessie opgeslagen" not in _texts(at)
    assert not RAW_KEY.search(_texts(at))
    assert at.text_area(key="coach_log_notes").value == "Blijft staan"
    with session_scope(demo_users) as s:
        assert s.scalar(select(func.count()).select_from(CoachingSession)) == 0


def test_a_coach_deactivated_while_the_form_is_open(office: dict[str, int],
                                                    demo_users: Engine) -> None:
    at = _open("pages/coaching.py", lang="fr")
    at.text_input(key="coach_log_search").input("peet").run()
    at.selectbox(key="coach_log_artisan_id").set_value(office["bob"])
    at.selectbox(key="coach_log_coach_user_id").set_value(office["coach2"])
    at.selectbox(key="coach_log_fu0_owner").set_value(office["coach2"])
    at.text_input(key="coach_log_fu0_action").input("Suivre")
    with demo_users.begin() as conn:
        conn.execute(update(User).where(User.username == "coach2").values(active=False))
    at.button(key="coach_log_save").click().run()
    assert not at.exception, at.exception
    assert not RAW_KEY.search(_texts(at))
    with session_scope(demo_users) as s:
        assert s.scalar(select(func.count()).select_from(CoachingSession)) == 0


def test_a_profile_of_an_erased_artisan_does_not_preset_the_form(office: dict[str, int],
                                                                  demo_users: Engine) -> None:
    with session_scope(demo_users) as s:
        erase_artisan(session=s, actor=actor("admin"), artisan_id=office["bob"])
    at = _open("pages/coaching.py", artisan=str(office["bob"]))
    assert at.selectbox(key="coach_log_artisan_id").value is None


def test_saving_attendance_keeps_an_erased_artisans_session(office: dict[str, int],
                                                            demo_users: Engine) -> None:
    track_id = _track(demo_users, office, clock.today() - timedelta(days=28),
                      present=("ana", "bob"))
    with session_scope(demo_users) as s:
        erase_artisan(session=s, actor=actor("admin"), artisan_id=office["bob"])
        first = s.scalar(select(TrackSession.id).where(TrackSession.track_id == track_id,
                                                       TrackSession.seq == 1))
    at = _open("pages/track.py", id=str(track_id))
    at.selectbox(key="track_present_session").set_value(first).run()
    at.button(key="FormSubmitter:track_present-Save the attendance").click().run()
    assert not at.exception, at.exception
    with session_scope(demo_users) as s:  # sessions held and hours must not change
        assert s.scalar(select(func.count()).select_from(CoachingSession).where(
            CoachingSession.artisan_id == office["bob"])) == 1


# -- a track whose sessions are still to come ---------------------------------------------

def test_a_future_track_on_screen(office: dict[str, int], demo_users: Engine) -> None:
    track_id = _track(demo_users, office, clock.today() + timedelta(days=14))
    listed = _open("pages/tracks.py", lang="fr")
    assert "0 / 3" in _everything(listed)
    at = _open("pages/track.py", lang="fr", id=str(track_id))
    held = at.date_input(key=f"track_present_{_first_planned(demo_users, track_id)}_held_on"
                         ).value
    assert isinstance(held, date) and held <= clock.today()


def _first_planned(engine: Engine, track_id: int) -> int:
    with session_scope(engine) as s:
        found = s.scalar(select(TrackSession.id).where(TrackSession.track_id == track_id,
                                                       TrackSession.seq == 1))
        assert found is not None
        return found


# -- addresses and errors -----------------------------------------------------------------

@pytest.mark.parametrize("value", ["abc", "0", "-1", "99999999", "1e3", "2147483648",
                                   "1; DROP TABLE users", "١"])
def test_an_odd_track_address_says_not_found(office: dict[str, int], value: str) -> None:
    at = _open("pages/track.py", lang="fr", id=value)
    assert at.warning and not RAW_KEY.search(at.warning[0].value)


@pytest.mark.parametrize("value", ["abc", "99999999", "-1"])
def test_an_odd_artisan_address_leaves_the_form_empty(office: dict[str, int],
                                                      value: str) -> None:
    at = _open("pages/coaching.py", artisan=value)
    assert at.selectbox(key="coach_log_artisan_id").value is None


def test_a_failing_write_shows_a_reference_not_sql(office: dict[str, int], demo_users: Engine,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    fu_id = _one(demo_users, office)
    at = _open("pages/follow_ups.py")

    def broken(**_: Any) -> None:
        raise OperationalError("UPDATE follow_ups SET status='done' WHERE id=?", {},
                               Exception("disk I/O error"))

    monkeypatch.setattr("components.follow_up_view.close_follow_up", broken)
    at.button(key=f"fu_done_{fu_id}").click().run()
    shown = _everything(at)
    assert not at.exception and at.error
    assert "UPDATE" not in shown and "Traceback" not in shown and "disk I/O" not in shown


def test_a_failing_read_shows_a_reference_not_sql(office: dict[str, int],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: Any, **__: Any) -> None:
        raise ValueError("SELECT secret FROM follow_ups")

    from db.reads import READS, Read

    monkeypatch.setitem(READS, "my_follow_ups", Read(broken, ("coaching",), None))
    at = app_as("staff")
    at.run()
    shown = _everything(at)
    assert not at.exception and at.error
    assert "SELECT" not in shown and "Traceback" not in shown


# -- long lists ---------------------------------------------------------------------------

def test_a_long_follow_up_list_stays_usable(office: dict[str, int], demo_users: Engine) -> None:
    """An adviser back from leave with 300 open follow-ups still gets the page in seconds."""
    today = clock.today()
    with session_scope(demo_users) as s:
        s.add_all([FollowUp(artisan_id=office["bob"], owner_user_id=office["staff"],
                            action=f"Action {i}", due_on=today - timedelta(days=i % 90),
                            status="open", row_version=1) for i in range(300)])
    start = time.perf_counter()
    at = _open("pages/follow_ups.py")
    elapsed = time.perf_counter() - start
    assert "Overdue (" in " ".join(h.value for h in at.subheader)
    assert elapsed < 10, f"{elapsed:.1f} s"
