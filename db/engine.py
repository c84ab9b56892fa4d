"""Which database, one engine per URL, sessions (writes serialised), and the schema upgrade."""

from __future__ import annotations

import contextlib
import functools
import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from db.errors import WriteConflict
from db.validation import check_before_flush

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE = ROOT / "data" / "artisans.sqlite3"
SUPPORTED_DRIVERS = ("sqlite", "postgresql")
# cache_size: 16 MiB of pages per connection (SQLite's default is 2 MiB), so that a dashboard's
# reads one after another keep each other's index pages (the label page over the plan at
# scale 20: its reads 8-10 ms faster). Filled only as pages are read: 16 MiB at most for each
# of the pool's connections (SQLAlchemy's default pool: 5, up to 15 under load). A write by any
# connection empties the others' caches at their next read (SQLite's own rule): no page is
# ever stale.
SQLITE_PRAGMAS = ("journal_mode=WAL", "busy_timeout=5000", "foreign_keys=ON", "synchronous=NORMAL",
                  "cache_size=-16384")
RETRY_SQLSTATES = frozenset({"40P01", "40001"})  # deadlock detected, serialization failure
SQLITE_BUSY_CODES = frozenset({5, 6})  # SQLITE_BUSY, SQLITE_LOCKED (low byte of extended codes)
SQLITE_BUSY_WAIT = 5.0  # seconds, as the busy timeout
WRITE_ATTEMPTS = 3
MIGRATION_LOCK = 4_217_311_202  # PostgreSQL advisory lock key held while Alembic upgrades
_WRITING: ContextVar[bool] = ContextVar("writing", default=False)
T = TypeVar("T")


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


def _sqlite_file(url: URL) -> Path | None:
    """The database file, created owner-only; only the default data/ folder is ever created."""
    if not url.database or url.database == ":memory:" or url.database.startswith("file:"):
        return None
    path = Path(url.database).absolute()
    try:
        if path.parent.resolve() == DEFAULT_SQLITE.parent:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            path.parent.chmod(0o700)
        elif not path.parent.is_dir():
            raise DatabaseConfigError(f"DATABASE_URL {url} names a folder that does not exist: "
                                      f"{path.parent} (create it, or correct the path)")
        if not path.exists():  # SQLite takes an empty file for a new database
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        pass
    except OSError as exc:
        raise DatabaseConfigError(f"DATABASE_URL {url} cannot be used: {exc.strerror}: "
                                  f"{exc.filename}") from None
    return path


def _sqlite_busy(error: BaseException | None) -> bool:
    """SQLite's "database is locked" (busy or locked, whatever the extended code)."""
    return (getattr(error, "sqlite_errorcode", 0) & 0xFF) in SQLITE_BUSY_CODES


