"""The seeded coaching programme: planned tracks attended by their enrolled artisans, and
follow-ups kept as a working team keeps them (a small, recent overdue tail; issue 9)."""

from __future__ import annotations

import shutil
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Row, func, select

from db import models as m
from db.engine import session_scope
from seed.populate import populate
from tests.conftest import PG_URL, TODAY, get_engine_for

MID_TRACK = date(2025, 10, 1)  # a second "today", with the September tracks half done


@dataclass
class Programme:
    today: date
    follow_ups: list[Row[Any]]  # status, due_on, done_on, closed_at, closed_by, owner
    track_sessions: list[Row[Any]]  # track_id, artisan_id, held_on, planned_on
    enrolled: set[tuple[int, int]]  # (track_id, artisan_id)
    planned: list[Row[Any]]  # track_id, planned_sessions, planned rows, past planned rows
    topics: list[Row[Any]]  # topic, topic_other of every coaching session

    @property
    def open(self) -> list[Row[Any]]:
        return [f for f in self.follow_ups if f.status == "open"]

    @property
    def overdue(self) -> list[Row[Any]]:
        return [f for f in self.open if f.due_on < self.today]


@pytest.fixture(scope="module", params=[(1, TODAY), (2, TODAY), (1, MID_TRACK)],
                ids=["scale1", "scale2", "scale1-mid-track"])
def programme(request: pytest.FixtureRequest, template_db: str,
              tmp_path_factory: pytest.TempPathFactory) -> Programme:
    """A database seeded at a scale and a "today", read back once for the module's tests."""
    scale, today = request.param
    url = PG_URL
    if not PG_URL:
        path = tmp_path_factory.mktemp("coaching") / "seeded.sqlite3"
        shutil.copy(template_db, path)
        url = f"sqlite:///{path}"
    engine = get_engine_for(url)
    with session_scope(engine) as s:
        populate(s, scale=scale, seed=2023, today=today, reset_first=True)
    with engine.connect() as conn:
        f = m.FollowUp
        follow_ups = conn.execute(select(f.status, f.due_on, f.done_on, f.closed_at,
                                         f.closed_by, m.User.username.label("owner"))
                                  .join(m.User, m.User.id == f.owner_user_id)).all()
        c, t = m.CoachingSession, m.TrackSession
        attended = conn.execute(select(c.track_id, c.artisan_id, c.held_on, t.planned_on)
                                .join(t, t.id == c.track_session_id)).all()
        enrolled = {tuple(e) for e in conn.execute(select(m.TrackEnrolment.track_id,
                                                          m.TrackEnrolment.artisan_id))}
        planned = conn.execute(
            select(m.CoachingTrack.id, m.CoachingTrack.planned_sessions,
                   func.count(t.id).label("rows"),
                   func.count(t.id).filter(t.planned_on <= today).label("past"))
            .outerjoin(t, t.track_id == m.CoachingTrack.id).group_by(m.CoachingTrack.id)).all()
        topics = conn.execute(select(c.topic, c.topic_other)).all()
    engine.dispose()
    return Programme(today, follow_ups, attended, enrolled, planned, topics)


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def test_about_a_tenth_of_open_follow_ups_are_overdue(programme: Programme) -> None:
    share = len(programme.overdue) / len(programme.open)
    assert 0.05 <= share <= 0.15, f"{len(programme.overdue)} of {len(programme.open)}"


def test_no_follow_up_is_overdue_for_more_than_90_days(programme: Programme) -> None:
    oldest = min(f.due_on for f in programme.overdue)
    assert programme.today - oldest <= timedelta(days=90)


def test_open_follow_ups_are_mostly_due_in_the_coming_weeks(programme: Programme) -> None:
    horizon = programme.today + timedelta(weeks=6)
    soon = [f for f in programme.open if programme.today <= f.due_on <= horizon]
    assert len(soon) / len(programme.open) >= 0.5


def test_follow_ups_due_over_a_month_ago_are_mostly_done(programme: Programme) -> None:
    old = [f for f in programme.follow_ups if f.due_on < programme.today - timedelta(days=30)]
    statuses = Counter(f.status for f in old)
    assert statuses["done"] / len(old) >= 0.8
    assert 0 < statuses["cancelled"] / len(old) <= 0.1  # a few are dropped


def test_follow_ups_are_done_within_weeks_of_their_due_date(programme: Programme) -> None:
    done = [f for f in programme.follow_ups if f.status == "done"]
    late = [f for f in done if f.done_on - f.due_on > timedelta(weeks=5)]
    assert done and not late


def test_closed_follow_ups_say_who_closed_them_and_when(programme: Programme) -> None:
    closed = [f for f in programme.follow_ups if f.status != "open"]
    for f in closed:
        at = _utc(f.closed_at)
        assert f.closed_by == f.owner and 7 <= at.hour <= 16
        assert f.done_on == (at.date() if f.status == "done" else None)
        assert at.date() < programme.today
    assert all(f.closed_at is None and f.closed_by is None for f in programme.open)


def test_every_track_plans_as_many_sessions_as_it_says(programme: Programme) -> None:
    assert programme.planned
    assert [(t.id, t.planned_sessions) for t in programme.planned] == [
        (t.id, t.rows) for t in programme.planned]


def test_track_attendance_is_of_enrolled_artisans_and_never_ahead(programme: Programme) -> None:
    assert programme.track_sessions
    if programme.today == MID_TRACK:  # some planned sessions are still to come
        assert any(t.past < t.rows for t in programme.planned)
    for s in programme.track_sessions:
        assert (s.track_id, s.artisan_id) in programme.enrolled
        assert s.held_on == s.planned_on <= programme.today


def test_enrolled_artisans_attend_about_nine_sessions_in_ten(programme: Programme) -> None:
    per_track = Counter(track_id for track_id, _ in programme.enrolled)
    expected = sum(per_track[t.id] * t.past for t in programme.planned)
    assert 0.85 <= len(programme.track_sessions) / expected <= 0.95


def test_other_topics_are_a_named_minority(programme: Programme) -> None:
    others = [s for s in programme.topics if s.topic == "other"]
    assert 0 < len(others) / len(programme.topics) <= 0.15
    assert all(s.topic_other for s in others)
