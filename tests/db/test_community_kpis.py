"""The community dashboard's figures on a hand-built data set whose answers are known by hand
(an evening at 00:05 Brussels on the 1st, a period crossing New Year, walk-ins, no-shows,
cancelled registrations, an event not held yet), and what a partner gets of them."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pandas as pd
import pytest
from sqlalchemy import Engine, insert

from db import models as m
from db.clock import BRUSSELS
from db.engine import session_scope
from db.periods import Period, Scope
from db.privacy import SMALL, UNKNOWN, disclose
from db.queries.community import (
    members_by_month,
    members_by_place,
    members_growth,
    members_to_date,
    per,
)
from db.queries.community_kpis import (
    community_events,
    community_figures,
    community_people,
    figures_with_events,
)

TODAY = date(2026, 1, 10)
WINTER = Period(date(2025, 12, 1), date(2026, 1, 31))  # crosses New Year; ends after today
IXELLES = "21009"
# (id, first name, commune, postcode, sector)
ARTISANS = [(1, "Ana", IXELLES, "1050", "wood"), (2, "Bob", None, None, None),
            (3, "Cleo", IXELLES, "1050", None), (4, "Dan", None, None, None),
            (5, "Eve", None, None, None)]
# (id, Brussels wall time, action): 2 begins 5 minutes into 1 December, 23:05 UTC on 30 November
EVENTS = [(1, datetime(2025, 11, 20, 19), "community"),
          (2, datetime(2025, 12, 1, 0, 5), "community"),
          (3, datetime(2026, 1, 8, 19), "community"),
          (4, datetime(2026, 1, 20, 19), "community"),
          (5, datetime(2025, 12, 10, 10), "coaching")]
# (event, artisan, status, walk-in)
ATTENDANCES = [(1, 1, "attended", False), (1, 2, "no_show", False),
               (2, 1, "attended", False), (2, 2, "attended", False), (2, 3, "no_show", False),
               (2, 4, "cancelled", False), (2, 5, "attended", True),
               (3, 1, "attended", False), (3, 2, "attended", False), (3, 3, "attended", False),
               (3, 4, "registered", False), (3, 5, "no_show", False),
               (4, 4, "registered", False),  # after today: not held yet
               (5, 4, "attended", False)]  # a coaching event: Dan is no member


@pytest.fixture
def community(engine: Engine) -> Engine:
    """Ana a member since November (returning), Bob and Eve (a walk-in) new on 1 December at
    00:05, Cleo new in January; Dan registered, cancelled, and only attended coaching."""
    with engine.begin() as conn:
        for artisan_id, name, commune, postcode, sector in ARTISANS:
            conn.execute(insert(m.Artisan), {
                "id": artisan_id, "first_name": name, "last_name": "X", "language": "fr",
                "source": "other", "commune_nis": commune, "postcode": postcode,
                "sector": sector})
        for event_id, wall, action in EVENTS:
            conn.execute(insert(m.Event), {
                "id": event_id, "title": f"Soirée {event_id}", "kind": "networking",
                "action": action, "starts_at": wall.replace(tzinfo=BRUSSELS).astimezone(UTC)})
        for event_id, artisan_id, status, walk_in in ATTENDANCES:
            at = [e[1] for e in EVENTS if e[0] == event_id][0].replace(tzinfo=BRUSSELS)
            conn.execute(insert(m.Attendance), {
                "event_id": event_id, "artisan_id": artisan_id, "status": status,
                "walk_in": walk_in, "recorded_by": "s",
                "registered_at": None if walk_in else datetime(2025, 11, 1, tzinfo=UTC),
                "checked_in_at": at if status == "attended" else None})
    return engine


def test_the_figures_by_hand(community: Engine) -> None:
    with session_scope(community) as s:
        figures = community_figures(s, Scope(WINTER), TODAY)
    assert figures == {"members": 4, "new_members": 3, "active_members": 4,
                       "returning_members": 1, "events_held": 2, "attendances": 6,
                       "walk_ins": 1, "registrations": 8, "no_shows": 2, "cancelled": 1,
                       "repeat_rate": 0.5, "no_show_rate": 0.25}


def test_the_previous_period_ends_before_the_evening_just_after_midnight(
        community: Engine) -> None:
    with session_scope(community) as s:
        before = community_figures(s, Scope(WINTER.previous()), TODAY)
    assert WINTER.previous().end == date(2025, 11, 30)
    assert (before["members"], before["new_members"], before["events_held"]) == (1, 1, 1)
    assert (before["registrations"], before["no_shows"], before["no_show_rate"]) == (2, 1, 0.5)


def test_an_event_just_after_midnight_brussels_counts_in_its_own_month(
        community: Engine) -> None:
    with session_scope(community) as s:
        assert members_to_date(s, date(2025, 11, 30)) == 1  # Bob and Eve joined on 1 December
        assert members_to_date(s, date(2025, 12, 1)) == 3
        growth = members_by_month(s, TODAY)
    assert [d.strftime("%Y-%m") for d in growth["month"]] == ["2025-11", "2025-12", "2026-01"]
    assert list(growth["new"]) == [1, 2, 1] and list(growth["total"]) == [1, 3, 4]


def test_new_and_returning_per_event(community: Engine) -> None:
    with session_scope(community) as s:
        events = community_events(s, Scope(WINTER), TODAY)
    assert list(events["event_id"]) == [2, 3]  # 4 is not held yet, 5 is coaching
    assert events["starts_at"].iloc[0].strftime("%d/%m %H:%M") == "01/12 00:05"
    assert list(events["new"]) == [2, 1] and list(events["returning"]) == [1, 2]
    assert list(events["walk_ins"]) == [1, 0] and list(events["registrations"]) == [3, 5]
    assert list(events["no_show_rate"]) == pytest.approx([1 / 3, 0.2])


def test_a_member_at_two_events_of_one_moment_is_new_at_one(community: Engine) -> None:
    """Bob also attended a second evening beginning with event 2 (1 December, 00:05): he is new
    at event 2 (the lower id) and returning at the other, so the new members per event add up
    to the new members card."""
    with community.begin() as conn:
        conn.execute(insert(m.Event), {
            "id": 6, "title": "Soirée 6", "kind": "networking", "action": "community",
            "starts_at": EVENTS[1][1].replace(tzinfo=BRUSSELS).astimezone(UTC)})
        conn.execute(insert(m.Attendance), {
            "event_id": 6, "artisan_id": 2, "status": "attended", "walk_in": True,
            "recorded_by": "s", "registered_at": None,
            "checked_in_at": EVENTS[1][1].replace(tzinfo=BRUSSELS)})
    with session_scope(community) as s:
        events = community_events(s, Scope(WINTER), TODAY)
        figures = community_figures(s, Scope(WINTER), TODAY)
    assert list(events["event_id"]) == [2, 6, 3]
    assert list(events["new"]) == [2, 0, 1] and list(events["returning"]) == [1, 1, 2]
    assert events["new"].sum() == figures["new_members"] == 3


@pytest.mark.parametrize("scope", [
    Scope(WINTER), Scope(WINTER.previous()), Scope(WINTER, commune=IXELLES),
    Scope(WINTER, sector="wood"), Scope(WINTER, sector="food"),
    Scope(WINTER, commune=IXELLES, sector="wood"),
    Scope(Period(date(2026, 3, 1), date(2026, 3, 31)))])  # no event held
def test_the_figures_from_the_events_are_the_figures(community: Engine, scope: Scope) -> None:
    """The dashboard's figures for staff (the per-event counts summed, with the persons) are
    what community_figures gives alone, for the Region, a commune, a sector and empty
    periods."""
    with session_scope(community) as s:
        people, events = community_people(s, scope, TODAY), community_events(s, scope, TODAY)
        assert figures_with_events(people, events) == community_figures(s, scope, TODAY)


def test_growth_keeps_the_history_before_the_period(community: Engine) -> None:
    with session_scope(community) as s:
        growth = members_growth(s, Scope(WINTER), TODAY)
        future = members_growth(s, Scope(Period(date(2026, 3, 1), date(2026, 3, 31))), TODAY)
    assert [d.strftime("%Y-%m") for d in growth["month"]] == ["2025-11", "2025-12", "2026-01"]
    assert list(growth["total"]) == [1, 3, 4] and future.empty


def test_a_commune_or_a_sector_keeps_its_artisans_only(community: Engine) -> None:
    with session_scope(community) as s:
        ixelles = community_figures(s, Scope(WINTER, commune=IXELLES), TODAY)
        wood = community_figures(s, Scope(WINTER, sector="wood"), TODAY)
        food = community_figures(s, Scope(WINTER, sector="food"), TODAY)
    assert (ixelles["members"], ixelles["new_members"], ixelles["attendances"]) == (2, 1, 3)
    assert (ixelles["registrations"], ixelles["no_shows"], ixelles["repeat_rate"]) == (4, 1, 0.5)
    assert (wood["members"], wood["returning_members"], wood["repeat_rate"]) == (1, 1, 1.0)
    assert food["members"] == 0 and food["repeat_rate"] is None
    assert food["no_show_rate"] is None and food["events_held"] == 2  # events are for all


def test_a_commune_and_a_sector_together_keep_the_artisans_of_both(community: Engine) -> None:
    """Ana is the only woodworker, and of Ixelles: Ixelles' woodworkers are Ana, as wood is;
    the statements are built once per shape of scope, their values bound at each read."""
    both = Scope(WINTER, commune=IXELLES, sector="wood")
    with session_scope(community) as s:
        assert community_figures(s, both, TODAY) == community_figures(
            s, Scope(WINTER, sector="wood"), TODAY)
        assert community_figures(s, Scope(WINTER, commune="21001", sector="wood"),
                                 TODAY)["members"] == 0  # Anderlecht has no woodworker
        pd.testing.assert_frame_equal(community_events(s, both, TODAY), community_events(
            s, Scope(WINTER, sector="wood"), TODAY))
        assert list(members_growth(s, both, TODAY)["total"]) == [1, 1, 1]


def test_per_event_a_commune_or_a_sector_keeps_its_artisans_only(community: Engine) -> None:
    with session_scope(community) as s:
        ixelles = community_events(s, Scope(WINTER, commune=IXELLES), TODAY)
        food = community_events(s, Scope(WINTER, sector="food"), TODAY)
    # Ana returning at both, Cleo a no-show on 1 December then new in January
    assert list(ixelles["event_id"]) == [2, 3] and list(ixelles["attended"]) == [1, 2]
    assert list(ixelles["new"]) == [0, 1] and list(ixelles["returning"]) == [1, 1]
    assert list(ixelles["registrations"]) == [2, 2] and list(ixelles["no_shows"]) == [1, 0]
    assert list(food["event_id"]) == [2, 3]  # every event, with zeros
    assert list(food["attended"]) == [0, 0] and list(food["registrations"]) == [0, 0]


def test_breakdowns_add_up_to_the_members_card(community: Engine) -> None:
    with session_scope(community) as s:
        places = members_by_place(s, Scope(WINTER), TODAY)
    # Ana (Ixelles, wood), Cleo (Ixelles, no sector), Bob and Eve (neither)
    assert sorted(places.fillna("-").to_numpy().tolist()) == [
        ["-", "-", 2], [IXELLES, "-", 1], [IXELLES, "wood", 1]]
    communes, sectors = per(places, "commune_nis"), per(places, "sector")
    assert communes.fillna("-").to_numpy().tolist() == [[IXELLES, 2], ["-", 2]]
    assert sectors.fillna("-").to_numpy().tolist() == [["-", 3], ["wood", 1]]


def test_partners_get_rounded_counts_and_no_rate_over_few(community: Engine) -> None:
    with session_scope(community) as s:
        shown = disclose("kpis", community_figures(s, Scope(WINTER), TODAY))
    assert shown["members"] == SMALL and shown["attendances"] == 5
    assert shown["repeat_rate"] == UNKNOWN and shown["no_show_rate"] == UNKNOWN
    # a share is its rounded numerator over its rounded base (base 10 or more, numerator not
    # "< 5"); registrations are not a partner's card
    many = {"active_members": 40, "repeat_rate": 0.25, "registrations": 9, "no_show_rate": 0.2}
    assert disclose("kpis", many) == {"active_members": 40, "repeat_rate": 0.25,
                                      "no_show_rate": UNKNOWN}
    # 3 no-shows of 10 registrations: "< 5" over 10 is not shown; 9 of 12 is 10 of 10
    few = {"registrations": 10, "no_shows": 3, "no_show_rate": 0.3, "active_members": 12,
           "repeat_rate": 0.75}
    assert disclose("kpis", few) == {"active_members": 10, "no_show_rate": UNKNOWN,
                                     "repeat_rate": 1.0}
