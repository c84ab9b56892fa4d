"""The label uptake dashboard's figures on a hand-built data set whose answers are known by
hand (expiry after 6 years, renewal, an explicit expiry, erasure, a period crossing New Year),
and what a partner gets of them."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from db.engine import session_scope
from db.models import KpiTarget, LabelStep
from db.periods import Period, Scope, change
from db.permissions import SYSTEM
from db.privacy import SMALL, UNKNOWN, Withheld, disclose
from db.queries.artisans import create_artisan
from db.queries.chart_targets import indicator_targets
from db.queries.community import per
from db.queries.label_kpis import (
    certified_by_month,
    certified_by_place,
    label_figures,
    label_funnel,
)

TODAY = date(2026, 1, 10)
WINTER = Period(date(2025, 12, 1), date(2026, 1, 31))  # crosses New Year; read on TODAY
OLD = datetime(2025, 1, 1, 9, tzinfo=UTC)


def _artisan(s: Session, name: str, steps: list[tuple[str, date]], postcode: str | None = None,
             sector: str | None = None, created: datetime = OLD, erased: bool = False) -> int:
    who = create_artisan(session=s, actor=SYSTEM, fields={
        "first_name": name, "last_name": "Test", "postcode": postcode, "sector": sector})
    who.created_at = created
    if erased:
        who.first_name = who.last_name = who.search_text = who.name_key = ""
        who.erased_at = datetime(2025, 12, 3, tzinfo=UTC)
    s.add_all([LabelStep(artisan_id=who.id, state=state, occurred_on=day)
               for state, day in steps])
    return who.id


@pytest.fixture
def journeys(demo_users: Engine) -> Engine:
    """ana (Ixelles, wood) renews in December; bob's 2019 label lapsed, certified again in
    January; cid (Ixelles) refused in December, appeals; dan (erased) holds a 2021 label; eve's
    label was marked expired; fay informed; gus no step; zoe's 2020 label lapses on 31 January;
    hal registered after the day, with a step after it."""
    with session_scope(demo_users) as s:
        _artisan(s, "Ana", [("submitted", date(2019, 11, 1)), ("certified", date(2020, 1, 15)),
                            ("submitted", date(2025, 12, 1)), ("certified", date(2025, 12, 20))],
                 postcode="1050", sector="wood")
        _artisan(s, "Bob", [("certified", date(2019, 6, 1)), ("submitted", date(2025, 12, 5)),
                            ("certified", date(2026, 1, 5))], sector="wood")
        _artisan(s, "Cid", [("submitted", date(2025, 11, 20)), ("refused", date(2025, 12, 10)),
                            ("submitted", date(2025, 12, 15))], postcode="1050")
        _artisan(s, "Dan", [("certified", date(2021, 3, 1))], postcode="1000", erased=True)
        _artisan(s, "Eve", [("certified", date(2018, 2, 1)), ("expired", date(2024, 2, 1))])
        _artisan(s, "Fay", [("informed", date(2025, 12, 2))])
        _artisan(s, "Gus", [], created=datetime(2025, 6, 1, 9, tzinfo=UTC))
        _artisan(s, "Zoe", [("certified", date(2020, 1, 31))], postcode="1000")
        _artisan(s, "Hal", [("informed", date(2026, 1, 15))],
                 created=datetime(2026, 1, 20, 9, tzinfo=UTC))
    return demo_users


def test_the_figures_by_hand(journeys: Engine) -> None:
    with session_scope(journeys) as s:
        figures = label_figures(s, Scope(WINTER), TODAY)
    # certified: ana, bob, dan (erased), zoe; registry: all but hal (later), dan (erased) too
    assert figures == {"certified": 4, "registry": 8, "uptake_rate": 4 / 8,
                       "new_certified": 1, "renewals": 1, "refusals": 1, "decisions": 3,
                       "decisions_timed": 3, "median_days_to_decision": 20.0}


def test_a_label_lapses_six_years_on_unless_renewed(journeys: Engine) -> None:
    with session_scope(journeys) as s:
        frame = certified_by_month(s, Scope(Period(date(2025, 12, 1), date(2026, 2, 28))),
                                   date(2026, 2, 28))
    # 31 Dec: ana, dan, zoe (bob's 2019 label lapsed); 31 Jan: bob is back, zoe lapsed that day
    assert [m.strftime("%Y-%m") for m in frame["month"]] == ["2025-12", "2026-01", "2026-02"]
    assert list(frame["certified"]) == [3, 3, 3]
    with session_scope(journeys) as s:
        on_30_jan = label_figures(s, Scope(Period(date(2026, 1, 1), date(2026, 1, 30))),
                                  date(2026, 1, 30))
    assert on_30_jan["certified"] == 4


def test_the_series_stops_at_today(journeys: Engine) -> None:
    with session_scope(journeys) as s:
        frame = certified_by_month(s, Scope(WINTER), TODAY)
        later = certified_by_month(s, Scope(Period(date(2026, 3, 1), date(2026, 4, 30))), TODAY)
    assert list(frame["certified"]) == [3, 4] and later.empty


def test_the_funnel_reads_each_artisans_latest_step_on_the_day(journeys: Engine) -> None:
    with session_scope(journeys) as s:
        funnel = label_funnel(s, Scope(WINTER), TODAY)
        before = label_funnel(s, Scope(Period(date(2025, 11, 1), date(2025, 11, 30))), TODAY)
    assert dict(zip(funnel["state"], funnel["count"], strict=True)) == {
        "not_informed": 1, "informed": 1, "interested": 0, "file_in_preparation": 0,
        "submitted": 1, "certified": 4, "refused": 0, "expired": 1}
    # 30 Nov: ana certified (2020), bob's 2019 label reads expired, cid submitted, fay none yet
    assert dict(zip(before["state"], before["count"], strict=True)) == {
        "not_informed": 2, "informed": 0, "interested": 0, "file_in_preparation": 0,
        "submitted": 1, "certified": 3, "refused": 0, "expired": 2}


def test_a_commune_or_a_sector_keeps_its_artisans_only(journeys: Engine) -> None:
    with session_scope(journeys) as s:
        ixelles = label_figures(s, Scope(WINTER, commune="21009"), TODAY)
        wood = label_figures(s, Scope(WINTER, sector="wood"), TODAY)
        nowhere = label_figures(s, Scope(WINTER, sector="ceramics"), TODAY)
    assert (ixelles["certified"], ixelles["registry"], ixelles["refusals"]) == (1, 2, 1)
    assert (wood["certified"], wood["new_certified"], wood["renewals"]) == (2, 1, 1)
    assert nowhere["uptake_rate"] is None and nowhere["median_days_to_decision"] is None


def test_each_read_binds_its_place_and_days(journeys: Engine) -> None:
    """The statements are built once per shape of scope (a commune or not, a sector or not),
    the place and the days bound at each read: two communes, two sectors, three pairs and two
    periods read one after the other through one statement each get their own answers. Ida
    (Brussels, food) certified in December; Jon (Ixelles, food) refused in January; Kim
    (Ixelles, food) registered in December, without a step."""
    with session_scope(journeys) as s:
        _artisan(s, "Ida", [("certified", date(2025, 12, 12))], postcode="1000", sector="food")
        _artisan(s, "Jon", [("submitted", date(2025, 11, 3)), ("refused", date(2026, 1, 8))],
                 postcode="1050", sector="food")
        _artisan(s, "Kim", [], postcode="1050", sector="food",
                 created=datetime(2025, 12, 15, 9, tzinfo=UTC))
    autumn = Period(date(2025, 10, 1), date(2025, 11, 30))

    def read(period: Period = WINTER, commune: str | None = None,
             sector: str | None = None) -> tuple[object, ...]:
        """Certified, registry, refusals, certified per month end, the funnel's states with
        artisans, and the certified's places."""
        scope = Scope(period, commune, sector)
        with session_scope(journeys) as s:
            figures = label_figures(s, scope, TODAY)
            funnel = label_funnel(s, scope, TODAY)
            return (figures["certified"], figures["registry"], figures["refusals"],
                    list(certified_by_month(s, scope, TODAY)["certified"]),
                    {k: n for k, n in zip(funnel["state"], funnel["count"], strict=True) if n},
                    len(certified_by_place(s, scope, TODAY)))

    assert read(commune="21009") == (1, 4, 2, [1, 1], {  # Ana; Cid, Jon refused; Kim
        "not_informed": 1, "submitted": 1, "certified": 1, "refused": 1}, 1)
    assert read(commune="21004") == (3, 3, 0, [3, 3], {"certified": 3}, 2)  # Dan, Zoe, Ida
    assert read(sector="wood") == (2, 2, 0, [1, 2], {"certified": 2}, 2)  # Ana, Bob
    assert read(sector="food") == (1, 3, 1, [1, 1], {"not_informed": 1, "certified": 1,
                                                     "refused": 1}, 1)  # Ida, Jon, Kim
    assert read(commune="21009", sector="food") == (0, 2, 1, [0, 0], {"not_informed": 1,
                                                                      "refused": 1}, 0)
    assert read(commune="21004", sector="food") == (1, 1, 0, [1, 1], {"certified": 1}, 1)
    assert read(commune="21009", sector="wood") == (1, 1, 0, [1, 1], {"certified": 1}, 1)
    assert read() == (5, 11, 2, [4, 5], {"not_informed": 2, "informed": 1, "submitted": 1,
                                         "certified": 5, "refused": 1, "expired": 1}, 4)
    # 30 November: Ana (2020), Dan, Zoe; bob's and eve's labels read expired; Fay, Gus, Ida
    # without a step yet; Kim not registered yet
    assert read(autumn) == (3, 10, 0, [3, 3], {"not_informed": 3, "submitted": 2,
                                               "certified": 3, "expired": 2}, 2)


