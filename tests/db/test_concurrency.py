"""Concurrent writes: serialised on SQLite, ordered locks and retries on PostgreSQL, one upgrade."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg.errors
import pytest
from sqlalchemy import Engine, create_engine, event, func, select, text
from sqlalchemy.exc import OperationalError

from db.engine import run_write, session_scope
from db.errors import ValidationError, WriteConflict
from db.models import User
from db.permissions import SYSTEM, PermissionDenied
from db.queries.users import active_user, create_user, set_role
from tests.conftest import PG_URL, ROOT, actor


@pytest.fixture
def two_admins(demo_users: Engine) -> tuple[int, int]:
    """The ids of two active admins: "admin" and "second"."""
    with session_scope(demo_users) as s:
        create_user(session=s, actor=SYSTEM, username="second", display_name="Second",
                    role="admin", password="long-enough-pw")
        ids = [active_user(s, name) for name in ("admin", "second")]
        return ids[0].id, ids[1].id  # type: ignore[union-attr]


@contextmanager
def _meet_before_updating_users(engine: Engine) -> Iterator[None]:
    """Hold each writer just before it changes a user row until the other arrives there too (at
    most a second): the old code let both writers past their checks to this point."""
    barrier = threading.Barrier(2, timeout=1.0)

    def hold(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("UPDATE USERS"):
            try:
                barrier.wait()
            except threading.BrokenBarrierError:
                pass

    event.listen(engine, "before_cursor_execute", hold)
    try:
        yield
    finally:
        event.remove(engine, "before_cursor_execute", hold)


def _race(*units: Callable[[], object], through_form: bool = True) -> list[BaseException | None]:
    """Start the units at the same moment, each as a form's write (or called directly, as a
    script would); what each one raised."""
    start = threading.Barrier(len(units))
    outcomes: list[BaseException | None] = [None] * len(units)

    def run(i: int, unit: Callable[[], object]) -> None:
        start.wait()
        try:
            run_write(unit) if through_form else unit()
        except BaseException as exc:  # noqa: B036 - the outcome is what the test checks
            outcomes[i] = exc

    threads = [threading.Thread(target=run, args=(i, u)) for i, u in enumerate(units)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def _demote(engine: Engine, who: str, user_id: int) -> Callable[[], None]:
    def unit() -> None:
        with session_scope(engine) as s:
            set_role(session=s, actor=actor(who, "admin"), user_id=user_id, role="staff")
    return unit


def _active_admins(engine: Engine) -> int:
    with session_scope(engine) as s:
        return int(s.scalar(select(func.count()).select_from(User).where(
            User.role == "admin", User.active.is_(True))) or 0)


def test_two_admins_demoting_themselves_at_once_leave_one(demo_users: Engine,
                                                          two_admins: tuple[int, int]) -> None:
    first, second = two_admins
    with _meet_before_updating_users(demo_users):
        outcomes = _race(_demote(demo_users, "admin", first),
                         _demote(demo_users, "second", second))
    failures = [o for o in outcomes if o is not None]
    assert len(failures) == 1, outcomes
    assert isinstance(failures[0], ValidationError)
    assert failures[0].errors == {"role": "users.last_admin"}
    assert _active_admins(demo_users) == 1


def test_two_admins_demoting_each_other_at_once_leave_one(demo_users: Engine,
                                                          two_admins: tuple[int, int]) -> None:
    first, second = two_admins
    with _meet_before_updating_users(demo_users):
        outcomes = _race(_demote(demo_users, "admin", second),
                         _demote(demo_users, "second", first))
    failures = [o for o in outcomes if o is not None]
    assert len(failures) == 1, outcomes
    # The loser is told cleanly: either the other admin is the last one, or (when it started
    # after the winner's commit) it is no longer an admin itself. Never a deadlock.
    clean = (isinstance(failures[0], PermissionDenied) or (
        isinstance(failures[0], ValidationError)
        and failures[0].errors == {"role": "users.last_admin"}))
    assert clean, repr(failures[0])
    assert _active_admins(demo_users) == 1


def test_the_last_admin_rule_holds_for_callers_outside_a_form(
        demo_users: Engine, two_admins: tuple[int, int]) -> None:
    """A script calling set_role directly (no write session) is serialised all the same."""
    first, second = two_admins
    with _meet_before_updating_users(demo_users):
        outcomes = _race(_demote(demo_users, "admin", second),
                         _demote(demo_users, "second", first), through_form=False)
    assert len([o for o in outcomes if o is not None]) == 1, outcomes
    assert _active_admins(demo_users) == 1


def _deadlock() -> OperationalError:
    return OperationalError("UPDATE users", {}, psycopg.errors.DeadlockDetected("deadlock"))


def test_a_deadlock_is_retried_and_then_refused_cleanly() -> None:
    calls: list[int] = []

    def once_deadlocked() -> str:
        calls.append(1)
        if len(calls) == 1:
            raise _deadlock()
        return "saved"

    def always_deadlocked() -> None:
        raise _deadlock()

    assert run_write(once_deadlocked) == "saved" and len(calls) == 2
    with pytest.raises(WriteConflict) as err:
        run_write(always_deadlocked)
    assert err.value.errors == {"_form": "errors.write_conflict"}


# One server: its own process (Alembic's context is per process), starting at a given moment.
SERVER = """
import sys, time
from sqlalchemy import create_engine, make_url
from db.engine import get_engine, upgrade_to_head
url, search_path, start_at = sys.argv[1], sys.argv[2], float(sys.argv[3])
engine = (create_engine(url, connect_args={"options": f"-c search_path={search_path}"})
          if search_path else get_engine(make_url(url)))
time.sleep(max(0.0, start_at - time.time()))
upgrade_to_head(engine)
"""


def _two_servers_upgrade(url: str, search_path: str = "") -> None:
    start_at = str(time.time() + 4)  # both processes import everything, then start together
    servers = [subprocess.Popen([sys.executable, "-c", SERVER, url, search_path, start_at],
                                cwd=ROOT, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    errors = [server.communicate(timeout=120)[1] for server in servers]
    assert [server.returncode for server in servers] == [0, 0], errors


def _at_head(engine: Engine) -> None:
    with engine.connect() as conn:
        assert len(conn.execute(text("SELECT version_num FROM alembic_version")).all()) == 1
        assert conn.scalar(text("SELECT count(*) FROM communes")) == 19


def test_two_servers_upgrading_an_empty_sqlite_at_once(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    _two_servers_upgrade(url)
    engine = create_engine(url)
    _at_head(engine)
    engine.dispose()


@pytest.mark.skipif(not PG_URL, reason="PostgreSQL only: set TEST_DATABASE_URL")
def test_two_servers_upgrading_an_empty_postgresql_at_once() -> None:
    engine = create_engine(PG_URL, connect_args={"options": "-c search_path=upgrade_race"})
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS upgrade_race CASCADE; CREATE SCHEMA upgrade_race"))
    try:
        _two_servers_upgrade(PG_URL, "upgrade_race")
        _at_head(engine)
    finally:
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA upgrade_race CASCADE"))
        engine.dispose()
