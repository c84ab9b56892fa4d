"""Alembic environment: runs on the caller's connection, or on DATABASE_URL from the CLI."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from db.engine import get_engine, migration_lock
from db.models import Base

target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    migration_lock(connection)  # PostgreSQL: one server migrates, the others wait for it
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=True, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    with get_engine().begin() as conn:
        _run(conn)
