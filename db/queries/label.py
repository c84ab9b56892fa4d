"""Label uptake: who holds a valid 'artisan certifié' label on a given day."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pandas as pd
from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from db import audit, clock
from db.errors import ValidationError
from db.ids import valid_id
from db.models import Artisan, LabelStep
from db.permissions import Actor, authorize
from db.validation import text_problem
from db.versioning import bump
from db.vocab import LABEL_STATES, LABEL_VALIDITY_YEARS

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


def next_states(previous_state: str | None) -> tuple[str, ...]:
    """The states a new step may take after the latest one (None: no step), in journey order."""
    allowed = TRANSITIONS.get(previous_state, frozenset())
    return tuple(state for state in LABEL_STATES if state in allowed)


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


def in_force(day: date | ColumnElement[date], step: Any = LabelStep) -> list[Any]:
    """Conditions keeping each artisan's step in force on a day (one per artisan with a step by
    then): on or before the day, and their next step (next_on, kept by the database) after it
    or none. The day may be a bound parameter, for a statement built once (label_kpis)."""
    return [step.occurred_on <= day, or_(step.next_on.is_(None), step.next_on > day)]


def certified(day: date | ColumnElement[date], step: Any = LabelStep,
              valid_after: ColumnElement[date] | None = None) -> list[Any]:
    """Conditions keeping the steps in force on a day of the artisans certified that day: the
    certification in force then (certified_since, kept by the database: the latest on or
    before the day not lapsed by an expiry marked after it) is less than 6 years old. For a
    statement built once, the day and its validity_start are bound parameters (label_kpis)."""
    after: Any = valid_after
    if after is None:
        assert isinstance(day, date), "a bound day comes with its bound validity_start"
        after = validity_start(day)
    return [*in_force(day, step), step.certified_since > after]


def certified_count(session: Session, on: date) -> int:
    """Artisans certified on a day (a renewal does not count twice: one step in force each)."""
    return int(session.scalar(select(func.count()).select_from(LabelStep)
                              .where(*certified(on))) or 0)


def certified_by_sector(session: Session, on: date) -> pd.DataFrame:
    """Artisans certified on a day, per craft sector (columns sector, count).

    Artisans without a sector form a row whose sector is None, so the counts add up to
    certified_count: the privacy audit checks the cells against that disclosed total."""
    rows = session.execute(  # the steps' copies of their artisan's sector (migration 0011)
        select(LabelStep.sector, func.count().label("count")).where(*certified(on))
        .group_by(LabelStep.sector).order_by(func.count().desc())
    ).all()
    return pd.DataFrame(rows, columns=["sector", "count"])


LAW_PASSED = date(2014, 3, 19)  # nobody was told about the label before its law
IN_FORCE = date(2016, 6, 1)  # the Commission takes files from this day
FILED = frozenset({"submitted", "certified", "refused"})
MAX_NOTE = 2000


def _latest(session: Session, artisan_id: int) -> LabelStep | None:
    return session.scalars(
        select(LabelStep).where(LabelStep.artisan_id == artisan_id)
        .order_by(LabelStep.occurred_on.desc(), LabelStep.id.desc()).limit(1)).first()


def _allowed_after(latest: LabelStep | None, on: date) -> frozenset[str]:
    """The states that may follow the latest step on a day. A label certified 6 years before
    has lapsed: its effective state is expired, and the lapse itself may still be recorded."""
    if latest is None:
        return TRANSITIONS[None]
    if latest.state == "certified" and latest.occurred_on <= validity_start(on):
        return TRANSITIONS["expired"] | {"expired"}
    return TRANSITIONS[latest.state]


def _date_problem(state: str, day: date, latest: LabelStep | None) -> str | None:
    if day > clock.today():
        return "label.date_in_future"
    if day < (IN_FORCE if state in FILED else LAW_PASSED):
        return "label.date_out_of_range"
    if latest is not None and day < latest.occurred_on:
        return "label.date_before_latest"
    return None


def _problems(session: Session, artisan_id: int, state: str, day: date,
              note: str) -> dict[str, str]:
    """Every message key of what is wrong with a new step (empty: it may be recorded)."""
    errors: dict[str, str] = {}
    latest = _latest(session, artisan_id)
    if state not in LABEL_STATES:
        errors["state"] = "label.state_unknown"
    if problem := _date_problem(state, day, latest):
        errors["occurred_on"] = problem
    if problem := text_problem(note, MAX_NOTE, required=False, multiline=True):
        errors["note"] = problem
    if "state" not in errors and state not in _allowed_after(latest, day):
        errors["state"] = "label.transition_invalid"
    elif not errors and session.scalar(select(LabelStep.id).where(
            LabelStep.artisan_id == artisan_id, LabelStep.state == state,
            LabelStep.occurred_on == day)) is not None:
        errors["occurred_on"] = "label.step_exists"
    return errors


def _type_problems(state: object, occurred_on: object, note: object) -> dict[str, str]:
    """Values of the wrong type (past the widgets), refused before any query sees them. A
    datetime is a date too, but its time of day means the caller mixed something up."""
    errors: dict[str, str] = {}
    if not isinstance(state, str):
        errors["state"] = "label.state_unknown"
    if occurred_on is None:
        errors["occurred_on"] = "form.required"
    elif not isinstance(occurred_on, date) or isinstance(occurred_on, datetime):
        errors["occurred_on"] = "label.date_invalid"
    if note is not None and not isinstance(note, str):
        errors["note"] = "label.note_invalid"
    return errors


def record_label_step(*, session: Session, actor: Actor, artisan_id: int, state: str,
                      occurred_on: date, note: str | None = None) -> LabelStep:
    """Add a step to an artisan's label journey (audit-logged); raises ValidationError."""
    authorize(session, actor, "label.write")
    if not valid_id(artisan_id):  # 2**31 is a DataError on PostgreSQL, 2**63 overflows SQLite
        raise ValidationError({"_form": "artisans.not_found"})
    if errors := _type_problems(state, occurred_on, note):
        raise ValidationError(errors)
    bump(session, "label", "artisans")  # first: on SQLite the write lock, so checks hold
    artisan = session.get(Artisan, artisan_id, populate_existing=True, with_for_update=True)
    if artisan is None or artisan.erased_at is not None:
        raise ValidationError({"_form": "artisans.not_found"})
    text = (note or "").strip()
    if errors := _problems(session, artisan_id, state, occurred_on, text):
        raise ValidationError(errors)
    step = apply_step(session, artisan, state, occurred_on, text or None, actor.username)
    audit.record(session, actor=actor.username, action="create", entity="label_steps",
                 entity_id=step.id, before=None, after=audit.snapshot(step))
    return step


def label_history(session: Session, artisan_id: int) -> pd.DataFrame:
    """An artisan's label steps, oldest first (columns id, state, occurred_on, note,
    recorded_by)."""
    rows = session.execute(
        select(LabelStep.id, LabelStep.state, LabelStep.occurred_on, LabelStep.note,
               LabelStep.recorded_by)
        .where(LabelStep.artisan_id == artisan_id)
        .order_by(LabelStep.occurred_on, LabelStep.id)).all()
    return pd.DataFrame(rows, columns=["id", "state", "occurred_on", "note", "recorded_by"])
