"""Error screens: a translated line and a reference, details only in the server log, and always
through st.navigation (one error page), so Streamlit never lists or runs the files in pages/."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import streamlit as st
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import OperationalError
from streamlit.testing.v1 import AppTest

from db.engine import session_scope
from db.models import User
from tests.conftest import ROOT, app_as

DOWN = "postgresql+psycopg://u:secret@127.0.0.1:1/nowhere"
REF = re.compile(r"[0-9a-f]{8}$")


@pytest.fixture
def navigations(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The icons of the pages given to each st.navigation call of a run."""
    calls: list[list[str]] = []
    original = st.navigation

    def spy(pages: Any, **kwargs: Any) -> Any:
        flat = pages if isinstance(pages, list) else [p for ps in pages.values() for p in ps]
        calls.append([page.icon for page in flat])
        return original(pages, **kwargs)

    monkeypatch.setattr(st, "navigation", spy)
    return calls


def _shown(at: AppTest) -> str:
    parts = [e.value for e in at.error] + [m.value for m in at.markdown]
    return " ".join(str(p) for p in parts + [t.value for t in at.title])


def _one_error_page(at: AppTest, navigations: list[list[str]]) -> str:
    """The run showed the single error page and nothing else; its error messages."""
    assert not at.exception, at.exception
    assert navigations == [[":material/error:"]]
    with pytest.raises(ValueError):  # no file of pages/ is reachable from here
        at.switch_page("pages/admin_users.py")
    return " ".join(e.value for e in at.error)


def test_database_down_shows_a_reference_and_no_url(monkeypatch: pytest.MonkeyPatch,
                                                    navigations: list[list[str]],
                                                    caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("DATABASE_URL", DOWN)
    at = app_as(None, lang="en")
    at.run()
    shown = _one_error_page(at, navigations)
    assert shown.startswith("The database is unavailable at the moment.")
    ref = shown.rsplit(" ", 1)[-1]
    assert REF.match(ref)
    assert not any(word in _shown(at) for word in ("127.0.0.1", "postgresql", "psycopg",
                                                   "secret", "nowhere"))
    assert ref in caplog.text and "127.0.0.1" in caplog.text and "secret" not in caplog.text


def test_a_sqlite_path_in_a_missing_folder_shows_a_reference(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, navigations: list[list[str]]) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/no-such-dir/x.sqlite3")
    at = app_as(None, lang="nl")
    at.run()
    shown = _one_error_page(at, navigations)
    assert shown.startswith("De databank is momenteel niet beschikbaar.")
    assert "no-such-dir" not in _shown(at) and not (tmp_path / "no-such-dir").exists()


def test_the_language_switch_works_on_the_error_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", DOWN)
    at = app_as(None, lang="en")
    at.run()
    at.sidebar.selectbox(key="sidebar_lang").set_value("fr").run()
    assert at.error[0].value.startswith("La base de données est indisponible")


def test_production_refusal_is_the_one_error_page(demo_users: Engine,
                                                  monkeypatch: pytest.MonkeyPatch,
                                                  navigations: list[list[str]]) -> None:
    monkeypatch.setenv("APP_ENV", "production")
    monkeypatch.delenv("AUTH_COOKIE_KEY", raising=False)
    at = app_as("admin", lang="en")
    at.run()
    assert "Refusing to start" in _one_error_page(at, navigations)


def _boom(*_args: Any, **_kwargs: Any) -> Any:
    raise OperationalError("SELECT 1", {}, Exception(
        'connection to server at "db.internal" (10.1.2.3), port 5432 failed'))


def test_database_going_down_after_start(demo_users: Engine, monkeypatch: pytest.MonkeyPatch,
                                         navigations: list[list[str]]) -> None:
    monkeypatch.setattr("components.data.refresh_versions", _boom)
    at = app_as(None, lang="en")
    at.run()
    assert _one_error_page(at, navigations).startswith("The database is unavailable")
    assert "db.internal" not in _shown(at) and "10.1.2.3" not in _shown(at)


def _failing(message: str) -> Callable[..., Any]:
    def fail(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError(message)
    return fail


def test_a_failing_page_shows_a_reference_not_a_traceback(
        demo_users: Engine, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr("db.queries.users.users_table", _failing("boom $2b$12$hash"))
    at = app_as("admin", lang="en")
    at.run()
    at.switch_page("pages/admin_users.py").run()
    assert not at.exception, at.exception
    shown = at.error[0].value
    assert shown.startswith("Something unexpected went wrong.") and "$2b$" not in _shown(at)
    ref = shown.rsplit(" ", 1)[-1]
    assert REF.match(ref) and ref in caplog.text and "RuntimeError" in caplog.text


def _users(engine: Engine) -> int:
    with session_scope(engine) as s:
        return int(s.scalar(select(func.count()).select_from(User)) or 0)


@pytest.mark.parametrize(("failure", "message"), [
    (RuntimeError("boom"), "Something unexpected went wrong."),
    (OperationalError("UPDATE", {}, type("DeadlockDetected", (Exception,), {
        "sqlstate": "40P01"})()), "Another change was being saved at the same moment"),
])
def test_a_form_write_that_fails_writes_nothing_and_says_so(
        demo_users: Engine, monkeypatch: pytest.MonkeyPatch, failure: Exception,
        message: str) -> None:
    from db.queries import users

    real = users.create_user

    def create_then_fail(**kwargs: Any) -> Any:
        real(**kwargs)
        raise failure

    monkeypatch.setattr(users, "create_user", create_then_fail)
    at = app_as("admin", lang="en")
    at.run()
    at.switch_page("pages/admin_users.py").run()
    at.text_input(key="users_new_username").input("j.janssens")
    at.text_input(key="users_new_display_name").input("Jan Janssens")
    at.text_input(key="users_new_password").input("een-lang-wachtwoord")
    at.button(key="FormSubmitter:users_new-Create user").click().run()
    assert not at.exception, at.exception
    assert [e.value for e in at.error][0].startswith(message)
    assert _users(demo_users) == 4


def test_browsers_never_get_exception_details() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"
