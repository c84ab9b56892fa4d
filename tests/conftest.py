"""Fixtures: a fresh database per test (SQLite, or PostgreSQL with TEST_DATABASE_URL), AppTest."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session
from streamlit.testing.v1 import AppTest

os.environ.setdefault("BCRYPT_ROUNDS", "4")  # fast hashes; production keeps 12

from db.engine import _engine_for, get_engine, session_scope, upgrade_to_head  # noqa: E402
from db.permissions import Actor  # noqa: E402
from seed.populate import DATA_TABLES, populate  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 29)  # fixed "today" for seeded tests, so figures are stable
PG_URL = os.environ.get("TEST_DATABASE_URL", "").strip()


def _fast_component_scan() -> None:
    """Each AppTest rescans installed packages for components; once per session is enough."""
    try:
        from streamlit.components.v2 import manifest_scanner
    except ImportError:
        return
    original = manifest_scanner.scan_component_manifests
    cache: dict[str, object] = {}

    def cached(*args: object, **kwargs: object) -> object:
        if "result" not in cache:
            cache["result"] = original(*args, **kwargs)
        return cache["result"]

    manifest_scanner.scan_component_manifests = cached  # type: ignore[assignment]


_fast_component_scan()


def _no_legacy_pages_mode() -> None:
    """AppTest re-detects pages/ before every run and then runs a page without app.py (the
    legacy v1 mode): no login gate, and widgets of app.py vanish. This app always uses
    st.navigation, so the legacy mode is switched off for good."""
    from streamlit.runtime.pages_manager import PagesManager

    original = PagesManager.__init__

    def init(self: PagesManager, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)  # type: ignore[arg-type]
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init  # type: ignore[method-assign]


_no_legacy_pages_mode()


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A migrated database to start every test from."""
    if PG_URL:
        engine = get_engine_for(PG_URL)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        upgrade_to_head(engine)
        return PG_URL
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    upgrade_to_head(get_engine_for(f"sqlite:///{path}"))
    get_engine_for(f"sqlite:///{path}").dispose()
    return str(path)


def get_engine_for(url: str) -> Engine:
    from sqlalchemy.engine import make_url

    return get_engine(make_url(url))


@pytest.fixture
def db_url(template_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A fresh, migrated, empty database for this test, also named by DATABASE_URL."""
    if PG_URL:
        engine = get_engine_for(PG_URL)
        names = ", ".join(t.__tablename__ for t in DATA_TABLES)
        with engine.begin() as conn:
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
            conn.execute(text("UPDATE data_versions SET version = 0"))
        url = PG_URL
    else:
        target = tmp_path / "test.sqlite3"
        shutil.copy(template_db, target)
        url = f"sqlite:///{target}"
    monkeypatch.setenv("DATABASE_URL", url)
    _clear_streamlit_caches()
    yield url
    if not PG_URL:
        get_engine_for(url).dispose()
        _engine_for.cache_clear()


@pytest.fixture
def engine(db_url: str) -> Engine:
    return get_engine_for(db_url)


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session on the test database that commits at the end of the test."""
    with session_scope(engine) as s:
        yield s


@pytest.fixture
def seeded(engine: Engine) -> Engine:
    """The test database filled by the seed generators at a tenth of the real size."""
    with session_scope(engine) as s:
        populate(s, scale=0.1, seed=7, today=TODAY)
    return engine


def _clear_streamlit_caches() -> None:
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def demo_users(engine: Engine) -> Engine:
    """Only the four demo users (admin, manager, staff, partner), on an otherwise empty database."""
    from db.permissions import SYSTEM
    from db.queries.users import create_user
    from seed.accounts import DEMO_USERS

    with session_scope(engine) as s:
        for username, name, role, password in DEMO_USERS:
            create_user(session=s, actor=SYSTEM, username=username, display_name=name,
                        role=role, password=password)
    return engine


def actor(username: str, role: str | None = None) -> Actor:
    """A person's actor whose session began now (as after a login)."""
    return Actor(username, role or username, datetime.now(UTC))


def app_as(role: str | None, lang: str | None = None) -> AppTest:
    """An AppTest of app.py whose session is logged in as the demo user of that role."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    if role:
        at.session_state["authentication_status"] = True
        at.session_state["username"] = role
        at.session_state["name"] = role
        at.session_state["roles"] = [role]
    if lang:
        at.session_state["lang"] = lang
    return at


def aggregate_args(query: Callable[..., Any], scope: Any = None) -> list[Any]:
    """The arguments after the session of an aggregate read (db/reads.py): a scope (by default
    over the whole history) for a dashboard's, every campaign, the fixed day for the others."""
    import inspect

    from db.periods import Period, Scope

    everything = scope or Scope(Period(date(2016, 1, 1), TODAY))
    names = list(inspect.signature(query).parameters)[1:]
    return [everything if name == "scope" else None if name == "campaign_id" else TODAY
            for name in names]