def _sqlite_pragma(cursor: Any, pragma: str, wait: float = SQLITE_BUSY_WAIT) -> None:
    """Run one connection pragma, waiting while another connection holds the lock it needs:
    SQLite answers "database is locked" to journal_mode=WAL at once, without its busy handler,
    while another process converts a new file to WAL (two servers starting on one file)."""
    deadline = time.monotonic() + wait
    while True:
        try:
            cursor.execute(f"PRAGMA {pragma}")
            return
        except sqlite3.OperationalError as exc:
            if not _sqlite_busy(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(random.uniform(0.005, 0.05))


def _sqlite_connect(path: Path | None, dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        _sqlite_pragma(cursor, pragma)
    cursor.close()
    if path is not None:  # owner-only, older installs' files too (new WAL files copy the mode)
        for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            with contextlib.suppress(OSError):  # gone, or not ours: SQLite says what it can't use
                if file.stat().st_mode & 0o077:
                    file.chmod(0o600)


def _sqlite_begin(conn: Connection) -> None:
    """A write transaction takes SQLite's write lock at BEGIN, before its first read, so the
    checks it reads (e.g. "another admin remains") still hold when it writes."""
    if conn.get_execution_options().get("write_lock"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")


@functools.lru_cache(maxsize=8)
def _engine_for(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        path = _sqlite_file(url)
        engine = create_engine(url, connect_args={"timeout": 5}, hide_parameters=True)
        event.listen(engine, "connect", functools.partial(_sqlite_connect, path))
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5,
                         hide_parameters=True,  # error messages and logs never show values
                         # Day and month boundaries in SQL follow Brussels, as on SQLite.
                         connect_args={"connect_timeout": 5,
                                       "options": "-c timezone=Europe/Brussels"})


def get_engine(url: URL | None = None) -> Engine:
    """The shared engine of the configured database (one pool per URL and process)."""
    return _engine_for(url or database_url())


@functools.lru_cache(maxsize=8)
def _write_engine(engine: Engine) -> Engine:
    return engine.execution_options(write_lock=True)  # same pool, BEGIN IMMEDIATE on SQLite


def check_connection(engine: Engine) -> None:
    """Connect once, turning a driver error into one line that names DATABASE_URL."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        where = engine.url.render_as_string(hide_password=True)
        raise DatabaseConfigError(f"DATABASE_URL {where} is unreachable: {reason}") from None


@functools.lru_cache(maxsize=16)
def _sessionmaker(engine: Engine) -> sessionmaker[Session]:
    maker = sessionmaker(engine, expire_on_commit=False)
    event.listen(maker, "before_flush", check_before_flush)  # text limits for every write
    return maker


@contextmanager
def session_scope(engine: Engine | None = None, *, write: bool | None = None) -> Iterator[Session]:
    """A session that commits on success and rolls back on any error. A write session (inside
    run_write, or write=True) is serialised on SQLite; sessions opened within it read only."""
    engine = engine or get_engine()
    writing = _WRITING.get() if write is None else write
    token = _WRITING.set(False)
    session = _sessionmaker(_write_engine(engine) if writing else engine)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
        _WRITING.reset(token)


def _conflict(exc: DBAPIError) -> str | None:
    """'retry' after a PostgreSQL deadlock or serialization failure, 'busy' when SQLite's write
    lock stayed taken past the busy timeout, else None."""
    if getattr(exc.orig, "sqlstate", None) in RETRY_SQLSTATES:
        return "retry"
    if _sqlite_busy(exc.orig):
        return "busy"
    return None


def run_write(unit: Callable[[], T], attempts: int = WRITE_ATTEMPTS) -> T:
    """Run a unit of work whose sessions are write sessions. A deadlock or serialization
    failure rolls it back and runs it again; when that keeps failing, or SQLite stays busy,
    it raises WriteConflict (a form-level message; nothing was written)."""
    token = _WRITING.set(True)
    try:
        for attempt in range(1, attempts + 1):
            try:
                return unit()
            except DBAPIError as exc:
                kind = _conflict(exc)
                if kind is None:
                    raise
                if kind == "busy" or attempt == attempts:
                    raise WriteConflict() from exc
            time.sleep(random.uniform(0.02, 0.1) * attempt)  # let the other writer finish
        raise WriteConflict()
    finally:
        _WRITING.reset(token)


def migration_lock(conn: Connection) -> None:
    """Hold PostgreSQL's migration lock until this transaction ends: a second server starting
    at the same moment waits for the first upgrade, then finds the schema at head."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})


def upgrade_to_head(engine: Engine) -> None:
    """Bring the schema to Alembic's head revision (a no-op when it is already there)."""
    from alembic import command

    from db.migrations.config import alembic_config

    check_connection(engine)
    # One transaction: SQLite's write lock, or PostgreSQL's advisory lock (db/migrations/env.py).
    with _write_engine(engine).connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        raw = conn.connection.dbapi_connection
        if sqlite:  # another server may be migrating: wait for it longer than for a form
            raw.execute("PRAGMA busy_timeout=60000")  # type: ignore[union-attr]
            # SQLite's own recipe for rebuilding a table (Alembic's batch mode): foreign keys
            # off outside the transaction, checked before it commits. Otherwise dropping the
            # old copy of a table that other rows point to fails, or cascades.
            raw.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        try:
            with conn.begin():
                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                if sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise DatabaseConfigError("the upgrade would break a foreign key")
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]
                raw.execute("PRAGMA busy_timeout=5000")  # type: ignore[union-attr]
