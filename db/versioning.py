"""Data versions: one counter per area, bumped by every write, read to key cached queries."""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.orm import Session

from db.models import DataVersion

_VERSIONS = cast(Table, DataVersion.__table__)
# Built once, of the table (not the ORM class), run on the session's connection: a third of
# the time of the ORM statement it replaces, which every write runs.
_BUMP = (update(_VERSIONS).where(_VERSIONS.c.area.in_(bindparam("areas", expanding=True)))
         .values(version=_VERSIONS.c.version + 1))


def bump(session: Session, *areas: str) -> None:
    """Mark areas as changed, inside the caller's transaction (so other servers see it too)."""
    if session.autoflush:  # as the ORM statement did: pending writes go first
        session.flush()
    session.connection().execute(_BUMP, {"areas": list(areas)})


def data_versions(session: Session) -> dict[str, int]:
    """The current version of every area."""
    return {a: v for a, v in session.execute(select(DataVersion.area, DataVersion.version))}
