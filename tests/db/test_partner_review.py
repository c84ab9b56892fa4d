"""A second outside review of the partners' dashboards (db/reads.py run_read as "partner"):
relations between the figures a partner sees on one day. Each attack is answered by a
brute-force search over every exact count consistent with what the partner sees, or by the
figure no longer being shown to partners."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from itertools import product
from typing import Any

import pytest
from sqlalchemy import Engine, insert

from db import clock
from db import models as m
from db.periods import Period, Scope, quick_period
from db.privacy import SMALL, UNKNOWN, Withheld, disclose, interval
from db.reads import READS, NotDisclosable, NotPartnerScope
from tests.db.test_partner_dashboards import (
    BEFORE,
    IXELLES,
    THIS_YEAR,
    TODAY,
    UCCLE,
    _attend,
    _coach,
    _event,
    _partner,
)

PLAN = quick_period("plan", TODAY)  # 2023-2024
ANDERLECHT = "21001"


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    yield


def _range(shown: Any) -> range:
    """Every exact count a partner cannot tell apart from a disclosed count."""
    low, high = interval(shown)
    return range(low, high + 1)


def _solutions(ranges: dict[str, range],
               holds: Callable[[dict[str, int]], bool]) -> dict[str, set[int]]:
    """Every value of each unknown that some consistent guess gives it (brute force)."""
    names = list(ranges)
    seen: dict[str, set[int]] = {n: set() for n in names}
    for values in product(*(ranges[n] for n in names)):
        guess = dict(zip(names, values, strict=True))
        if holds(guess):
            for name, value in guess.items():
                seen[name].add(value)
    assert all(seen.values()), "no consistent guess at all: the model of the attack is wrong"
    return seen


def _pinned(ranges: dict[str, range], seen: dict[str, set[int]]) -> dict[str, int]:
    """The unknowns whose own interval had several values and that the attack pins."""
    return {n: next(iter(v)) for n, v in seen.items() if len(ranges[n]) > 1 and len(v) == 1}


def _people(conn: Any, first_id: int, how_many: int, commune: str | None = None,
            sector: str | None = None) -> list[int]:
    ids = list(range(first_id, first_id + how_many))
    for artisan_id in ids:
        conn.execute(insert(m.Artisan), {
            "id": artisan_id, "first_name": "Secret", "last_name": f"Person{artisan_id}",
            "language": "fr", "source": "other", "commune_nis": commune, "sector": sector,
            "postcode": {IXELLES: "1050", UCCLE: "1180", ANDERLECHT: "1070"}.get(commune or "")})
    return ids


def _evening(conn: Any, event_id: int, wall: datetime, people: list[int]) -> None:
    at = _event(conn, event_id, wall)
    for artisan_id in people:
        _attend(conn, event_id, at, artisan_id)


def _session(conn: Any, coach: int, artisan_id: int, day: date, session_id: int | None = None,
             minutes: int = 60) -> None:
    conn.execute(insert(m.CoachingSession), {
        **({"id": session_id} if session_id else {}), "artisan_id": artisan_id,
        "coach_user_id": coach, "held_on": day, "duration_min": minutes, "format": "office",
        "topic": "pricing"})


# --- FINDING 1: the per-month chart's new attendees and the growth chart ---------------------
# 4 members met in November 2025, 4 new ones in January 2026, 3 in February. The per-month
# chart's "new" column of a month is exactly the growth of the members to date in that month,
# a relation the audits (disclose_series, audit_sums) do not model.


@pytest.fixture
def growth_by_month(engine: Engine) -> Engine:
    with engine.begin() as conn:
        _evening(conn, 1, datetime(2025, 11, 20, 19), _people(conn, 1, 4))
        _evening(conn, 2, datetime(2026, 1, 15, 19), _people(conn, 11, 4))
        _evening(conn, 3, datetime(2026, 2, 10, 19), _people(conn, 21, 3))
    return engine


def test_the_per_month_new_attendees_do_not_pin_the_growth(growth_by_month: Engine) -> None:
    """Fixed: partners get no per-month split of the attendances, nor the new members of the
    period: the growth chart (rounded members to date per month) is all they see of it."""
    assert "community_by_month" not in READS
    shown = _partner(growth_by_month, "community_kpis", Scope(THIS_YEAR), TODAY)
    assert not {"new_members", "returning_members", "members_before"} & set(shown)
    growth = _partner(growth_by_month, "community_growth", Scope(THIS_YEAR), TODAY)
    december = growth[growth["month"] == "2025-12-01"].iloc[0]
    january = growth[growth["month"] == "2026-01-01"].iloc[0]
    assert (december["total_hidden"], january["total"]) == (SMALL, 10)
    assert january["new_hidden"] == UNKNOWN  # from "< 5" to 10: not disclosed


# --- FINDING 2: a whole-percent repeat rate over a base shown as 10 ---------------------------
# 4 members of 2025 come back in 2026 with 7 new ones (11 members of the period, shown 10); 5
# of the 11 attend both 2026 evenings: repeat rate 5 / 11 = 45 %.


@pytest.fixture
def repeaters(engine: Engine) -> Engine:
    with engine.begin() as conn:
        old, new = _people(conn, 1, 4), _people(conn, 11, 7)
        _evening(conn, 1, datetime(2025, 11, 20, 19), old)
        _evening(conn, 2, datetime(2026, 1, 10, 19), old + new)
        _evening(conn, 3, datetime(2026, 2, 5, 19), [*old, new[0]])
    return engine


def test_a_rate_does_not_pin_its_base_nor_a_part_of_it(repeaters: Engine) -> None:
    """Fixed: a share is its rounded numerator over its rounded base (5 of 11 shows 5 / 10),
    so every base and numerator that round alike give the same share."""
    shown = _partner(repeaters, "community_kpis", Scope(THIS_YEAR), TODAY)
    assert (shown["active_members"], shown["repeat_rate"]) == (10, 0.5)
    ranges = {"active": _range(10), "repeat": range(13)}

    def share(active: int, repeat: int) -> Any:
        return disclose("kpis", {"active_members": active,
                                 "repeat_rate": repeat / active})["repeat_rate"]

    seen = _solutions(ranges, lambda g: g["repeat"] <= g["active"]
                      and share(g["active"], g["repeat"]) == shown["repeat_rate"])
    assert _pinned(ranges, seen) == {} and seen["repeat"] == {5, 6, 7}


def test_a_rate_whose_part_is_small_is_still_withheld(engine: Engine) -> None:
    """Blocked: 3 of 11 members come twice: 27 % would give 3 away; it is withheld."""
    with engine.begin() as conn:
        people = _people(conn, 1, 11)
        _evening(conn, 1, datetime(2026, 1, 10, 19), people)
        _evening(conn, 2, datetime(2026, 2, 5, 19), people[:3])
    shown = _partner(engine, "community_kpis", Scope(THIS_YEAR), TODAY)
    assert shown["repeat_rate"] == UNKNOWN and shown["active_members"] == 10


# --- FINDING 3: the hours withheld say the sessions are under 10 ----------------------------
# 8 sessions in January, 1 in February (one person): 9 sessions, shown 10, and the hours are
# withheld because 9 < 10, which the partner reads as "8 or 9 sessions".


@pytest.fixture
def nine_sessions(demo_users: Engine) -> Engine:
    coach = _coach(demo_users)
    with demo_users.begin() as conn:
        people = _people(conn, 1, 9)
        for artisan_id in people[:8]:
            _session(conn, coach, artisan_id, date(2026, 1, 12))
        _session(conn, coach, people[8], date(2026, 2, 3))
    return demo_users


def test_a_withheld_figure_does_not_narrow_its_base(nine_sessions: Engine) -> None:
    """Fixed: the hours are gated on the sessions as shown (10), not on the exact 9."""
    shown = _partner(nine_sessions, "coaching_kpis", Scope(THIS_YEAR), TODAY)
    months = _partner(nine_sessions, "coaching_by_month", Scope(THIS_YEAR))
    assert (shown["sessions"], shown["hours"]) == (10, 10)
    assert not isinstance(months, Withheld)
    assert (months["sessions"][0], months["sessions_hidden"][1]) == (10, SMALL)
    ranges = {"january": _range(10), "february": _range(SMALL)}
    seen = _solutions(ranges, lambda g: g["january"] + g["february"]
                      in _range(shown["sessions"]))
    assert _pinned(ranges, seen) == {}, "February's sessions recovered"


# --- FINDING 4: a breakdown narrows its card, and the card's sum does the rest ---------------
# 4 members of 2025 (Ixelles), 7 new in 2026 (1 Ixelles, 5 Uccle, 1 Anderlecht): members 11
# (shown 10) = before 4 (< 5) + new 7 (5); by commune 5, 5, < 5.


@pytest.fixture
def one_small_commune(engine: Engine) -> Engine:
    with engine.begin() as conn:
        old = _people(conn, 1, 4, IXELLES, "wood")
        new = (_people(conn, 11, 1, IXELLES, "wood") + _people(conn, 21, 5, UCCLE, "wood")
               + _people(conn, 31, 1, ANDERLECHT, "wood"))
        _evening(conn, 1, datetime(2025, 11, 20, 19), old)
        _evening(conn, 2, datetime(2026, 1, 15, 19), new)
    return engine


def test_a_breakdown_and_the_sums_together_pin_nothing(one_small_commune: Engine) -> None:
    """Fixed: the dashboards' breakdowns are staff's, and the partners' cards hold no sum."""
    for name in ("community_by_place", "label_by_place",
                 "label_funnel"):
        with pytest.raises(NotDisclosable):
            _partner(one_small_commune, name, Scope(THIS_YEAR), TODAY)
    shown = _partner(one_small_commune, "community_kpis", Scope(THIS_YEAR), TODAY)
    assert shown["members"] == 10 and "new_members" not in shown


