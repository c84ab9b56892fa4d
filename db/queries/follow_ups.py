"""Follow-ups: the open ones of an adviser (overdue, due this week, later), all open ones by
owner for managers; closing (done with an optional note, or cancelled), a new due date and a
new owner, each refused when someone changed the follow-up meanwhile. Overdue means due
before today in Brussels: a follow-up due today is not overdue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pandas as pd
from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, aliased

from db import audit, clock
from db.errors import ValidationError
from db.ids import valid_id
from db.models import Artisan, CoachingSession, FollowUp, User
from db.permissions import MANAGERS, Actor, PermissionDenied, authorize
from db.queries.coaching_log import (
    actor_user_id,
    adviser_problem,
    clean_text,
    day_problem,
)
from db.versioning import bump

OUTCOMES = ("done", "cancelled")
GROUPS = ("overdue", "this_week", "later")
MAX_NOTE = 1000


def week_end(today: date) -> date:
    """The Sunday that ends today's week (Monday to Sunday)."""
    return today + timedelta(days=6 - today.weekday())


def group_of(due_on: date, today: date) -> str:
    """'overdue' (due before today), 'this_week' (today to Sunday) or 'later'."""
    if due_on < today:
        return "overdue"
    return "this_week" if due_on <= week_end(today) else "later"


@dataclass(frozen=True)
class FollowUpItem:
    """One open follow-up as the lists show it; `version` is what a change must still find."""

    id: int
    version: int
    action: str
    due_on: date
    group: str
    days_late: int
    artisan_id: int
    artisan: str
    owner_id: int
    owner: str
    session_held_on: date | None


def _items(session: Session, today: date, *conditions: Any) -> list[FollowUpItem]:
    owner = aliased(User)
    rows = session.execute(
        select(FollowUp.id, FollowUp.row_version, FollowUp.action, FollowUp.due_on,
               FollowUp.artisan_id, Artisan.last_name, Artisan.first_name,
               Artisan.business_name, FollowUp.owner_user_id, owner.display_name,
               CoachingSession.held_on)
        .join(Artisan, Artisan.id == FollowUp.artisan_id)
        .join(owner, owner.id == FollowUp.owner_user_id)
        .outerjoin(CoachingSession, CoachingSession.id == FollowUp.session_id)
        .where(FollowUp.status == "open", *conditions)
        .order_by(FollowUp.due_on, FollowUp.id)).all()
    items = []
    for r in rows:
        name = f"{r.last_name} {r.first_name}".strip()
        if r.business_name:
            name += f" — {r.business_name}"
        items.append(FollowUpItem(
            id=r.id, version=r.row_version, action=r.action, due_on=r.due_on,
            group=group_of(r.due_on, today), days_late=max(0, (today - r.due_on).days),
            artisan_id=r.artisan_id, artisan=name, owner_id=r.owner_user_id,
            owner=r.display_name, session_held_on=r.held_on))
    return items


def my_follow_ups(session: Session, username: str, today: date) -> list[FollowUpItem]:
    """The open follow-ups an adviser owns, soonest due first (so the overdue come first)."""
    user_id = session.scalar(select(User.id).where(User.username == username))
    return [] if user_id is None else _items(session, today, FollowUp.owner_user_id == user_id)


def open_follow_ups(session: Session, today: date, owner_id: int | None = None,
                    artisan_id: int | None = None) -> list[FollowUpItem]:
    """Every open follow-up, or one owner's, or one artisan's, soonest due first (one of an
    erased artisan too: it still counts as open, so it can still be closed)."""
    conditions = []
    if owner_id is not None:
        conditions.append(FollowUp.owner_user_id == owner_id)
    if artisan_id is not None:
        conditions.append(FollowUp.artisan_id == artisan_id)
    return _items(session, today, *conditions)


