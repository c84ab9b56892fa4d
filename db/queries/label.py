"""Label uptake: who holds a valid 'artisan certifié' label on a given day."""

from __future__ import annotations

from datetime import date

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session, aliased

from db.models import LabelStep
from db.vocab import LABEL_VALIDITY_YEARS


def validity_start(day: date) -> date:
    """The earliest certification day still valid on `day` is the day after this one."""
    try:
        return day.replace(year=day.year - LABEL_VALIDITY_YEARS)
    except ValueError:  # 29 February
        return day.replace(year=day.year - LABEL_VALIDITY_YEARS, day=28)


def certified_count(session: Session, on: date) -> int:
    """Artisans certified on a day: a certification in the last 6 years, not marked expired."""
    cert = aliased(LabelStep)
    expired = aliased(LabelStep)
    lapsed = exists().where(and_(
        expired.artisan_id == cert.artisan_id, expired.state == "expired",
        expired.occurred_on > cert.occurred_on, expired.occurred_on <= on))
    query = select(func.count(func.distinct(cert.artisan_id))).where(
        cert.state == "certified", cert.occurred_on <= on,
        cert.occurred_on > validity_start(on), ~lapsed)
    return int(session.scalar(query) or 0)