# --- FINDING 5: members by commune and by sector, each audited alone --------------------------
# 11 members, all new in January: by commune 5, 5, 1 (at least 11), by sector 7, 4 (at most 11).


@pytest.fixture
def two_breakdowns(engine: Engine) -> Engine:
    with engine.begin() as conn:
        people = (_people(conn, 1, 5, IXELLES, "wood") + _people(conn, 11, 2, UCCLE, "wood")
                  + _people(conn, 21, 3, UCCLE, "food") + _people(conn, 31, 1, ANDERLECHT,
                                                                  "food"))
        _evening(conn, 1, datetime(2026, 1, 15, 19), people)
    return engine


def test_two_breakdowns_of_one_total_do_not_pin_each_other(two_breakdowns: Engine) -> None:
    """Fixed: partners see one breakdown of the members (per commune, on the Overview), none
    per sector; the certified per sector have another total."""
    with pytest.raises(NotDisclosable):
        _partner(two_breakdowns, "community_by_place", Scope(THIS_YEAR), TODAY)
    partner_breakdowns = {n for n, r in READS.items() if r.disclosure == "breakdown"}
    assert partner_breakdowns == {"members_by_commune", "certified_by_sector"}


def test_one_breakdown_with_its_card_alone_is_audited(engine: Engine) -> None:
    """Blocked: four communes of 7 under a card of 28 (the doc's example) are withheld."""
    with engine.begin() as conn:
        people = [p for i, c in enumerate((IXELLES, UCCLE, ANDERLECHT, "21004"))
                  for p in _people(conn, 100 + 10 * i, 7, c)]
        _evening(conn, 9, datetime(2026, 2, 2, 19), people)
    assert isinstance(_partner(engine, "members_by_commune", TODAY), Withheld)


