"""DATABASE_URL: one clear line for bad values; SQLite set up for concurrency, owner-only."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from db.engine import (
    DEFAULT_SQLITE,
    DatabaseConfigError,
    _sqlite_pragma,
    database_url,
    get_engine,
)
from tests.conftest import ROOT


def test_unset_url_means_sqlite_under_data(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert database_url().database == str(DEFAULT_SQLITE)
    assert DEFAULT_SQLITE.parent.name == "data"


def test_malformed_url_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "not a url")
    with pytest.raises(DatabaseConfigError, match="^DATABASE_URL is malformed"):
        database_url()


def test_unsupported_database_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "mysql://u:p@localhost/db")
    with pytest.raises(DatabaseConfigError, match="unsupported database 'mysql'"):
        database_url()


def test_unreachable_database_prints_one_line_without_traceback() -> None:
    env = {"DATABASE_URL": "postgresql+psycopg://u:secret@127.0.0.1:1/nowhere", "PATH": ""}
    result = subprocess.run([sys.executable, "-m", "seed"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith("seed: DATABASE_URL postgresql+psycopg://u:***@127.0.0.1:1")
    assert "unreachable" in lines[0] and "secret" not in lines[0]


def test_sqlite_runs_with_wal_busy_timeout_and_foreign_keys(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("SQLite pragmas")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 5000
        assert conn.execute(text("PRAGMA cache_size")).scalar() == -16384  # 16 MiB of pages


def test_errors_never_show_sql_values(engine: Engine) -> None:
    with pytest.raises(DBAPIError) as err, engine.connect() as conn:
        conn.execute(text("SELECT * FROM no_such_table WHERE x = :v"), {"v": "$2b$12$hash"})
    assert "$2b$12$hash" not in str(err.value)


def test_sqlite_data_folder_and_files_are_owner_only(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "data" / "artisans.sqlite3"
    monkeypatch.setattr("db.engine.DEFAULT_SQLITE", target)
    engine = get_engine(make_url(f"sqlite:///{target}"))
    with engine.begin() as conn:  # WAL mode: the -wal and -shm files exist while connected
        conn.execute(text("CREATE TABLE t (x INTEGER)"))
        modes = {p.name: p.stat().st_mode & 0o777 for p in target.parent.iterdir()}
    engine.dispose()
    assert target.parent.stat().st_mode & 0o777 == 0o700
    assert modes == {"artisans.sqlite3": 0o600, "artisans.sqlite3-wal": 0o600,
                     "artisans.sqlite3-shm": 0o600}


def test_a_world_readable_database_is_made_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "old.sqlite3"
    target.touch(mode=0o644)
    target.chmod(0o644)
    engine = get_engine(make_url(f"sqlite:///{target}"))
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    engine.dispose()
    assert target.stat().st_mode & 0o777 == 0o600


def test_a_sqlite_path_in_a_missing_folder_is_refused(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    missing = tmp_path / "no-such-dir" / "x.sqlite3"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{missing}")
    with pytest.raises(DatabaseConfigError, match="names a folder that does not exist"):
        get_engine()
    env = {"DATABASE_URL": f"sqlite:///{missing}", "PATH": ""}
    result = subprocess.run([sys.executable, "-m", "seed"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "does not exist" in result.stderr and not missing.parent.exists()


def _locked_for(path: Path, seconds: float) -> threading.Thread:
    """Another connection writes to a rollback-journal file (a new file, not yet WAL) in a
    transaction held for a while, as a server upgrading it does."""
    holder = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    holder.execute("PRAGMA journal_mode=DELETE")
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO t VALUES (1)")

    def release() -> None:
        time.sleep(seconds)
        holder.execute("COMMIT")
        holder.close()

    thread = threading.Thread(target=release)
    thread.start()
    return thread


def test_switching_to_wal_waits_for_another_process_holding_the_file(tmp_path: Path) -> None:
    # Two servers starting on one new file: SQLite refuses journal_mode=WAL at once, without
    # its busy handler, while the other holds the lock. The connection waits instead.
    path = tmp_path / "shared.sqlite3"
    thread = _locked_for(path, 0.3)
    waiting = sqlite3.connect(path, timeout=5)  # the engine's busy timeout
    started = time.monotonic()
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        waiting.execute("PRAGMA journal_mode=WAL")  # what SQLite alone does: no wait at all
    assert time.monotonic() - started < 1  # far below the 5 s busy timeout
    _sqlite_pragma(waiting.cursor(), "journal_mode=WAL")
    thread.join()
    assert waiting.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    waiting.close()


def test_a_lock_held_past_the_wait_is_still_reported(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    thread = _locked_for(path, 0.5)
    waiting = sqlite3.connect(path, timeout=5)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        _sqlite_pragma(waiting.cursor(), "journal_mode=WAL", wait=0.1)
    thread.join()
    waiting.close()


def test_a_pragma_error_other_than_busy_is_not_retried(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "x.sqlite3")
    started = time.monotonic()
    with pytest.raises(sqlite3.OperationalError):
        _sqlite_pragma(conn.cursor(), "journal_mode=(")
    assert time.monotonic() - started < 1
    conn.close()
