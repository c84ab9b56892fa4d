"""Data versions: one counter per area, bumped by every write, read to key cached queries."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from db.models import DataVersion


def bump(session: Session, *areas: str) -> None:
    """Mark areas as changed, inside the caller's transaction (so other servers see it too)."""
    session.execute(
        update(DataVersion).where(DataVersion.area.in_(areas))
        .values(version=DataVersion.version + 1)
    )


def data_versions(session: Session) -> dict[str, int]:
    """The current version of every area."""
    return {a: v for a, v in session.execute(select(DataVersion.area, DataVersion.version))}