# --- FINDING 6: the Overview's open follow-ups and the four periods' ones --------------------
# Open follow-ups: 5 due today, 1 due in December 2025, 1 due in 2024: the Overview shows 7
# open (any due day) as 5, the periods 5, < 5 and < 5; 5 + 1 + 1 is already 7.


@pytest.fixture
def open_follow_ups(demo_users: Engine) -> Engine:
    coach = _coach(demo_users)
    with demo_users.begin() as conn:
        people = _people(conn, 1, 7)
        dues = [TODAY] * 5 + [date(2025, 12, 1), date(2024, 6, 1)]
        for artisan_id, due in zip(people, dues, strict=True):
            _session(conn, coach, artisan_id, date(2021, 3, 1), session_id=artisan_id)
            conn.execute(insert(m.FollowUp), {
                "artisan_id": artisan_id, "session_id": artisan_id, "owner_user_id": coach,
                "action": "x", "due_on": due, "status": "open"})
    return demo_users


def test_the_overview_and_the_periods_do_not_pin_open_follow_ups(
        open_follow_ups: Engine) -> None:
    """Fixed: the open and overdue follow-ups are the Overview's (today's, any due day); the
    dashboards' periods show partners the done ones only."""
    assert _partner(open_follow_ups, "overview_figures", TODAY)["follow_ups_open"] == 5
    for period in (THIS_YEAR, BEFORE, PLAN, PLAN.previous()):
        shown = _partner(open_follow_ups, "coaching_kpis", Scope(period), TODAY)
        assert not {"follow_ups_open", "follow_ups_overdue"} & set(shown)