def test_certified_per_commune_and_sector_add_up_to_the_figure(journeys: Engine) -> None:
    with session_scope(journeys) as s:
        places = certified_by_place(s, Scope(WINTER), TODAY)
    communes, sectors = per(places, "commune_nis"), per(places, "sector")
    assert communes.fillna("-").to_numpy().tolist() == [["21004", 2], ["21009", 1], ["-", 1]]
    assert sectors.fillna("-").to_numpy().tolist() == [["wood", 2], ["-", 2]]


def test_no_change_from_nothing_is_n_a(journeys: Engine) -> None:
    with session_scope(journeys) as s:
        now = label_figures(s, Scope(WINTER), TODAY)
        before = label_figures(s, Scope(WINTER.previous()), TODAY)
    assert before["refusals"] == 0 and change(now["refusals"], before["refusals"]).value is None
    assert change(now["certified"], before["certified"]).value == pytest.approx(100 / 3)
    assert change(now["uptake_rate"], before["uptake_rate"], rate=True).points


def test_targets_overlapping_the_period(journeys: Engine) -> None:
    with session_scope(journeys) as s:
        s.add_all([KpiTarget(indicator="certified_artisans", period_start=date(2025, 1, 1),
                             period_end=date(2025, 12, 31), target_value=5),
                   KpiTarget(indicator="certified_artisans", period_start=date(2024, 1, 1),
                             period_end=date(2024, 12, 31), target_value=3),
                   KpiTarget(indicator="community_members", period_start=date(2025, 1, 1),
                             period_end=date(2025, 12, 31), target_value=50)])
    with session_scope(journeys) as s:
        targets = indicator_targets(s, "certified_artisans", WINTER.start, WINTER.end)
    assert targets.to_dict("records") == [{"period_start": date(2025, 1, 1),
                                           "period_end": date(2025, 12, 31),
                                           "target_value": 5.0}]


