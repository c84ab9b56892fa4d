"""The campaign reach dashboard's figures for a period (all campaigns, or one), aggregated in
SQL, by domain.md's definitions. A figure row is entered for a channel and a period, known once
that period is over, and counts in the dashboard's period that holds its last day (the targets
page's rule, db.queries.progress.impressions_between, so both show the same impressions):
- per channel: impressions, clicks, spend, flyers distributed, spots aired and GRP summed over
  its rows; poster faces x days: each row's poster faces times the days of its period, summed;
- reach (unique people exposed) is never added up, across periods or channels: it is shown per
  row (channel and period) as entered, with frequency = impressions / reach of that row, and
  per channel only as the largest reach of a single row (labelled so, not a total);
- CTR = clicks / impressions, CPM = spend / impressions x 1000, CPC = spend / clicks, per
  channel over the rows that report both figures (a row without clicks leaves CTR and CPC
  alone); None ("n/a") when there is nothing to divide by;
- totals across channels: impressions, clicks and spend only;
- campaign-attributed sign-ups: artisans registered (created, Brussels days) in the period
  with source "campaign", of the scope's commune or sector; erased artisans keep that
  anonymous fact and count. Artisans do not record which campaign: the count is the same
  whichever campaign is chosen;
- impressions per week (periods of up to 92 days) or per month, per channel.
Commune and sector narrow the sign-ups only: the campaign's media figures are region-wide.
Partners: media figures count exposures reported by the media agency, not persons of the
registry, and are shown to them exactly (db.privacy "media"); the sign-ups count persons and is
disclosed like every count of persons ("kpis": rounded to 5, "< 5")."""

from __future__ import annotations

import functools
from datetime import date, timedelta
from typing import Any

import pandas as pd
from sqlalchemy import BindParameter, Date, Integer, bindparam, case, func, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import FunctionElement

from db.ids import valid_id
from db.models import Artisan, Campaign, CampaignMetric
from db.periods import Period, Scope
from db.queries.campaign_lists import _ratio
from db.queries.community import (
    END,
    START,
    Shape,
    Statement,
    artisans_in,
    day_after,
    month_starts,
    shape,
)
from db.queries.event_lists import utc_day_start
from db.vocab import CHANNELS

CHANNEL_COLUMNS = ["channel", "rows", "impressions", "clicks", "spend_eur", "flyers_distributed",
                   "poster_face_days", "spots_aired", "grp", "largest_reach", "ctr", "cpm", "cpc"]
ROW_COLUMNS = ["campaign", "channel", "period_start", "period_end", "impressions", "reach",
               "frequency"]
WEEKLY_UP_TO = 92  # days: a quarter reads by week, anything longer by month

# Statements built once per shape (a campaign chosen or not; for the sign-ups, a commune and a
# sector named or not; for the series, its number of weeks or months), the period, campaign,
# place and bucket bounds bound at each read: on a small registry, building and keying a
# statement cost more than running it (0.7 against 0.1 ms for the figures per channel).
FIRST: BindParameter[date] = bindparam("first", type_=Date())
LAST: BindParameter[date] = bindparam("last", type_=Date())
CAMPAIGN: BindParameter[int] = bindparam("campaign", type_=Integer())
SERIES_SHAPES = 32  # series statements kept: a custom period may have any number of months


class days_in(FunctionElement[int]):
    """The days of a period, both ends included, in SQL for SQLite and PostgreSQL."""

    type = Integer()
    inherit_cache = True


@compiles(days_in)
def _days_postgresql(element: days_in, compiler: Any, **kw: Any) -> str:
    start, end = list(element.clauses)
    return f"({compiler.process(end, **kw)} - {compiler.process(start, **kw)} + 1)"


@compiles(days_in, "sqlite")
def _days_sqlite(element: days_in, compiler: Any, **kw: Any) -> str:
    start, end = list(element.clauses)
    return (f"(CAST(julianday({compiler.process(end, **kw)}) - "
            f"julianday({compiler.process(start, **kw)}) AS INTEGER) + 1)")