# --- blocked attacks -------------------------------------------------------------------------


@pytest.mark.parametrize("today", [date(2024, 6, 1), date(2025, 3, 1)])
def test_the_plan_is_refused_on_the_server_when_it_overlaps_this_year(
        demo_users: Engine, monkeypatch: pytest.MonkeyPatch, today: date) -> None:
    monkeypatch.setattr(clock, "today", lambda: today)
    for period in (PLAN, PLAN.previous()):
        with pytest.raises(NotPartnerScope):
            _partner(demo_users, "community_kpis", Scope(period), today)
    this_year = quick_period("this_year", today)
    _partner(demo_users, "community_kpis", Scope(this_year), today)
    _partner(demo_users, "community_kpis", Scope(this_year.previous()), today)


def test_a_partner_cannot_shift_the_reads_day(demo_users: Engine) -> None:
    """The day is the server's clock; a period ending later is not a partner's."""
    later = Period(THIS_YEAR.start, date(2026, 12, 31))
    with pytest.raises(NotPartnerScope):
        _partner(demo_users, "label_kpis", Scope(later), TODAY)
    with pytest.raises(NotPartnerScope):
        _partner(demo_users, "coaching_by_month", Scope(Period(date(2026, 1, 1),
                                                               date(2026, 1, 31))))


def test_series_and_breakdowns_read_bare_periods_are_checked_too(demo_users: Engine) -> None:
    """A Period passed where a Scope is expected (or next to it) is checked as well."""
    one_day = Period(date(2026, 1, 12), date(2026, 1, 12))
    with pytest.raises(NotPartnerScope):
        _partner(demo_users, "community_kpis", Scope(THIS_YEAR), one_day)
    with pytest.raises(NotPartnerScope):
        _partner(demo_users, "campaign_series", Scope(one_day), None)


def test_campaign_signups_count_as_persons(engine: Engine) -> None:
    """Blocked: 3 sign-ups from the campaign are "< 5", never 3."""
    with engine.begin() as conn:
        for artisan_id in range(1, 4):
            conn.execute(insert(m.Artisan), {
                "id": artisan_id, "first_name": "S", "last_name": f"P{artisan_id}",
                "language": "fr", "source": "campaign",
                "created_at": datetime(2026, 1, 5, 12, tzinfo=UTC)})
    shown = _partner(engine, "campaign_signups", Scope(THIS_YEAR))
    assert shown == {"campaign_signups": SMALL}
