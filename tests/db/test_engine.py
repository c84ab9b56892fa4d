"""DATABASE_URL: a clear one-line message for bad values, SQLite set up for concurrency."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy import Engine, text

from db.engine import DEFAULT_SQLITE, DatabaseConfigError, database_url
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