def open_by_owner(session: Session, today: date) -> pd.DataFrame:
    """Per owner with open follow-ups: open, overdue and due this week; most overdue first."""
    overdue = func.sum(case((FollowUp.due_on < today, 1), else_=0))
    week = func.sum(case((FollowUp.due_on.between(today, week_end(today)), 1), else_=0))
    rows = session.execute(
        select(User.id.label("owner_id"), User.display_name.label("owner"),
               func.count().label("open"), overdue.label("overdue"), week.label("this_week"),
               func.min(FollowUp.due_on).label("oldest_due"))
        .join(User, User.id == FollowUp.owner_user_id)
        .where(FollowUp.status == "open")
        .group_by(User.id, User.display_name)
        .order_by(overdue.desc(), func.count().desc(), User.display_name)).all()
    return pd.DataFrame([r._asdict() for r in rows], columns=[
        "owner_id", "owner", "open", "overdue", "this_week", "oldest_due"])


def _load(session: Session, actor: Actor, follow_up_id: object, version: object) -> FollowUp:
    """The follow-up to change, locked and fresh, still open and unchanged since `version` was
    read; the actor must own it unless a manager or admin."""
    follow_up = (session.get(FollowUp, follow_up_id, populate_existing=True,
                             with_for_update=True) if valid_id(follow_up_id) else None)
    if follow_up is None:
        raise ValidationError({"_form": "coaching.follow_up_not_found"})
    if actor.role not in MANAGERS and follow_up.owner_user_id != actor_user_id(session, actor):
        raise PermissionDenied(actor, "coaching.follow_ups_of_others")
    if follow_up.status != "open":
        raise ValidationError({"_form": "coaching.follow_up_closed_meanwhile"})
    if follow_up.row_version != version:
        raise ValidationError({"_form": "coaching.follow_up_changed_meanwhile"})
    return follow_up


def close_follow_up(*, session: Session, actor: Actor, follow_up_id: int, version: int,
                    outcome: str, note: str | None = None, today: date | None = None) -> None:
    """Close an open follow-up: 'done' today (Brussels) or 'cancelled', with an optional
    note. Refused when someone closed or changed it since the list was read."""
    authorize(session, actor, "coaching.write")
    if outcome not in OUTCOMES:
        raise ValidationError({"outcome": "form.invalid_value"})
    text, problem = clean_text(note, MAX_NOTE, False, multiline=True)
    if problem:
        raise ValidationError({"note": problem})
    bump(session, "coaching")
    follow_up = _load(session, actor, follow_up_id, version)
    if session.scalar(select(Artisan.erased_at).where(Artisan.id == follow_up.artisan_id)):
        text = None  # no new personal text about someone erased: no erasure could remove it
    day = today or clock.today()
    audit.record_update(session, actor=actor.username, entity="follow_ups", obj=follow_up,
                        values={"status": outcome, "note": text,
                                "done_on": day if outcome == "done" else None,
                                "closed_at": datetime.now(UTC), "closed_by": actor.username})


def reschedule_follow_up(*, session: Session, actor: Actor, follow_up_id: int, version: int,
                         due_on: date) -> None:
    """Give an open follow-up a new due date (not before the session that made it)."""
    authorize(session, actor, "coaching.write")
    if problem := day_problem(due_on, due_on, future=True):
        raise ValidationError({"due_on": problem})
    bump(session, "coaching")
    follow_up = _load(session, actor, follow_up_id, version)
    held = session.scalar(select(CoachingSession.held_on).where(
        CoachingSession.id == follow_up.session_id)) if follow_up.session_id else None
    if held is not None and due_on < held:
        raise ValidationError({"due_on": "coaching.due_before_session"})
    audit.record_update(session, actor=actor.username, entity="follow_ups", obj=follow_up,
                        values={"due_on": due_on})


def reassign_follow_up(*, session: Session, actor: Actor, follow_up_id: int, version: int,
                       owner_user_id: object) -> None:
    """Give an open follow-up to another adviser (managers and admins)."""
    authorize(session, actor, "coaching.assign")
    if problem := adviser_problem(session, owner_user_id):
        raise ValidationError({"owner_user_id": problem})
    bump(session, "coaching")
    follow_up = _load(session, actor, follow_up_id, version)
    audit.record_update(session, actor=actor.username, entity="follow_ups", obj=follow_up,
                        values={"owner_user_id": owner_user_id})  # an id: adviser_problem
