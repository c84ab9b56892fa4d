"""Cached reads of the dashboards, keyed on the data versions (components.data.read); a
partner's pass through the disclosure control (db/reads.py) and are region-wide."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import partial

import pandas as pd

from components.data import read
from components.together import together
from db.periods import Scope
from db.privacy import Withheld
from db.queries.campaign_kpis import series_grain
from db.queries.community import per
from db.queries.community_kpis import figures_with_events
from db.reads import sees_exact
from db.vocab import LABEL_STATES


def _allowed(scope: Scope, role: str) -> Scope:
    """A partner's scope: the period only (no commune or sector: a small area could single
    someone out)."""
    return scope if sees_exact(role) else replace(scope, commune=None, sector=None)


def coaching_figures(scope: Scope, today: date, role: str) -> dict[str, object]:
    """The coaching dashboard's figures for a scope, as the role may see them."""
    return dict(read("coaching_kpis", role, _allowed(scope, role), today))


def coaching_by_month(scope: Scope, role: str) -> pd.DataFrame | Withheld:
    """Sessions and artisans coached per month of the scope's period."""
    result: pd.DataFrame | Withheld = read("coaching_by_month", role, _allowed(scope, role))
    return result


def community_figures(scope: Scope, today: date, role: str) -> dict[str, object]:
    """The community dashboard's figures for a scope, as the role may see them."""
    return dict(read("community_kpis", role, _allowed(scope, role), today))


def community_growth(scope: Scope, today: date, role: str) -> pd.DataFrame:
    """Members to date at the end of each month of the period (disclosed over the whole
    history, so that a partner's new members stay differences of rounded totals)."""
    frame = pd.DataFrame(read("community_growth", role, _allowed(scope, role), today))
    if frame.empty:
        return frame
    first = pd.Timestamp(scope.period.start.replace(day=1))
    return frame[frame["month"] >= first].reset_index(drop=True)


def community_places(scope: Scope, today: date,
                     role: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Members per commune and per sector (one read, community_by_place), for staff and up
    (refused to partners)."""
    return _places("community_by_place", scope, today, role)


def community_events(scope: Scope, today: date, role: str) -> pd.DataFrame:
    """Per community event of the period, for staff and up (refused to partners: per event,
    counts are small enough to single someone out), with the chart's axis label: the day,
    with the hour when two events share a day."""
    frame = pd.DataFrame(read("community_events", role, scope, today))
    day = frame["starts_at"].dt.strftime("%d/%m/%Y")
    twice = day.duplicated(keep=False)
    return frame.assign(label=day.where(~twice, frame["starts_at"].dt.strftime("%d/%m/%Y %H:%M")))


@dataclass(frozen=True)
class CommunityView:
    """What the community dashboard and its report section show of a scope, as a role may see
    it: events and places are None for partners (docs/privacy.md)."""

    figures: dict[str, object]
    previous: dict[str, object]  # the figures of the previous period of equal length
    growth: pd.DataFrame
    events: pd.DataFrame | None
    places: tuple[pd.DataFrame, pd.DataFrame] | None


def community_view(scope: Scope, today: date, role: str) -> CommunityView:
    """The community dashboard's reads, at once (components.together). Staff's figures add up
    the per-event counts (read for the chart anyway) to the persons counted by
    community_people: the period's attendances are read once, and the two reads, the
    longest, can run side by side; partners get the disclosed figures (community_kpis)."""
    before = Scope(scope.period.previous(), scope.commune, scope.sector)
    if not sees_exact(role):
        figures, previous, growth = together(
            partial(community_figures, scope, today, role),
            partial(community_figures, before, today, role),
            partial(community_growth, scope, today, role))
        return CommunityView(figures, previous, growth, None, None)
    # The longest first, so that the two threads end about together (at scale 20 over the
    # plan: events 20 ms, people 12, places 8, the previous figures 4, growth 4).
    events, people, places, previous, growth = together(
        partial(community_events, scope, today, role),
        partial(read, "community_people", role, scope, today),
        partial(community_places, scope, today, role),
        partial(community_figures, before, today, role),
        partial(community_growth, scope, today, role))
    return CommunityView(dict(figures_with_events(people, events)), previous, growth, events,
                         places)


def label_figures(scope: Scope, today: date, role: str) -> dict[str, object]:
    """The label uptake dashboard's figures for a scope, as the role may see them."""
    return dict(read("label_kpis", role, _allowed(scope, role), today))


def label_by_month(scope: Scope, today: date, role: str) -> pd.DataFrame | Withheld:
    """Certified artisans at each month end of the period (to today)."""
    result: pd.DataFrame | Withheld = read("label_by_month", role, _allowed(scope, role), today)
    return result


def label_breakdown(name: str, scope: Scope, today: date, role: str) -> pd.DataFrame:
    """The funnel (label_funnel), for staff and up (refused to partners), its states in the
    journey's order."""
    frame = pd.DataFrame(read(name, role, scope, today))
    return frame.sort_values("state", key=lambda s: s.map(LABEL_STATES.index)).reset_index(
        drop=True)


def label_places(scope: Scope, today: date, role: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Certified artisans per commune and per sector (one read, label_by_place), for staff and
    up (refused to partners)."""
    return _places("label_by_place", scope, today, role)


def _places(name: str, scope: Scope, today: date, role: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A count per commune and sector together (community_by_place, label_by_place) as the
    counts per commune and per sector; rows without a commune or sector are left out of the
    charts."""
    places = pd.DataFrame(read(name, role, scope, today))
    communes, sectors = (per(places, column) for column in ("commune_nis", "sector"))
    return (communes[communes["commune_nis"].notna()].reset_index(drop=True),
            sectors[sectors["sector"].notna()].reset_index(drop=True))


def _media(scope: Scope) -> Scope:
    """The campaign's media figures are region-wide: commune and sector narrow sign-ups only."""
    return Scope(scope.period)


def dash_campaigns(role: str) -> pd.DataFrame:
    """The campaigns to choose from on the campaign dashboard (names and dates)."""
    return pd.DataFrame(read("dash_campaigns", role))


def campaign_figures_kpis(scope: Scope, campaign_id: int | None, role: str) -> dict[str, object]:
    """Impressions, clicks and spend over every channel (exact: media figures), and the
    campaign-attributed sign-ups of the scope (disclosed to partners: they count persons)."""
    totals = dict(read("campaign_kpis", role, _media(scope), campaign_id))
    return totals | dict(read("campaign_signups", role, _allowed(scope, role)))


def campaign_channels(scope: Scope, campaign_id: int | None, role: str) -> pd.DataFrame:
    """Figures per channel of the period (reach only as the largest of one row)."""
    return pd.DataFrame(read("campaign_channels", role, _media(scope), campaign_id))


def campaign_rows(scope: Scope, campaign_id: int | None, role: str) -> pd.DataFrame:
    """Each figure row of the period with its reach and frequency, as entered."""
    return pd.DataFrame(read("campaign_rows", role, _media(scope), campaign_id))


def campaign_series(scope: Scope, campaign_id: int | None, role: str) -> pd.DataFrame:
    """Impressions per week or month and channel, with the chart's label: the week's Monday
    (dd/mm/yyyy) or the month (mm/yyyy)."""
    frame = pd.DataFrame(read("campaign_series", role, _media(scope), campaign_id))
    weekly = series_grain(scope.period) == "week"
    return frame.assign(label=frame["start"].dt.strftime("%d/%m/%Y" if weekly else "%m/%Y"))
