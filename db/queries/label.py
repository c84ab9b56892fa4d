"""Label uptake: who holds a valid 'artisan certifié' label on a given day."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import Subquery, and_, exists, func, select
from sqlalchemy.orm import Session, aliased

from db.models import Artisan, LabelStep
from db.vocab import LABEL_VALIDITY_YEARS

PREPARATION = ("not_informed", "informed", "interested", "file_in_preparation", "submitted")
# The label journey of ../shared/brief/domain.md: state -> the states that may follow it.
# A first step may be any state of the preparation (the artisan may come with a file ready);
# certified -> submitted is a renewal file, expired -> submitted a new one after expiry.
TRANSITIONS: dict[str | None, frozenset[str]] = {
    None: frozenset(PREPARATION),
    "not_informed": frozenset({"informed"}),
    "informed": frozenset({"interested"}),
    "interested": frozenset({"file_in_preparation"}),
    "file_in_preparation": frozenset({"submitted"}),
    "submitted": frozenset({"certified", "refused"}),
    "certified": frozenset({"expired", "submitted"}),
    "refused": frozenset({"submitted"}),
    "expired": frozenset({"submitted"}),
}


def may_follow(previous: str | None, state: str) -> bool:
    """Whether a label step in `state` may follow the artisan's latest step (None: no step)."""
    return state in TRANSITIONS.get(previous, frozenset())


def apply_step(session: Session, artisan: Artisan, state: str, day: date, note: str | None,
               recorded_by: str) -> LabelStep:
    """Add a step and keep the artisan's current state; the caller checked, audits, bumps."""
    step = LabelStep(artisan_id=artisan.id, state=state, occurred_on=day, note=note,
                     recorded_by=recorded_by)
    session.add(step)
    artisan.label_state, artisan.label_state_on = state, day
    session.flush()
    return step


def validity_start(day: date) -> date:
    """The earliest certification day still valid on `day` is the day after this one."""
    try:
        return day.replace(year=day.year - LABEL_VALIDITY_YEARS)
    except ValueError:  # 29 February
        return day.replace(year=day.year - LABEL_VALIDITY_YEARS, day=28)


def _certified_on(on: date) -> Subquery:
    """Certification steps still valid on a day: in the last 6 years, not marked expired."""
    cert = aliased(LabelStep)
    expired = aliased(LabelStep)
    lapsed = exists().where(and_(
        expired.artisan_id == cert.artisan_id, expired.state == "expired",
        expired.occurred_on > cert.occurred_on, expired.occurred_on <= on))
    return select(cert.artisan_id.label("artisan_id")).where(
        cert.state == "certified", cert.occurred_on <= on,
        cert.occurred_on > validity_start(on), ~lapsed).distinct().subquery()


def certified_count(session: Session, on: date) -> int:
    """Artisans certified on a day (a renewal does not count twice)."""
    certified = _certified_on(on)
    return int(session.scalar(select(func.count()).select_from(certified)) or 0)


def certified_by_sector(session: Session, on: date) -> pd.DataFrame:
    """Artisans certified on a day, per craft sector (columns sector, count).

    Artisans without a sector form a row whose sector is None, so the counts add up to
    certified_count: the privacy audit checks the cells against that disclosed total."""
    certified = _certified_on(on)
    rows = session.execute(
        select(Artisan.sector, func.count().label("count"))
        .join(certified, certified.c.artisan_id == Artisan.id)
        .group_by(Artisan.sector).order_by(func.count().desc())
    ).all()
    return pd.DataFrame(rows, columns=["sector", "count"])
