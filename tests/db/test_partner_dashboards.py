"""A partner hunting for a person through the dashboards' reads (db/reads.py run_read as
"partner"): the attacks of the first outside review (sums of cards, a rate and its base, the
series and the cards, periods one day apart or a period and its previous one, hours, a median
over one, a commune); tests/db/test_partner_review.py holds the second review's."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from numbers import Number
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import Engine, insert, select

from db import clock
from db import models as m
from db.clock import BRUSSELS
from db.engine import session_scope
from db.periods import Period, Scope, partner_periods, partner_picks, quick_period
from db.privacy import (
    PARTNER_KPIS,
    SMALL,
    UNKNOWN,
    Withheld,
    disclose,
    disclose_count,
)
from db.reads import READS, NotDisclosable, NotPartnerScope, run_read

TODAY = date(2026, 2, 20)
THIS_YEAR = quick_period("this_year", TODAY)  # 1 January to 20 February 2026
BEFORE = THIS_YEAR.previous()  # 11 November to 31 December 2025
IXELLES, UCCLE = "21009", "21016"


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    yield


def _artisans(conn: Any, first_id: int, how_many: int, commune: str | None = None,
              source: str = "other", created: datetime | None = None) -> list[int]:
    ids = list(range(first_id, first_id + how_many))
    for artisan_id in ids:
        conn.execute(insert(m.Artisan), {
            "id": artisan_id, "first_name": "Secret", "last_name": f"Person{artisan_id}",
            "language": "fr", "source": source, "commune_nis": commune,
            "postcode": {IXELLES: "1050", UCCLE: "1180"}.get(commune or ""),
            **({"created_at": created} if created else {})})
    return ids


def _event(conn: Any, event_id: int, wall: datetime) -> datetime:
    at = wall.replace(tzinfo=BRUSSELS)
    conn.execute(insert(m.Event), {"id": event_id, "title": "Soirée", "kind": "networking",
                                   "action": "community", "starts_at": at.astimezone(UTC)})
    return at


def _attend(conn: Any, event_id: int, at: datetime, artisan_id: int, status: str = "attended",
            walk_in: bool = False) -> None:
    conn.execute(insert(m.Attendance), {
        "event_id": event_id, "artisan_id": artisan_id, "status": status, "walk_in": walk_in,
        "recorded_by": "s", "registered_at": None if walk_in else datetime(2025, 10, 1,
                                                                           tzinfo=UTC),
        "checked_in_at": at if status == "attended" else None})


def _partner(engine: Engine, name: str, *args: Any) -> Any:
    with session_scope(engine) as s:
        return run_read(s, name, "partner", *args)


def _exact(engine: Engine, name: str, *args: Any) -> Any:
    with session_scope(engine) as s:
        return run_read(s, name, "manager", *args)


def _coach(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.scalar(select(m.User.id).where(m.User.username == "staff")))


# --- the partner's periods -------------------------------------------------------------------


def test_partners_get_this_year_and_the_plan_and_their_previous_periods_only() -> None:
    assert partner_picks(TODAY) == ("this_year", "plan")
    plan = quick_period("plan", TODAY)
    assert partner_periods(TODAY) == {THIS_YEAR, BEFORE, plan, plan.previous()}
    periods = sorted(partner_periods(TODAY), key=lambda p: p.start)
    for first, second in zip(periods, periods[1:], strict=False):
        assert first.end < second.start  # none overlaps another: nothing to subtract
    # in 2024, this year lies inside the plan: partners get this year only
    assert partner_picks(date(2024, 6, 1)) == ("this_year",)
    assert partner_picks(date(2025, 3, 1)) == ("this_year",)  # its previous period is in 2024


@pytest.mark.parametrize("period", [
    Period(date(2026, 1, 12), date(2026, 1, 12)),  # one day
    Period(date(2026, 1, 1), date(2026, 1, 31)),  # a month
    Period(date(2026, 1, 1), date(2026, 2, 18)),  # this year less two days (see midnight)
    quick_period("this_month", TODAY)])
def test_any_other_period_is_refused_on_the_server(demo_users: Engine, period: Period) -> None:
    with pytest.raises(NotPartnerScope):
        _partner(demo_users, "coaching_kpis", Scope(period), TODAY)
    with pytest.raises(NotPartnerScope):
        _partner(demo_users, "campaign_kpis", Scope(period), None)
    assert _exact(demo_users, "coaching_kpis", Scope(period), TODAY)["sessions"] == 0


# --- one January evening ---------------------------------------------------------------------
# 4 returning members (met in November), 4 new ones (one a walk-in), 3 no-shows: rounded one
# by one, new "< 5" + returning "< 5" = members of the period 10 pins both to 4.


@pytest.fixture
def evening(engine: Engine) -> Engine:
    with engine.begin() as conn:
        returning, new = _artisans(conn, 1, 4), _artisans(conn, 11, 4)
        absent = _artisans(conn, 21, 3)
        november = _event(conn, 1, datetime(2025, 11, 20, 19))
        january = _event(conn, 2, datetime(2026, 1, 8, 19))
        for artisan_id in returning:
            _attend(conn, 1, november, artisan_id)
            _attend(conn, 2, january, artisan_id)
        for artisan_id in new:
            _attend(conn, 2, january, artisan_id, walk_in=artisan_id == new[-1])
        for artisan_id in absent:
            _attend(conn, 2, january, artisan_id, status="no_show")
    return engine


def test_the_evening_is_what_the_attacks_assume(evening: Engine) -> None:
    exact = _exact(evening, "community_kpis", Scope(THIS_YEAR), TODAY)
    assert (exact["new_members"], exact["returning_members"], exact["active_members"],
            exact["no_shows"], exact["registrations"]) == (4, 4, 8, 3, 10)


def test_the_cards_of_one_dashboard_do_not_pin_each_other(evening: Engine) -> None:
    """New + returning = members of the period, members before + new = members to date: the
    parts of those sums are not a partner's figures (PARTNER_KPIS), so no sum pins them."""
    shown = _partner(evening, "community_kpis", Scope(THIS_YEAR), TODAY)
    assert (shown["active_members"], shown["members"], shown["attendances"]) == (10, 10, 10)
    assert not {"new_members", "returning_members", "members_before", "walk_ins",
                "registrations", "no_shows", "cancelled"} & set(shown)
    assert set(shown) <= PARTNER_KPIS


