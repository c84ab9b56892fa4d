"""The coaching dashboard's figures on a hand-built data set whose answers are known by hand,
and what a partner gets of them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import Engine, select

from db.engine import session_scope
from db.models import CoachingSession, FollowUp, User
from db.periods import Period, Scope
from db.permissions import SYSTEM
from db.privacy import SMALL, UNKNOWN, Withheld, disclose
from db.queries.artisans import create_artisan
from db.queries.coaching_kpis import coaching_figures, sessions_by_month

TODAY = date(2026, 1, 10)
WINTER = Period(date(2025, 12, 1), date(2026, 1, 31))  # crosses New Year


@pytest.fixture
def coached(demo_users: Engine) -> Engine:
    """Ana (Ixelles) coached twice in December and once in January, Bob (no commune) once in
    January; follow-ups due in the period: done on time, done late, open overdue (due the 9th),
    open due today, cancelled; one due outside the period."""
    with session_scope(demo_users) as s:
        coach = s.scalar(select(User.id).where(User.username == "staff"))
        ana = create_artisan(session=s, actor=SYSTEM, fields={
            "first_name": "Ana", "last_name": "Lopez", "postcode": "1050"}).id
        bob = create_artisan(session=s, actor=SYSTEM, fields={
            "first_name": "Bob", "last_name": "Peeters"}).id
        held = [(ana, date(2025, 12, 2), 60), (ana, date(2025, 12, 20), 90),
                (ana, date(2026, 1, 5), 30), (bob, date(2026, 1, 6), 60),
                (bob, date(2025, 11, 30), 45)]  # the last one is before the period
        rows = [CoachingSession(artisan_id=a, coach_user_id=coach, held_on=d, duration_min=m,
                                format="office", topic="pricing") for a, d, m in held]
        s.add_all(rows)
        s.flush()
        first = rows[0].id

        def follow_up(due: date, status: str, done: date | None = None) -> FollowUp:
            return FollowUp(artisan_id=ana, session_id=first, owner_user_id=coach, action="x",
                            due_on=due, status=status, done_on=done,
                            closed_at=None if status == "open" else date(2026, 1, 1))

        s.add_all([follow_up(date(2025, 12, 10), "done", date(2025, 12, 8)),   # 6 days, on time
                   follow_up(date(2025, 12, 15), "done", date(2025, 12, 22)),  # 20 days, late
                   follow_up(date(2026, 1, 9), "open"),                        # overdue
                   follow_up(TODAY, "open"),                                   # due today: not
                   follow_up(date(2026, 1, 20), "cancelled"),
                   follow_up(date(2026, 2, 3), "open")])                       # outside
    return demo_users


def test_the_figures_by_hand(coached: Engine) -> None:
    with session_scope(coached) as s:
        figures = coaching_figures(s, Scope(WINTER), TODAY)
    assert figures == {"artisans_coached": 2, "sessions": 4, "hours": 4.0,
                       "follow_ups_done": 2, "follow_ups_cancelled": 1, "follow_ups_open": 2,
                       "follow_ups_overdue": 1, "done_on_time": 0.5,
                       "median_days_to_close": 13.0, "follow_ups_closed": 2}


def test_a_commune_keeps_its_artisans_only(coached: Engine) -> None:
    with session_scope(coached) as s:
        ixelles = coaching_figures(s, Scope(WINTER, commune="21009"), TODAY)
        nowhere = coaching_figures(s, Scope(WINTER, sector="bakery"), TODAY)
    assert (ixelles["artisans_coached"], ixelles["sessions"]) == (1, 3)
    assert nowhere["sessions"] == 0 and nowhere["done_on_time"] is None
    assert nowhere["median_days_to_close"] is None


def test_months_across_new_year_with_empty_months(coached: Engine) -> None:
    with session_scope(coached) as s:
        frame = sessions_by_month(s, Scope(WINTER))
        empty = sessions_by_month(s, Scope(Period(date(2026, 3, 1), date(2026, 4, 30))))
    assert [m.strftime("%Y-%m") for m in frame["month"]] == ["2025-12", "2026-01"]
    assert list(frame["sessions"]) == [2, 2] and list(frame["artisans"]) == [1, 2]
    assert list(empty["sessions"]) == [0, 0]


def test_partners_get_rounded_counts_and_no_derived_figure_over_few(coached: Engine) -> None:
    with session_scope(coached) as s:
        shown = disclose("kpis", coaching_figures(s, Scope(WINTER), TODAY))
    # 4 hours over fewer than 10 sessions: not shown (one session's length is personal)
    assert shown["sessions"] == SMALL and shown["hours"] == UNKNOWN
    assert shown["done_on_time"] == UNKNOWN and shown["median_days_to_close"] == UNKNOWN
    assert "follow_ups_closed" not in shown and "follow_ups_cancelled" not in shown
    many = {"follow_ups_done": 40, "done_on_time": 0.75, "sessions": 23, "hours": 31.5,
            "median_days_to_close": None}
    assert disclose("kpis", many) == {"follow_ups_done": 40, "done_on_time": 0.75,
                                      "sessions": 25, "hours": 30, "median_days_to_close": None}
    # 9 of 12 on time is 10 of 10 as a partner sees the counts; 4 of 12 is "< 5": not shown
    late = disclose("kpis", {"follow_ups_done": 12, "done_on_time": 0.75})
    assert late == {"follow_ups_done": 10, "done_on_time": 1.0}
    few = disclose("kpis", {"follow_ups_done": 12, "done_on_time": 4 / 12})
    assert few == {"follow_ups_done": 10, "done_on_time": UNKNOWN}
    # a median is gated on the follow-ups it is taken over (rounded), not on those due
    one = {"follow_ups_done": 10, "follow_ups_closed": 1, "median_days_to_close": 35.0}
    assert disclose("kpis", one)["median_days_to_close"] == UNKNOWN
    eight = {"follow_ups_done": 10, "follow_ups_closed": 8, "median_days_to_close": 35.4}
    assert disclose("kpis", eight)["median_days_to_close"] == 35.0  # 8 shows as 10
    nothing = disclose("kpis", {"sessions": 0, "hours": 0.0})
    assert nothing == {"sessions": 0, "hours": 0}


def test_a_monthly_series_that_gives_a_month_away_is_withheld() -> None:
    import pandas as pd

    months = pd.date_range("2026-01-01", periods=2, freq="MS")
    safe = disclose("series", pd.DataFrame({"month": months, "sessions": [12, 13]}))
    assert not isinstance(safe, Withheld) and list(safe["sessions"]) == [10, 15]
    # 0, 4, 4: two "< 5" months under a total of 10 (8 to 12): each must be 4
    three = pd.date_range("2026-01-01", periods=3, freq="MS")
    leaky = pd.DataFrame({"month": three, "sessions": [0, 4, 4]})
    assert isinstance(disclose("series", leaky), Withheld)


def test_a_day_later_an_open_follow_up_due_today_is_overdue(coached: Engine) -> None:
    with session_scope(coached) as s:
        tomorrow = coaching_figures(s, Scope(WINTER), TODAY + timedelta(days=1))
    assert tomorrow["follow_ups_overdue"] == 2


def test_the_place_is_bound_at_each_read_not_built_into_the_statement(coached: Engine) -> None:
    """The statements are built once per shape of scope (a commune or not, a sector or not),
    the commune and the sector bound at each read: two communes, two sectors and three pairs
    read one after the other each keep their own artisans."""
    with session_scope(coached) as s:
        coach = s.scalar(select(User.id).where(User.username == "staff"))
        for name, postcode, sector, day, minutes in (
                ("Cleo", "1070", "wood", date(2026, 1, 7), 30),    # Anderlecht
                ("Dan", "1050", "food", date(2025, 12, 3), 90)):   # Ixelles, as Ana
            who = create_artisan(session=s, actor=SYSTEM, fields={
                "first_name": name, "last_name": "Dubois", "postcode": postcode,
                "sector": sector}).id
            s.add(CoachingSession(artisan_id=who, coach_user_id=coach, held_on=day,
                                  duration_min=minutes, format="office", topic="pricing"))
        s.flush()

        def read(commune: str | None = None,
                 sector: str | None = None) -> tuple[object, object, object, list[int]]:
            """Artisans coached, hours, follow-ups done (Ana's) and sessions per month."""
            scope = Scope(WINTER, commune=commune, sector=sector)
            figures = coaching_figures(s, scope, TODAY)
            return (figures["artisans_coached"], figures["hours"], figures["follow_ups_done"],
                    list(sessions_by_month(s, scope)["sessions"]))

        assert read(commune="21009") == (2, 4.5, 2, [3, 1])  # Ana and Dan
        assert read(commune="21001") == (1, 0.5, 0, [0, 1])  # Cleo
        assert read(sector="food") == (1, 1.5, 0, [1, 0])
        assert read(sector="wood") == (1, 0.5, 0, [0, 1])
        assert read("21009", "food") == (1, 1.5, 0, [1, 0])
        assert read("21001", "wood") == (1, 0.5, 0, [0, 1])
        assert read("21009", "wood") == (0, 0.0, 0, [0, 0])
