"""Production refuses to start on a missing or short cookie key, or a demo password."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from components import settings
from db.engine import session_scope
from db.models import User
from db.passwords import hash_password
from tests.conftest import app_as

GOOD_KEY = "k" * 48


@pytest.fixture
def production(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setenv("APP_ENV", "production")
    monkeypatch.delenv("AUTH_COOKIE_KEY", raising=False)
    return monkeypatch


def _retire_demo_passwords(engine: Engine) -> None:
    with session_scope(engine) as s:
        for user in s.scalars(select(User)):
            user.password_hash = hash_password("a-real-production-password")


def test_missing_key_is_refused(production: pytest.MonkeyPatch, demo_users: Engine) -> None:
    _retire_demo_passwords(demo_users)
    assert settings.production_problems() == ["settings.key_missing"]


def test_short_key_is_refused(production: pytest.MonkeyPatch, demo_users: Engine) -> None:
    _retire_demo_passwords(demo_users)
    production.setenv("AUTH_COOKIE_KEY", "x" * 31)
    assert settings.production_problems() == ["settings.key_short"]


def test_demo_password_is_refused(production: pytest.MonkeyPatch, demo_users: Engine) -> None:
    production.setenv("AUTH_COOKIE_KEY", GOOD_KEY)
    assert settings.production_problems() == ["settings.demo_password"]


def test_safe_production_starts(production: pytest.MonkeyPatch, demo_users: Engine) -> None:
    _retire_demo_passwords(demo_users)
    production.setenv("AUTH_COOKIE_KEY", GOOD_KEY)
    assert settings.production_problems() == []
    assert settings.cookie_key() == GOOD_KEY


def test_refusal_is_shown_instead_of_the_login(production: pytest.MonkeyPatch,
                                               demo_users: Engine) -> None:
    at = app_as(None, lang="en")
    at.run()
    assert [e.value for e in at.error] == [
        "Refusing to start: APP_ENV=production but no cookie key (AUTH_COOKIE_KEY or "
        "[auth] cookie_key in .streamlit/secrets.toml).",
        "Refusing to start: a demo user still has its demo password. Change it or "
        "deactivate the user."]
    assert not at.text_input


def test_demo_mode_generates_and_keeps_a_key(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("APP_ENV", raising=False)
    first = settings._demo_key(tmp_path / "key")
    assert len(first) >= 32 and settings._demo_key(tmp_path / "key") == first
