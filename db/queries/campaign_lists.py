"""Campaign figures as the staff screens list them: the campaigns, and one campaign's rows per
channel and period with the figures derived from that row alone (reach is never summed)."""

from __future__ import annotations

import functools
from typing import Any

import pandas as pd
from sqlalchemy import BindParameter, Float, Integer, bindparam, cast, func, select
from sqlalchemy.orm import Session

from db.ids import valid_id
from db.models import Campaign, CampaignMetric
from db.queries.community import Statement

FIGURE_COLUMNS = ["id", "row_version", "channel", "period_start", "period_end", "impressions",
                  "reach", "clicks", "spend_eur", "flyers_distributed", "poster_faces",
                  "spots_aired", "grp", "frequency", "ctr", "cpm", "cpc", "created_by",
                  "updated_at"]

# Statements built once, the campaign bound at each read, as the dashboards' reads do
# (db.queries.community): building and keying the campaigns' statement cost as much as the
# rest of the read (0.53 -> 0.30 ms), on every visit of the campaign dashboard and screen.
CAMPAIGN: BindParameter[int] = bindparam("campaign", type_=Integer())


def campaigns_overview(session: Session) -> pd.DataFrame:
    """Every campaign, newest first, with its number of figure rows and its first and last
    reported day."""
    rows = session.execute(_overview()).all()
    return pd.DataFrame([r._asdict() for r in rows], columns=[
        "id", "name", "slogan", "starts_on", "ends_on", "budget_eur", "rows", "first_day",
        "last_day"])


@functools.cache
def _overview() -> Statement:
    return (select(Campaign.id, Campaign.name, Campaign.slogan, Campaign.starts_on,
                   Campaign.ends_on, Campaign.budget_eur,
                   func.count(CampaignMetric.id).label("rows"),
                   func.min(CampaignMetric.period_start).label("first_day"),
                   func.max(CampaignMetric.period_end).label("last_day"))
            .outerjoin(CampaignMetric, CampaignMetric.campaign_id == Campaign.id)
            .group_by(Campaign.id, Campaign.name, Campaign.slogan, Campaign.starts_on,
                      Campaign.ends_on, Campaign.budget_eur)
            .order_by(Campaign.starts_on.desc(), Campaign.id.desc()))


def _ratio(top: Any, bottom: Any, times: float = 1.0) -> Any:
    """top / bottom * times as a float, NULL when either is missing or bottom is 0."""
    return cast(top, Float) * times / func.nullif(cast(bottom, Float), 0.0)


def campaign_figures(session: Session, campaign_id: int) -> pd.DataFrame:
    """One campaign's rows by period then channel, each with frequency (impressions / reach),
    CTR (clicks / impressions), CPM (spend / impressions x 1000) and CPC (spend / clicks) of
    that row only."""
    if not valid_id(campaign_id):
        return pd.DataFrame(columns=FIGURE_COLUMNS)
    rows = session.execute(_figures(), {"campaign": campaign_id}).all()
    return pd.DataFrame([r._asdict() for r in rows], columns=FIGURE_COLUMNS)


@functools.cache
def _figures() -> Statement:
    # _ratio's factors are constants: built once with the statement, like its columns
    m = CampaignMetric
    return (select(m.id, m.row_version, m.channel, m.period_start, m.period_end, m.impressions,
                   m.reach, m.clicks, m.spend_eur, m.flyers_distributed, m.poster_faces,
                   m.spots_aired, m.grp,
                   _ratio(m.impressions, m.reach).label("frequency"),
                   _ratio(m.clicks, m.impressions).label("ctr"),
                   _ratio(m.spend_eur, m.impressions, 1000.0).label("cpm"),
                   _ratio(m.spend_eur, m.clicks).label("cpc"), m.created_by, m.updated_at)
            .where(m.campaign_id == CAMPAIGN)
            .order_by(m.period_start, m.channel, m.period_end))