def _rows(chosen: bool) -> list[Any]:
    """Conditions keeping the figure rows counted in [:first, :last], and of :campaign if one
    is `chosen`."""
    kept: list[Any] = [CampaignMetric.period_end.between(FIRST, LAST)]
    if chosen:
        kept.append(CampaignMetric.campaign_id == CAMPAIGN)
    return kept


def _values(scope: Scope, campaign_id: int | None) -> dict[str, Any]:
    """The values of _rows' parameters: the scope's period, and the campaign (an impossible id
    keeps no row)."""
    return {"first": scope.period.start, "last": scope.period.end,
            "campaign": campaign_id if valid_id(campaign_id) else 0}


def _paired(value: Any, other: Any) -> Any:
    """The sum of `value` over the rows that also report `other`."""
    return func.sum(case((other.is_not(None), value), else_=None))


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


def channel_figures(session: Session, scope: Scope,
                    campaign_id: int | None = None) -> pd.DataFrame:
    """Per channel (in the channels' order): its rows, summed figures, poster faces x days, the
    largest reach of one row (never a sum), and CTR, CPM and CPC."""
    rows = session.execute(_channels_statement(campaign_id is not None),
                           _values(scope, campaign_id)).all()
    found = {r[0]: [r[0], int(r[1]), *(_number(v) for v in r[2:])] for r in rows}
    frame = pd.DataFrame([found[c] for c in CHANNELS if c in found], columns=CHANNEL_COLUMNS)
    whole = ["rows", "impressions", "clicks", "flyers_distributed", "poster_face_days",
             "spots_aired", "largest_reach"]
    return frame.astype({c: "Int64" for c in whole} | {c: "float" for c in
                                                         ("spend_eur", "grp", "ctr", "cpm",
                                                          "cpc")})


@functools.cache
def _channels_statement(chosen: bool) -> Statement:
    # days_in takes two columns: nothing of the read's is rendered into it
    m = CampaignMetric
    return (select(m.channel, func.count().label("rows"), func.sum(m.impressions),
                   func.sum(m.clicks), func.sum(m.spend_eur), func.sum(m.flyers_distributed),
                   func.sum(m.poster_faces * days_in(m.period_start, m.period_end)),
                   func.sum(m.spots_aired), func.sum(m.grp), func.max(m.reach),
                   _ratio(_paired(m.clicks, m.impressions), _paired(m.impressions, m.clicks)),
                   _ratio(_paired(m.spend_eur, m.impressions),
                          _paired(m.impressions, m.spend_eur), 1000.0),
                   _ratio(_paired(m.spend_eur, m.clicks), _paired(m.clicks, m.spend_eur)))
            .where(*_rows(chosen)).group_by(m.channel))


def campaign_totals(session: Session, scope: Scope,
                    campaign_id: int | None = None) -> dict[str, float | None]:
    """Impressions, clicks and spend over every channel (reach is never a total)."""
    row = session.execute(_totals_statement(campaign_id is not None),
                          _values(scope, campaign_id)).one()
    return {"impressions": int(row[0] or 0), "clicks": int(row[1] or 0),
            "spend_eur": float(row[2] or 0)}


@functools.cache
def _totals_statement(chosen: bool) -> Statement:
    m = CampaignMetric
    return (select(func.coalesce(func.sum(m.impressions), 0),
                   func.coalesce(func.sum(m.clicks), 0), func.coalesce(func.sum(m.spend_eur), 0))
            .where(*_rows(chosen)))


def campaign_signups(session: Session, scope: Scope) -> dict[str, float | None]:
    """Artisans registered in the period with source "campaign" (the scope's commune, sector)."""
    count = session.scalar(_signups_statement(shape(scope)), {
        "start": utc_day_start(scope.period.start), "end": day_after(scope.period.end),
        "commune": scope.commune, "sector": scope.sector})
    return {"campaign_signups": int(count or 0)}


