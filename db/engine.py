"""Which database, one engine per URL, sessions, and the upgrade to the newest schema."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE = ROOT / "data" / "artisans.sqlite3"
SUPPORTED_DRIVERS = ("sqlite", "postgresql")


class DatabaseConfigError(RuntimeError):
    """DATABASE_URL is malformed, unsupported or unreachable; the message is one clear line."""


def database_url() -> URL:
    """The URL named by DATABASE_URL, or the embedded SQLite file under data/ when unset."""
    raw = os.environ.get("DATABASE_URL", "").strip()
    if not raw:
        return make_url(f"sqlite:///{DEFAULT_SQLITE}")
    try:
        url = make_url(raw)
    except ArgumentError:
        raise DatabaseConfigError(
            "DATABASE_URL is malformed: expected e.g. sqlite:///data/app.sqlite3 or "
            "postgresql+psycopg://user:password@host:5432/dbname"
        ) from None
    if url.get_backend_name() not in SUPPORTED_DRIVERS:
        raise DatabaseConfigError(
            f"DATABASE_URL names an unsupported database '{url.get_backend_name()}': "
            "use sqlite or postgresql+psycopg"
        )
    if url.get_backend_name() == "postgresql" and url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return url


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


@functools.lru_cache(maxsize=8)
def _engine_for(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 5})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5,
                         # Day and month boundaries in SQL follow Brussels, as on SQLite.
                         connect_args={"connect_timeout": 5,
                                       "options": "-c timezone=Europe/Brussels"})


def get_engine(url: URL | None = None) -> Engine:
    """The shared engine of the configured database (one pool per URL and process)."""
    return _engine_for(url or database_url())


def check_connection(engine: Engine) -> None:
    """Connect once, turning a driver error into one line that names DATABASE_URL."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        where = engine.url.render_as_string(hide_password=True)
        raise DatabaseConfigError(f"DATABASE_URL {where} is unreachable: {reason}") from None


@functools.lru_cache(maxsize=8)
def _sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """A session that commits on success and rolls back on any error."""
    session = _sessionmaker(engine or get_engine())()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def upgrade_to_head(engine: Engine) -> None:
    """Bring the schema to Alembic's head revision (a no-op when it is already there)."""
    from alembic import command

    from db.migrations.config import alembic_config

    check_connection(engine)
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
