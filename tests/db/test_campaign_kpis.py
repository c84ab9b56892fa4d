"""The campaign reach dashboard's figures on a hand-built data set whose answers are known by
hand: reach never summed, two campaigns and periods, rows crossing New Year, n/a without
clicks, campaign-attributed sign-ups in Brussels days, and what a partner gets."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import Engine, update

from db.clock import BRUSSELS
from db.engine import session_scope
from db.models import Artisan
from db.periods import Period, Scope
from db.privacy import SMALL, disclose
from db.queries.artisans import create_artisan
from db.queries.campaign_figures import record_figures
from db.queries.campaign_kpis import (
    campaign_signups,
    campaign_totals,
    channel_figures,
    impressions_series,
    reach_rows,
)
from db.queries.campaigns import create_campaign
from db.queries.progress import impressions_between
from db.reads import run_read
from tests.conftest import actor

STAFF = actor("staff")
WINTER = Scope(Period(date(2025, 12, 1), date(2026, 1, 31)))  # crosses New Year
D = date

# (campaign, channel, first day, last day, figures); counted by their last day
ROWS: list[tuple[str, str, date, date, dict[str, Any]]] = [
    ("A", "social", D(2025, 12, 1), D(2025, 12, 7),
     {"impressions": 1000, "reach": 400, "clicks": 30, "spend_eur": 50}),
    ("A", "social", D(2025, 12, 29), D(2026, 1, 4),  # across New Year: January's
     {"impressions": 3000, "reach": 1000, "clicks": 90, "spend_eur": 150}),
    ("A", "search", D(2025, 12, 8), D(2025, 12, 14),
     {"impressions": 500, "clicks": 0, "spend_eur": 20}),
    ("A", "posters", D(2025, 11, 24), D(2025, 12, 7),  # 14 days, ends in the period
     {"poster_faces": 10, "impressions": 2000, "reach": 1500, "spend_eur": 100}),
    ("A", "social", D(2025, 11, 17), D(2025, 11, 23), {"impressions": 99_999}),  # before
    ("B", "radio", D(2026, 1, 26), D(2026, 2, 1), {"spots_aired": 7}),  # ends after
    ("B", "radio", D(2026, 1, 5), D(2026, 1, 11),
     {"spots_aired": 40, "grp": 12.5, "impressions": 5000, "reach": 2500, "spend_eur": 300}),
    ("B", "flyers", D(2026, 1, 12), D(2026, 1, 18), {"flyers_distributed": 800}),
]


@pytest.fixture
def campaigns(demo_users: Engine) -> dict[str, int]:
    """Campaigns A and B with the ROWS figures."""
    with session_scope(demo_users) as s:
        ids = {name: create_campaign(session=s, actor=STAFF, fields={
            "name": f"Campagne {name}", "slogan": None, "starts_on": D(2025, 11, 1),
            "ends_on": D(2026, 2, 28), "budget_eur": None}).id for name in "AB"}
        for name, channel, first, last, figures in ROWS:
            record_figures(session=s, actor=STAFF, campaign_id=ids[name], today=D(2026, 3, 1),
                           fields={"channel": channel, "period_start": first,
                                   "period_end": last, **figures})
    return ids


def _channels(engine: Engine, campaign_id: int | None = None) -> dict[str, dict[str, Any]]:
    with session_scope(engine) as s:
        frame = channel_figures(s, WINTER, campaign_id)
    return {row["channel"]: {k: (None if pd.isna(v) else v) for k, v in row.items()}
            for row in frame.to_dict("records")}


@pytest.mark.usefixtures("campaigns")
def test_figures_per_channel_by_hand(demo_users: Engine) -> None:
    by = _channels(demo_users)
    assert list(by) == ["posters", "radio", "flyers", "social", "search"]
    assert by["social"]["rows"] == 2 and by["social"]["impressions"] == 4000
    assert (by["social"]["clicks"], by["social"]["spend_eur"]) == (120, 200.0)
    assert by["social"]["ctr"] == pytest.approx(0.03)
    assert by["social"]["cpm"] == pytest.approx(50.0)
    assert by["social"]["cpc"] == pytest.approx(200 / 120)
    assert by["posters"]["poster_face_days"] == 140  # 10 faces x 14 days
    assert (by["radio"]["spots_aired"], by["radio"]["grp"]) == (40, 12.5)
    assert by["radio"]["cpm"] == pytest.approx(60.0)
    assert by["flyers"]["flyers_distributed"] == 800 and by["flyers"]["impressions"] is None


@pytest.mark.usefixtures("campaigns")
def test_reach_is_never_summed(demo_users: Engine) -> None:
    by = _channels(demo_users)
    assert by["social"]["largest_reach"] == 1000  # the largest week, not 400 + 1000
    with session_scope(demo_users) as s:
        rows = reach_rows(s, WINTER)
    social = rows[rows["channel"] == "social"]
    assert social["reach"].tolist() == [400, 1000]
    assert social["frequency"].tolist() == pytest.approx([2.5, 3.0])
    assert rows["reach"].dropna().tolist() == [1500, 400, 1000, 2500]  # as entered
    assert rows["period_end"].tolist() == sorted(rows["period_end"])


@pytest.mark.usefixtures("campaigns")
def test_ctr_and_cpc_are_na_without_clicks(demo_users: Engine) -> None:
    by = _channels(demo_users)
    assert by["search"]["ctr"] == 0.0 and by["search"]["cpc"] is None  # 0 clicks
    assert by["posters"]["ctr"] is None and by["posters"]["cpc"] is None  # none reported
    assert by["posters"]["cpm"] == pytest.approx(50.0)  # spend and impressions both there
    assert by["flyers"]["cpm"] is None


def test_totals_agree_with_the_targets_page(demo_users: Engine,
        campaigns: dict[str, int]) -> None:
    with session_scope(demo_users) as s:
        totals = campaign_totals(s, WINTER)
        only_a = campaign_totals(s, WINTER, campaigns["A"])
        between = impressions_between(s, WINTER.period.start, WINTER.period.end)
    assert totals == {"impressions": 11_500, "clicks": 120, "spend_eur": 620.0}
    assert between == totals["impressions"]
    assert only_a == {"impressions": 6500, "clicks": 120, "spend_eur": 320.0}


def test_a_campaign_keeps_its_own_rows_and_a_bad_id_none(demo_users: Engine,
        campaigns: dict[str, int]) -> None:
    assert list(_channels(demo_users, campaigns["B"])) == ["radio", "flyers"]
    assert _channels(demo_users, 2**40) == {}


@pytest.mark.usefixtures("campaigns")
def test_weeks_across_new_year(demo_users: Engine) -> None:
    with session_scope(demo_users) as s:
        weeks = impressions_series(s, WINTER)
    social = weeks[weeks["channel"] == "social"].set_index("start")["impressions"]
    assert len(social) == 9 and social.index[0] == pd.Timestamp("2025-12-01")  # Mondays
    assert social[pd.Timestamp("2025-12-01")] == 1000
    assert social[pd.Timestamp("2025-12-29")] == 3000  # the row ending on 4 January
    assert int(social.sum()) == 4000
    assert list(dict.fromkeys(weeks["channel"])) == ["posters", "radio", "social", "search"]


@pytest.mark.usefixtures("campaigns")
def test_months_for_a_long_period(demo_users: Engine) -> None:
    half_year = Scope(Period(D(2025, 10, 1), D(2026, 3, 31)))
    with session_scope(demo_users) as s:
        months = impressions_series(s, half_year)
        empty = impressions_series(s, Scope(Period(D(2024, 1, 1), D(2024, 12, 31))))
    social = months[months["channel"] == "social"]["impressions"].tolist()
    assert social == [0, 99_999, 1000, 3000, 0, 0]
    assert empty.empty


def test_each_read_binds_its_campaign_and_period(demo_users: Engine,
        campaigns: dict[str, int]) -> None:
    """The statements are built once per shape (a campaign chosen or not, as many weeks):
    two campaigns, or two periods of nine weeks, read through one statement get their own
    rows, not the first read's."""
    earlier = Scope(Period(D(2025, 11, 24), D(2026, 1, 24)))  # nine weeks, a week earlier
    with session_scope(demo_users) as s:
        a, b = (campaign_totals(s, WINTER, campaigns[n]) for n in "AB")
        channels = [list(channel_figures(s, WINTER, campaigns[n])["channel"]) for n in "AB"]
        names = [set(reach_rows(s, WINTER, campaigns[n])["campaign"]) for n in "AB"]
        weeks = [impressions_series(s, scope) for scope in (WINTER, earlier)]
    assert a == {"impressions": 6500, "clicks": 120, "spend_eur": 320.0}
    assert b == {"impressions": 5000, "clicks": 0, "spend_eur": 300.0}
    assert channels == [["posters", "social", "search"], ["radio", "flyers"]]
    assert names == [{"Campagne A"}, {"Campagne B"}]
    social = [w[w["channel"] == "social"].set_index("start")["impressions"] for w in weeks]
    assert [(len(w), w.index[0]) for w in social] == [(9, pd.Timestamp("2025-12-01")),
                                                      (9, pd.Timestamp("2025-11-24"))]
    # the rows ending on 7 December and 4 January, in their own weeks in both periods
    assert [{f"{day:%d/%m}": n for day, n in w.items() if n} for w in social] == [
        {"01/12": 1000, "29/12": 3000}] * 2