@functools.cache
def _signups_statement(place: Shape) -> Statement:
    # :start and :end take created_at's type (a UTC moment) from the comparison
    return (select(func.count()).select_from(Artisan)
            .where(Artisan.source == "campaign", Artisan.created_at >= START,
                   Artisan.created_at < END, *artisans_in(place)))


def reach_rows(session: Session, scope: Scope, campaign_id: int | None = None) -> pd.DataFrame:
    """Each figure row of the period as entered: its campaign, channel, period, impressions,
    reach and frequency (impressions / reach of that row), by period then channel."""
    rows = session.execute(_reach_statement(campaign_id is not None),
                           _values(scope, campaign_id)).all()
    frame = pd.DataFrame([list(r) for r in rows], columns=ROW_COLUMNS)
    return frame.astype({"impressions": "Int64", "reach": "Int64", "frequency": "float"})


@functools.cache
def _reach_statement(chosen: bool) -> Statement:
    m = CampaignMetric
    return (select(Campaign.name, m.channel, m.period_start, m.period_end, m.impressions,
                   m.reach, _ratio(m.impressions, m.reach))
            .join(Campaign, Campaign.id == m.campaign_id)
            .where(*_rows(chosen))
            .order_by(m.period_end, m.period_start, m.channel, Campaign.name))


def series_grain(period: Period) -> str:
    """'week' for a period of up to WEEKLY_UP_TO days, else 'month'."""
    return "week" if period.days <= WEEKLY_UP_TO else "month"


def bucket_starts(period: Period) -> list[date]:
    """The first day of each week (Monday) or month the period touches."""
    if series_grain(period) == "month":
        return month_starts(period.start, period.end)
    monday = period.start - timedelta(days=period.start.weekday())
    return [monday + timedelta(weeks=i) for i in range((period.end - monday).days // 7 + 1)]


def impressions_series(session: Session, scope: Scope,
                       campaign_id: int | None = None) -> pd.DataFrame:
    """Impressions per week or month (series_grain) and channel (columns start, channel,
    impressions), a row counted in the week or month of its last day; every week or month of
    the period is there for each channel with impressions (0 where none)."""
    starts = bucket_starts(scope.period)
    # bucket i ends before :before_i, the next bucket's first day
    ends = {f"before_{i}": s for i, s in enumerate(starts[1:])}
    rows = session.execute(_series_statement(campaign_id is not None, len(starts)),
                           _values(scope, campaign_id) | ends).all()
    found = {(r.channel, int(getattr(r, "bucket", 0))): int(r.impressions) for r in rows}
    channels = [c for c in CHANNELS if any(k[0] == c for k in found)]
    frame = pd.DataFrame([(pd.Timestamp(s), c, found.get((c, i), 0)) for c in channels
                          for i, s in enumerate(starts)], columns=["start", "channel",
                                                                   "impressions"])
    return frame.astype({"start": "datetime64[ns]", "impressions": "int64"})


@functools.lru_cache(maxsize=SERIES_SHAPES)
def _series_statement(chosen: bool, buckets: int) -> Statement:
    """Impressions per channel and bucket (0 to buckets - 1: the first whose :before_i is
    after the row's last day, else the last); no bucket column for a single one."""
    m = CampaignMetric
    bucket = case(*((m.period_end < bindparam(f"before_{i}", type_=Date()), i)
                    for i in range(buckets - 1)),
                  else_=buckets - 1).label("bucket") if buckets > 1 else None
    columns = [m.channel, *([bucket] if bucket is not None else []),
               func.sum(m.impressions).label("impressions")]
    return (select(*columns).where(*_rows(chosen), m.impressions.is_not(None))
            .group_by(m.channel, *([bucket] if bucket is not None else [])))
