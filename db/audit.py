"""The audit trail: who changed what, when, with the values before and after."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from db.models import AuditEntry, Base

SECRET_COLUMNS = frozenset({"password_hash"})


def snapshot(obj: Base) -> dict[str, Any]:
    """The column values of a model instance, secrets masked, derived ones left out, ready for
    JSON."""
    values: dict[str, Any] = {}
    for attr in inspect(obj).mapper.column_attrs:
        if attr.columns[0].info.get("derived"):  # kept by the database, not a change's value
            continue
        value = getattr(obj, attr.key)
        if attr.key in SECRET_COLUMNS:
            value = "***" if value else None
        elif isinstance(value, date | datetime):
            value = value.isoformat()
        elif isinstance(value, Decimal):
            value = float(value)
        values[attr.key] = value
    return values


def record(session: Session, *, actor: str, action: str, entity: str, entity_id: Any,
           before: dict[str, Any] | None, after: dict[str, Any] | None) -> None:
    """Append one audit entry in the caller's transaction."""
    session.add(AuditEntry(
        username=actor, action=action, entity=entity,
        entity_id=None if entity_id is None else str(entity_id),
        before_json=None if before is None else json.dumps(before, ensure_ascii=False),
        after_json=None if after is None else json.dumps(after, ensure_ascii=False),
    ))


def record_update(session: Session, *, actor: str, entity: str, obj: Any,
                  values: dict[str, Any]) -> None:
    """Apply values to a versioned row (row_version and updated_at move on) and audit the
    change with its before and after, in the caller's transaction."""
    before = snapshot(obj)
    for name, value in values.items():
        setattr(obj, name, value)
    obj.row_version += 1
    obj.updated_at = datetime.now(UTC)
    session.flush()
    record(session, actor=actor, action="update", entity=entity, entity_id=obj.id,
           before=before, after=snapshot(obj))
