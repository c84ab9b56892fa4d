"""Campaign reach: figures per channel and period, as entered (reach is never summed)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import CampaignMetric


def total_impressions(session: Session, campaign_id: int | None = None) -> int:
    """Impressions over every channel and period (of one campaign, or of all)."""
    query = select(func.coalesce(func.sum(CampaignMetric.impressions), 0))
    if campaign_id is not None:
        query = query.where(CampaignMetric.campaign_id == campaign_id)
    return int(session.scalar(query) or 0)
