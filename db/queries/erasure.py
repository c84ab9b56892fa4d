"""The right to erasure: wipe an artisan's personal data, keep the anonymous facts KPIs count."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from db import audit
from db.errors import ValidationError
from db.ids import valid_id
from db.models import (
    Artisan,
    Attendance,
    AuditEntry,
    CoachingSession,
    FollowUp,
    LabelStep,
    TrackEnrolment,
)
from db.permissions import Actor, authorize
from db.versioning import bump
from db.vocab import COACHING_TOPICS

# Columns that name, reach or describe a person (free text may hold anything); whatever else
# an artisan's rows hold (commune, sector, dates, statuses) stays, so every KPI stays the same.
PERSONAL = frozenset({"first_name", "last_name", "business_name", "email", "phone",
                      "enterprise_number", "notes", "note", "action", "name_key",
                      "search_text", "topic_other"})
BLANK = {"first_name": "", "last_name": "", "name_key": "", "search_text": "",
         "business_name": None, "email": None, "phone": None, "enterprise_number": None,
         "notes": None}
# The tables of an artisan's other rows: their audit entries are rewritten too.
CHILDREN = (LabelStep, CoachingSession, FollowUp, Attendance, TrackEnrolment)


def _personal(key: str, value: Any) -> bool:
    """A personal field; a session's `topic` too when it is no code of the list (the free
    text that sessions held before migration 0006, and their audit entries still hold)."""
    return key in PERSONAL or (key == "topic" and value not in COACHING_TOPICS)


def _scrubbed(value: Any) -> Any:
    """A JSON value with every personal field, at any depth, replaced by null."""
    if isinstance(value, dict):
        return {k: None if _personal(k, v) else _scrubbed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrubbed(v) for v in value]
    return value


def _scrub_text(text: str | None) -> str | None:
    if text is None:
        return None
    return json.dumps(_scrubbed(json.loads(text)), ensure_ascii=False)


def _mentions(artisan_id: int) -> Any:
    """Audit JSON naming the artisan as the owner of a row, a deleted one included."""
    patterns = [f'%"artisan_id": {artisan_id}{end}%' for end in (",", "}")]
    return or_(*(column.like(p) for column in (AuditEntry.before_json, AuditEntry.after_json)
                 for p in patterns))


def _entries_about(session: Session, artisan_id: int) -> list[AuditEntry]:
    """Every audit entry about the artisan or one of their rows (label steps, sessions...)."""
    tests = [(AuditEntry.entity == "artisans") & (AuditEntry.entity_id == str(artisan_id))]
    for model in CHILDREN:
        ids = session.scalars(select(model.id).where(model.artisan_id == artisan_id)).all()
        rows = AuditEntry.entity_id.in_([str(i) for i in ids]) | _mentions(artisan_id)
        tests.append((AuditEntry.entity == model.__tablename__) & rows)
    return list(session.scalars(select(AuditEntry).where(or_(*tests))))


def _rewrite_audit(session: Session, artisan_id: int) -> None:
    for entry in _entries_about(session, artisan_id):
        entry.before_json = _scrub_text(entry.before_json)
        entry.after_json = _scrub_text(entry.after_json)


def erase_artisan(*, session: Session, actor: Actor, artisan_id: int) -> None:
    """Erase an artisan's personal data on request, in their rows and in the audit trail;
    attendances, sessions, follow-ups and label steps stay, anonymous. Admins only."""
    authorize(session, actor, "artisans.erase")
    if not valid_id(artisan_id):  # 2**31 is a DataError on PostgreSQL, 2**63 overflows SQLite
        raise ValidationError({"_form": "artisans.not_found"})
    # First: SQLite's write lock; "attendance" too, so a check-in at the door waits for it.
    bump(session, "artisans", "label", "coaching", "events", "attendance")
    artisan = session.get(Artisan, artisan_id, populate_existing=True, with_for_update=True)
    if artisan is None or artisan.erased_at is not None:
        raise ValidationError({"_form": "artisans.not_found"})
    now = datetime.now(UTC)
    for name, value in BLANK.items():
        setattr(artisan, name, value)
    artisan.erased_at, artisan.updated_at = now, now
    artisan.row_version += 1
    session.execute(update(LabelStep).where(LabelStep.artisan_id == artisan_id)
                    .values(note=None))
    session.execute(update(CoachingSession).where(CoachingSession.artisan_id == artisan_id)
                    .values(topic_other=None, notes=None))  # the topic code is no free text
    session.execute(update(FollowUp).where(FollowUp.artisan_id == artisan_id)
                    .values(action="", note=None))  # required: an empty action reads as erased
    _rewrite_audit(session, artisan_id)
    audit.record(session, actor=actor.username, action="erase", entity="artisans",
                 entity_id=artisan_id, before=None,
                 after={"erased": True, "fields": sorted(PERSONAL)})