def test_a_rate_does_not_pin_a_hidden_count(evening: Engine) -> None:
    shown = _partner(evening, "community_kpis", Scope(THIS_YEAR), TODAY)
    assert shown["no_show_rate"] == UNKNOWN  # 3 no-shows: "< 5"
    # none of the 8 members of the period came twice in it: 0 of a base shown as 10
    assert shown["repeat_rate"] == 0


def test_a_share_is_its_rounded_numerator_over_its_rounded_base() -> None:
    """Every numerator and base that round alike give one share: it tells nothing more than
    the rounded counts (a share of the exact counts in whole percent pinned its base)."""
    for base in range(1, 40):
        for part in range(base + 1):
            shown = disclose("kpis", {"active_members": base, "repeat_rate": part / base})
            rounded_base, rounded_part = disclose_count(base), disclose_count(part)
            if not isinstance(rounded_base, int) or rounded_base < 10 or rounded_part == SMALL:
                assert shown["repeat_rate"] == UNKNOWN, (part, base)
            else:
                assert shown["repeat_rate"] == round(int(rounded_part) / rounded_base, 2)


def test_the_series_of_new_and_returning_attendees_is_not_a_partner_s(evening: Engine) -> None:
    assert "community_by_month" not in READS  # with the growth chart, its months pinned


def test_a_period_and_its_previous_one_do_not_pin_new_members(engine: Engine) -> None:
    with engine.begin() as conn:
        first, then = _artisans(conn, 1, 4), _artisans(conn, 11, 4)
        december = _event(conn, 1, datetime(2025, 12, 10, 19))
        january = _event(conn, 2, datetime(2026, 1, 15, 19))
        for artisan_id in first:
            _attend(conn, 1, december, artisan_id)
        for artisan_id in then:
            _attend(conn, 2, january, artisan_id)
    now = _partner(engine, "community_kpis", Scope(THIS_YEAR), TODAY)
    before = _partner(engine, "community_kpis", Scope(BEFORE), TODAY)
    assert (before["members"], now["members"]) == (SMALL, 10)
    assert "new_members" not in now  # members to date only: 10 - "< 5" leaves 4 to 11 new


# --- coaching --------------------------------------------------------------------------------