def _signed_up(engine: Engine, name: str, when: datetime, source: str = "campaign",
               postcode: str | None = None, sector: str | None = None) -> None:
    with session_scope(engine) as s:
        who = create_artisan(session=s, actor=STAFF, fields={
            "first_name": name, "last_name": "Test", "source": source, "postcode": postcode,
            "sector": sector})
        s.execute(update(Artisan).where(Artisan.id == who.id)
                  .values(created_at=when.replace(tzinfo=BRUSSELS).astimezone(UTC)))


def test_campaign_signups_in_brussels_days(demo_users: Engine) -> None:
    _signed_up(demo_users, "Ana", datetime(2025, 12, 1, 0, 30), postcode="1050")  # 30 Nov UTC
    _signed_up(demo_users, "Bob", datetime(2026, 1, 31, 23, 30))
    _signed_up(demo_users, "Cleo", datetime(2026, 2, 1, 0, 30))  # 31 Jan UTC: February's
    _signed_up(demo_users, "Dan", datetime(2026, 1, 10, 12), source="event")
    with session_scope(demo_users) as s:
        everyone = campaign_signups(s, WINTER)
        ixelles = campaign_signups(s, Scope(WINTER.period, commune="21009"))
        shown = disclose("kpis", everyone)  # as partners would get it, once opened to them
    assert everyone == {"campaign_signups": 2} and ixelles == {"campaign_signups": 1}
    assert shown == {"campaign_signups": SMALL}


