"""An artisan's profile, the timeline of their touchpoints, and the picker's options."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pandas as pd
import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from db.clock import BRUSSELS
from db.engine import session_scope
from db.models import (
    Artisan,
    Attendance,
    CoachingSession,
    Event,
    FollowUp,
    LabelStep,
    User,
)
from db.queries.label import apply_step
from db.queries.profile import (
    TIMELINE_COLUMNS,
    artisan_options,
    artisan_profile,
    artisan_timeline,
)
from tests.conftest import TODAY
from tests.db.test_registry_search import add

AT = datetime(2025, 3, 20, 18, 0, tzinfo=UTC)


def _event(s: Session, title: str, action: str, kind: str, starts: datetime) -> int:
    event = Event(title=title, kind=kind, action=action, starts_at=starts)
    s.add(event)
    s.flush()
    return event.id


@pytest.fixture
def journey(demo_users: Engine) -> Engine:
    """One artisan with a touchpoint of every kind, and a second artisan to stay apart."""
    with session_scope(demo_users) as s:
        coach = s.scalars(select(User.id).where(User.username == "staff")).one()
        me = add(s, "Éloïse", "Dupré", business_name="Céramique Dupré", postcode="1050",
                 enterprise_number="0123456749", source="campaign")
        other = add(s, "Jan", "Peeters")
        s.get_one(Artisan, me).created_at = datetime(2024, 1, 10, 9, tzinfo=UTC)
        meet = _event(s, "Rencontre mars", "community", "networking", AT)
        talk = _event(s, "Conférence", "coaching", "conference", AT + timedelta(days=30))
        s.add_all([
            Attendance(event_id=meet, artisan_id=me, status="attended", recorded_by="t",
                       registered_at=AT - timedelta(days=5), checked_in_at=AT),
            Attendance(event_id=talk, artisan_id=me, status="registered", recorded_by="t",
                       registered_at=AT),
            Attendance(event_id=meet, artisan_id=other, status="attended", recorded_by="t",
                       walk_in=True, checked_in_at=AT),
            CoachingSession(artisan_id=me, coach_user_id=coach, held_on=date(2025, 5, 2),
                            duration_min=90, format="online", topic="pricing",
                            notes="Secret: cash-flow trouble"),
            FollowUp(artisan_id=me, owner_user_id=coach, action="Envoyer le modèle",
                     due_on=date(2025, 5, 20), status="open"),
        ])
        artisan = s.get_one(Artisan, me)
        apply_step(s, artisan, "informed", date(2024, 2, 1), "Séance d'info", "t")
        apply_step(s, artisan, "submitted", date(2025, 6, 1), None, "t")
    return demo_users


def _id(s: Session, first: str) -> int:
    return s.scalars(select(Artisan.id).where(Artisan.first_name == first)).one()


def test_timeline_lists_every_touchpoint_newest_first(journey: Engine) -> None:
    with session_scope(journey) as s:
        frame = artisan_timeline(s, _id(s, "Éloïse"))
    assert list(frame.columns) == TIMELINE_COLUMNS
    assert list(frame["kind"]) == ["label_step", "follow_up", "coaching_session", "event",
                                   "event", "label_step", "joined"]
    assert list(frame["title"]) == ["submitted", "Envoyer le modèle", "pricing",
                                    "Conférence", "Rencontre mars", "informed", None]
    assert list(frame["action"]) == ["label", "coaching", "coaching", "coaching", "community",
                                     "label", "campaign"]
    assert frame["at"].is_monotonic_decreasing


def test_timeline_details(journey: Engine) -> None:
    with session_scope(journey) as s:
        rows = artisan_timeline(s, _id(s, "Éloïse")).set_index("title", drop=False)
    assert rows.loc["Rencontre mars", "at"] == pd.Timestamp(AT).tz_convert(BRUSSELS)
    assert rows.loc["Rencontre mars", "event_kind"] == "networking"
    assert rows.loc["Rencontre mars", "detail"] == "attended"
    assert rows.loc["Conférence", "detail"] == "registered"  # no registration time: event start
    assert rows.loc["Conférence", "at"] == pd.Timestamp(AT + timedelta(days=30))
    assert (rows.loc["pricing", "detail"], rows.loc["pricing", "format"]) == (
        "90 online", "online")
    assert rows.loc["Envoyer le modèle", "due_on"] == date(2025, 5, 20)
    assert rows.loc["Envoyer le modèle", "detail"] == "open"
    assert rows.loc["informed", "detail"] == "Séance d'info"
    noon = rows.loc["informed", "at"]
    assert (noon.hour, str(noon.tz)) == (12, "Europe/Brussels")


def test_timeline_never_shows_coaching_notes(journey: Engine) -> None:
    with session_scope(journey) as s:
        frame = artisan_timeline(s, _id(s, "Éloïse"))
    assert not frame.astype(str).apply(lambda c: c.str.contains("Secret")).any().any()


def test_timeline_of_a_missing_artisan_is_empty(journey: Engine) -> None:
    with session_scope(journey) as s:
        frame = artisan_timeline(s, 99_999)
    assert frame.empty and list(frame.columns) == TIMELINE_COLUMNS


def test_profile_holds_the_record_and_label_state(journey: Engine) -> None:
    with session_scope(journey) as s:
        profile = artisan_profile(s, _id(s, "Éloïse"), TODAY)
    assert profile is not None
    assert (profile.first_name, profile.business_name, profile.commune_nis) == (
        "Éloïse", "Céramique Dupré", "21009")
    assert profile.enterprise_number_formatted == "0123.456.749"
    assert (profile.label_state, profile.label_state_on) == ("submitted", date(2025, 6, 1))
    assert profile.label_expires_on is None and profile.row_version == 1
    assert profile.created_at.tzinfo is not None and profile.source == "campaign"


def test_profile_of_an_old_label_says_expired(session: Session) -> None:
    day = date(2019, 5, 4)
    artisan_id = add(session, "Ann", "Old", label=("certified", day))
    last_day = artisan_profile(session, artisan_id, date(2025, 5, 3))
    first_day_after = artisan_profile(session, artisan_id, date(2025, 5, 4))
    assert last_day and last_day.label_expires_on == date(2025, 5, 4)
    assert first_day_after and first_day_after.label_state == "expired"
    assert first_day_after.label_expires_on is None


def test_no_profile_for_missing_or_erased_artisans(session: Session) -> None:
    artisan_id = add(session, "Ann", "Gone")
    artisan = session.get_one(Artisan, artisan_id)
    artisan.first_name = artisan.last_name = artisan.search_text = artisan.name_key = ""
    artisan.erased_at = datetime.now(UTC)
    session.flush()
    assert artisan_profile(session, artisan_id, TODAY) is None
    assert artisan_profile(session, 424_242, TODAY) is None
    assert artisan_timeline(session, artisan_id).empty


def test_a_busy_seeded_artisan_has_all_their_touchpoints(seeded: Engine) -> None:
    with session_scope(seeded) as s:
        busy = s.execute(select(Attendance.artisan_id, func.count()).group_by(
            Attendance.artisan_id).order_by(func.count().desc(), Attendance.artisan_id)).first()
        assert busy is not None
        expected = 1 + sum(s.scalar(select(func.count()).select_from(model).where(
            model.artisan_id == busy[0])) or 0 for model in (
            Attendance, CoachingSession, FollowUp, LabelStep))
        frame = artisan_timeline(s, busy[0])
        profile = artisan_profile(s, busy[0], TODAY)
    assert profile is not None and len(frame) == expected
    assert frame["at"].is_monotonic_decreasing and list(frame["kind"]).count("joined") == 1
    assert set(frame["action"].dropna()) <= {"community", "campaign", "coaching", "label"}


def test_options_label_and_match_like_the_registry(journey: Engine) -> None:
    with session_scope(journey) as s:
        assert artisan_options(s, "eloise") == [(_id(s, "Éloïse"),
                                                 "Dupré Éloïse — Céramique Dupré (Ixelles)")]
        assert artisan_options(s, "eloise", lang="nl")[0][1].endswith("(Elsene)")
        assert [label for _, label in artisan_options(s, "BE 0123.456")] == [
            "Dupré Éloïse — Céramique Dupré (Ixelles)"]
        assert artisan_options(s, "peeters") == [(_id(s, "Jan"), "Peeters Jan")]
        assert artisan_options(s, "   ") == []
        assert len(artisan_options(s, "e", limit=1)) == 1