def test_partners_get_rounded_counts_and_no_derived_figure_over_few(journeys: Engine) -> None:
    with session_scope(journeys) as s:
        shown = disclose("kpis", label_figures(s, Scope(WINTER), TODAY))
        funnel = disclose("breakdown", label_funnel(s, Scope(WINTER), TODAY))
    assert shown["certified"] == SMALL and shown["registry"] == 10  # 8 rounds to 10
    assert shown["uptake_rate"] == UNKNOWN and shown["median_days_to_decision"] == UNKNOWN
    assert not isinstance(funnel, Withheld)
    assert dict(zip(funnel["state"], funnel["count_hidden"], strict=True))["certified"] == SMALL
    # a large registry does not make a rate over few certified safe: rate x ~85 gives the 1
    few = disclose("kpis", {"certified": 1, "registry": 84, "uptake_rate": 1 / 84})
    assert few == {"certified": SMALL, "registry": 85, "uptake_rate": UNKNOWN}
    many = {"certified": 153, "registry": 5012, "uptake_rate": 153 / 5012, "decisions": 12,
            "decisions_timed": 11, "median_days_to_decision": 41.0}
    assert disclose("kpis", many) == {"certified": 155, "registry": 5010,
                                      "uptake_rate": 0.03, "decisions": 10,  # whole percent
                                      "median_days_to_decision": 41.0}
    # decisions = new + renewals + refusals: partners get the sum, not its parts
    parts = disclose("kpis", {"decisions": 8, "new_certified": 4, "renewals": 0,
                              "refusals": 4})
    assert parts == {"decisions": 10}