def test_sign_ups_of_one_shape_count_their_own_place_and_period(demo_users: Engine) -> None:
    """One statement per shape of scope (a commune or not, a sector or not): each read binds
    its own commune, sector and period."""
    _signed_up(demo_users, "Ana", datetime(2025, 12, 10, 12), postcode="1050", sector="wood")
    _signed_up(demo_users, "Bob", datetime(2026, 1, 10, 12), postcode="1000", sector="food")
    _signed_up(demo_users, "Cleo", datetime(2026, 2, 10, 12), postcode="1000", sector="wood")
    february = Period(D(2026, 2, 1), D(2026, 2, 28))

    def count(period: Period, commune: str | None = None, sector: str | None = None) -> Any:
        with session_scope(demo_users) as s:
            return campaign_signups(s, Scope(period, commune, sector))["campaign_signups"]

    assert [count(WINTER.period), count(february)] == [2, 1]
    assert [count(WINTER.period, c) for c in ("21009", "21004", "21001")] == [1, 1, 0]
    assert [count(WINTER.period, sector=c) for c in ("wood", "food", "ceramics")] == [1, 1, 0]
    assert [count(p, "21004", "wood") for p in (WINTER.period, february)] == [0, 1]
    assert count(february, "21004", "food") == 0


@pytest.mark.usefixtures("campaigns")
def test_media_figures_would_pass_exactly(demo_users: Engine) -> None:
    with session_scope(demo_users) as s:  # the "media" kind, once opened to partners
        exact = channel_figures(s, WINTER)
        totals = run_read(s, "campaign_kpis", "manager", WINTER, None)
    pd.testing.assert_frame_equal(disclose("media", exact), exact)
    assert disclose("media", totals)["impressions"] == 11_500


def test_a_person_column_never_passes_as_media() -> None:
    with pytest.raises(ValueError, match="first_name"):
        disclose("media", pd.DataFrame({"channel": ["social"], "first_name": ["Ana"]}))
    assert disclose("media", {"impressions": 3}) == {"impressions": 3}