def test_hours_show_zero_only_when_nothing_was_held(demo_users: Engine) -> None:
    with demo_users.begin() as conn:
        [who] = _artisans(conn, 1, 1)
        conn.execute(insert(m.CoachingSession), {
            "artisan_id": who, "coach_user_id": _coach(demo_users),
            "held_on": date(2026, 1, 12), "duration_min": 20, "format": "office",
            "topic": "pricing"})
    shown = _partner(demo_users, "coaching_kpis", Scope(THIS_YEAR), TODAY)
    assert shown["sessions"] == SMALL and shown["hours"] == UNKNOWN  # as "< 5" sessions say
    assert _partner(demo_users, "coaching_kpis", Scope(BEFORE), TODAY)["hours"] == 0


def test_a_median_is_never_over_fewer_than_ten(demo_users: Engine) -> None:
    coach = _coach(demo_users)
    with demo_users.begin() as conn:
        people = _artisans(conn, 1, 11)
        for artisan_id in people:
            conn.execute(insert(m.CoachingSession), {
                "id": artisan_id, "artisan_id": artisan_id, "coach_user_id": coach,
                "held_on": date(2025, 12, 1), "duration_min": 60, "format": "office",
                "topic": "pricing"})
        for artisan_id in people[:10]:  # due in January, done in December
            conn.execute(insert(m.FollowUp), {
                "artisan_id": artisan_id, "session_id": artisan_id, "owner_user_id": coach,
                "action": "x", "due_on": date(2026, 1, 15), "status": "done",
                "done_on": date(2025, 12, 10), "closed_at": datetime(2025, 12, 10, tzinfo=UTC)})
        target = people[10]  # one person's follow-up, done on 5 January (35 days)
        conn.execute(insert(m.FollowUp), {
            "artisan_id": target, "session_id": target, "owner_user_id": coach,
            "action": "x", "due_on": date(2026, 3, 1), "status": "done",
            "done_on": date(2026, 1, 5), "closed_at": datetime(2026, 1, 5, tzinfo=UTC)})
    exact = _exact(demo_users, "coaching_kpis", Scope(THIS_YEAR), TODAY)
    assert (exact["follow_ups_done"], exact["follow_ups_closed"]) == (10, 1)
    shown = _partner(demo_users, "coaching_kpis", Scope(THIS_YEAR), TODAY)
    assert shown["median_days_to_close"] == UNKNOWN


# --- the scope: region-wide on the server side ----------------------------------------------

SCOPED = [name for name, read in READS.items() if read.disclosure is not None
          and "scope" in read.query.__code__.co_varnames[:read.query.__code__.co_argcount]]


@pytest.fixture
def two_communes(demo_users: Engine) -> Engine:
    """7 artisans of Ixelles and 6 of Uccle, each coached, a member, certified and signed up
    through the campaign in January."""
    coach = _coach(demo_users)
    with demo_users.begin() as conn:
        at = _event(conn, 1, datetime(2026, 1, 8, 19))
        created = datetime(2026, 1, 3, 12, tzinfo=UTC)
        people = (_artisans(conn, 1, 7, IXELLES, "campaign", created)
                  + _artisans(conn, 11, 6, UCCLE, "campaign", created))
        for artisan_id in people:
            _attend(conn, 1, at, artisan_id)
            conn.execute(insert(m.CoachingSession), {
                "artisan_id": artisan_id, "coach_user_id": coach, "held_on": date(2026, 1, 12),
                "duration_min": 60, "format": "office", "topic": "pricing"})
            for state, day in (("submitted", 5), ("certified", 20)):
                conn.execute(insert(m.LabelStep), {"artisan_id": artisan_id, "state": state,
                                                   "occurred_on": date(2026, 1, day)})
    return demo_users


def _args(name: str, scope: Scope) -> list[Any]:
    code = READS[name].query.__code__
    return [scope if arg == "scope" else TODAY if arg == "today" else None
            for arg in code.co_varnames[1:code.co_argcount]]


def test_the_reads_with_a_scope_are_the_ones_expected() -> None:
    assert set(SCOPED) >= {"coaching_kpis", "community_kpis", "label_kpis", "campaign_signups",
                           "coaching_by_month", "label_by_month", "community_growth",
                           "campaign_kpis", "campaign_rows"}


