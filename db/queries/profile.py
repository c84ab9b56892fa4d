"""One artisan as the profile screen shows it: the record, the timeline of every touchpoint
across the plan's four actions, and the "search as you type" options of artisan pickers."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, time
from typing import Any

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import identity
from db.clock import BRUSSELS
from db.models import Artisan, Attendance, CoachingSession, Event, FollowUp, LabelStep
from db.queries.registry import effective_state, expires_on, text_match
from db.reference import commune_name

TIMELINE_COLUMNS = ["at", "kind", "title", "detail", "action", "event_kind", "format",
                    "topic_other", "due_on", "ref_id"]
# Within one moment: the later step of a journey first (newest-first reading order).
_KIND_ORDER = {"label_step": 0, "follow_up": 1, "coaching_session": 2, "event": 3, "joined": 4}


@dataclass(frozen=True)
class ArtisanProfile:
    """An artisan's record; label_state is the state on the day asked for (an old label is
    'expired'), enterprise_number the 10 digits as stored."""

    id: int
    first_name: str
    last_name: str
    business_name: str | None
    email: str | None
    phone: str | None
    enterprise_number: str | None
    commune_nis: str | None
    postcode: str | None
    sector: str | None
    language: str
    source: str
    consent_contact: bool
    consent_newsletter: bool
    consent_recorded_on: date | None
    notes: str | None
    label_state: str
    label_state_on: date | None
    label_expires_on: date | None
    row_version: int
    created_at: datetime
    updated_at: datetime | None

    @property
    def enterprise_number_formatted(self) -> str:
        """The number as the KBO/BCE writes it (0123.456.789), or '' when unknown."""
        return identity.format_enterprise_number(self.enterprise_number)


def brussels_time(moment: datetime) -> datetime:
    """A stored moment in Brussels time (SQLite hands back naive UTC, PostgreSQL aware)."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(BRUSSELS)


def _noon(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=BRUSSELS)


def artisan_profile(session: Session, artisan_id: int, today: date) -> ArtisanProfile | None:
    """The artisan's record with its label state on `today`; None if missing or erased."""
    stored = [f.name for f in fields(ArtisanProfile) if f.name != "label_expires_on"]
    # Columns, not the ORM object: a long-lived session's identity map could be stale.
    row = session.execute(select(*(getattr(Artisan, n) for n in stored))
                          .where(Artisan.id == artisan_id, Artisan.erased_at.is_(None))).first()
    if row is None:
        return None
    values = dict(zip(stored, row, strict=True))
    values["label_state"] = effective_state(row.label_state, row.label_state_on, today)
    values["label_expires_on"] = (expires_on(row.label_state_on)
                                  if values["label_state"] == "certified" else None)
    values["created_at"] = brussels_time(row.created_at)
    values["updated_at"] = brussels_time(row.updated_at) if row.updated_at else None
    return ArtisanProfile(**values)


def _touch(at: datetime, kind: str, ref_id: int, **extra: Any) -> dict[str, Any]:
    return {"at": brussels_time(at), "kind": kind, "ref_id": ref_id, **extra}


def _events(session: Session, artisan_id: int) -> list[dict[str, Any]]:
    """One touchpoint per attendance: at check-in, else when the event began (a registration
    weeks ahead would place a no-show far from the evening it concerns)."""
    rows = session.execute(
        select(Event.id, Event.title, Event.action, Event.kind, Attendance.status,
               func.coalesce(Attendance.checked_in_at, Event.starts_at).label("at"))
        .join(Event, Event.id == Attendance.event_id)
        .where(Attendance.artisan_id == artisan_id)).all()
    return [_touch(r.at, "event", r.id, title=r.title, detail=r.status, action=r.action,
                   event_kind=r.kind) for r in rows]


def _coaching(session: Session, artisan_id: int) -> list[dict[str, Any]]:
    """Sessions (their notes stay on the coaching screen) and follow-ups, at the day done or
    else due."""
    sessions = session.execute(
        select(CoachingSession.id, CoachingSession.held_on, CoachingSession.topic,
               CoachingSession.topic_other, CoachingSession.duration_min,
               CoachingSession.format)
        .where(CoachingSession.artisan_id == artisan_id)).all()
    follow_ups = session.execute(
        select(FollowUp.id, FollowUp.action, FollowUp.status, FollowUp.due_on, FollowUp.done_on)
        .where(FollowUp.artisan_id == artisan_id)).all()
    return [*(_touch(_noon(s.held_on), "coaching_session", s.id, title=s.topic,
                     detail=f"{s.duration_min} {s.format}", format=s.format,
                     topic_other=s.topic_other,
                     action="coaching")
              for s in sessions),
            *(_touch(_noon(f.done_on or f.due_on), "follow_up", f.id, title=f.action,
                     detail=f.status, due_on=f.due_on, action="coaching")
              for f in follow_ups)]


def _label(session: Session, artisan_id: int) -> list[dict[str, Any]]:
    rows = session.execute(
        select(LabelStep.id, LabelStep.state, LabelStep.occurred_on, LabelStep.note)
        .where(LabelStep.artisan_id == artisan_id)).all()
    return [_touch(_noon(r.occurred_on), "label_step", r.id, title=r.state, detail=r.note,
                   action="label") for r in rows]


def artisan_timeline(session: Session, artisan_id: int) -> pd.DataFrame:
    """Every touchpoint of an artisan, newest first (columns TIMELINE_COLUMNS; `at` in
    Brussels time, days at noon); empty for a missing or erased artisan."""
    joined = session.execute(select(Artisan.created_at, Artisan.source)
                             .where(Artisan.id == artisan_id, Artisan.erased_at.is_(None))).first()
    if joined is None:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in TIMELINE_COLUMNS})
    # A campaign sign-up counts for the campaign action (KPI "campaign-attributed sign-ups").
    touches = [_touch(joined.created_at, "joined", artisan_id, detail=joined.source,
                      action="campaign" if joined.source == "campaign" else None),
               *_events(session, artisan_id), *_coaching(session, artisan_id),
               *_label(session, artisan_id)]
    frame = pd.DataFrame(touches).reindex(columns=TIMELINE_COLUMNS).astype(object)
    frame = frame.where(frame.notna(), None)
    frame["at"] = pd.to_datetime(frame["at"], utc=True).dt.tz_convert(BRUSSELS)
    frame["_order"] = frame["kind"].map(_KIND_ORDER)
    frame = frame.sort_values(["at", "_order", "ref_id"], ascending=[False, True, False],
                              kind="mergesort")
    return frame.drop(columns="_order").reset_index(drop=True)


def artisan_options(session: Session, text: str, limit: int = 20,
                    lang: str = "fr") -> list[tuple[int, str]]:
    """Artisans matching typed text as (id, "Last First — Business (commune)"), by name;
    nothing for blank text."""
    match = text_match(text)
    if match is None:
        return []
    rows = session.execute(
        select(Artisan.id, Artisan.last_name, Artisan.first_name, Artisan.business_name,
               Artisan.commune_nis)
        .where(match, Artisan.erased_at.is_(None))
        .order_by(Artisan.last_name, Artisan.first_name, Artisan.id)
        .limit(max(1, min(limit, 200)))).all()
    options = []
    for r in rows:
        label = f"{r.last_name} {r.first_name}"
        if r.business_name:
            label += f" — {r.business_name}"
        if r.commune_nis:
            label += f" ({commune_name(r.commune_nis, lang)})"
        options.append((r.id, label))
    return options