@pytest.mark.parametrize("narrow", [{"commune": IXELLES}, {"sector": "wood"}])
def test_a_partner_read_of_a_commune_or_sector_is_refused(two_communes: Engine,
                                                          narrow: dict[str, str]) -> None:
    for name in SCOPED:
        with pytest.raises(NotPartnerScope):
            _partner(two_communes, name, *_args(name, Scope(THIS_YEAR, **narrow)))
        _partner(two_communes, name, *_args(name, Scope(THIS_YEAR)))  # region-wide: read


def test_the_dashboard_layer_makes_a_partner_s_scope_region_wide(two_communes: Engine) -> None:
    from components import dashboard_data as d

    region, ixelles = Scope(THIS_YEAR), Scope(THIS_YEAR, commune=IXELLES, sector="wood")
    assert d.coaching_figures(ixelles, TODAY, "partner") == \
        d.coaching_figures(region, TODAY, "partner")
    assert d.campaign_figures_kpis(ixelles, None, "partner")["campaign_signups"] == 15
    assert d.coaching_figures(ixelles.__class__(THIS_YEAR, commune=IXELLES), TODAY,
                              "manager")["sessions"] == 7  # staff and up: the commune's


def test_every_partner_read_gives_disclosed_counts_only(two_communes: Engine) -> None:
    derived = {"repeat_rate", "no_show_rate", "done_on_time", "uptake_rate",
               "median_days_to_close", "median_days_to_decision"}
    for name in SCOPED:
        if READS[name].disclosure == "media":
            continue
        for period in partner_periods(TODAY):
            result = _partner(two_communes, name, *_args(name, Scope(period)))
            if isinstance(result, Withheld):
                continue
            if isinstance(result, dict):
                values = [v for k, v in result.items() if k not in derived]
            else:
                frame = pd.DataFrame(result)
                values = [v for c in frame.columns if str(frame[c].dtype) == "Int64"
                          for v in frame[c].dropna()]
            for value in values:
                assert value in (None, SMALL, UNKNOWN) or (
                    isinstance(value, Number) and value % 5 == 0), (name, value)


def test_a_partner_gets_no_campaign_free_text(demo_users: Engine) -> None:
    from db.queries.campaign_figures import record_figures
    from db.queries.campaigns import create_campaign
    from tests.conftest import actor

    with session_scope(demo_users) as s:
        campaign = create_campaign(session=s, actor=actor("staff"), fields={
            "name": "Portrait de Mme X", "slogan": "Mme X, artisane",
            "starts_on": date(2026, 1, 5), "ends_on": date(2026, 2, 15), "budget_eur": 1000}).id
        record_figures(session=s, actor=actor("staff"), campaign_id=campaign, today=TODAY,
                       fields={"channel": "social", "period_start": date(2026, 1, 5),
                               "period_end": date(2026, 1, 11), "impressions": 1234,
                               "reach": 567, "clicks": 89, "spend_eur": 50})
    listed = _partner(demo_users, "dash_campaigns")
    rows = _partner(demo_users, "campaign_rows", Scope(THIS_YEAR), None)
    assert listed["name"].isna().all() and listed["slogan"].isna().all()
    assert rows["campaign"].isna().all() and list(rows["impressions"]) == [1234]
    assert _exact(demo_users, "dash_campaigns")["name"].tolist() == ["Portrait de Mme X"]
    assert "Mme X" not in disclose("media", {"name": "Mme X", "impressions": 3}).values()


def test_person_lists_are_refused_to_partners(two_communes: Engine) -> None:
    for name in ("community_events", "community_people", "event_attendees", "track_detail",
                 "recent_sessions", "chart_targets", "campaigns", "registry_search",
                 "target_progress"):
        assert READS[name].disclosure is None
        with pytest.raises(NotDisclosable):
            _partner(two_communes, name)


def test_a_page_drawn_just_before_midnight_keeps_its_periods(demo_users: Engine) -> None:
    """Yesterday's partner periods are still read (a run that crossed midnight); the day
    before that's are not."""
    from datetime import timedelta

    for back, refused in ((1, False), (2, True)):
        day = TODAY - timedelta(days=back)
        scope = Scope(quick_period("this_year", day))
        if refused:
            with pytest.raises(NotPartnerScope):
                _partner(demo_users, "coaching_kpis", scope, day)
        else:
            assert _partner(demo_users, "coaching_kpis", scope, day)["sessions"] == 0
