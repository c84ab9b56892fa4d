"""Production refuses to start on a missing or short cookie key, or a demo password."""

from __future__ import annotations

import base64
import secrets
import tomllib
from pathlib import Path

import bcrypt
import pytest
from sqlalchemy import Engine, select

from components import settings
from db.engine import session_scope
from db.models import User
from tests.conftest import ROOT, app_as

GOOD_KEY = "Zx3kQ9vLr2TnW8yBc5HmJ7dPf4sGa6Ue1oKq0XiVbNwYt-_lRhMzCj9pEu3SaD2F"  # 48 random bytes


@pytest.fixture
def production(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setenv("APP_ENV", "production")
    monkeypatch.delenv("AUTH_COOKIE_KEY", raising=False)
    monkeypatch.setenv("BCRYPT_ROUNDS", "12")
    return monkeypatch


def _retire_demo_passwords(engine: Engine) -> None:
    with session_scope(engine) as s:
        for user in s.scalars(select(User)):
            user.password_hash = bcrypt.hashpw(b"a-real-production-password",
                                               bcrypt.gensalt(4)).decode()


def test_missing_key_is_refused(production: pytest.MonkeyPatch, demo_users: Engine) -> None:
    _retire_demo_passwords(demo_users)
    assert settings.production_problems() == ["settings.key_missing"]


@pytest.mark.parametrize("key", [
    "x" * 31, "k" * 48, secrets.token_urlsafe(16), secrets.token_hex(16),
    # the value the example file used to ship, and words of other placeholders
    "replace-me-with-48-random-url-safe-characters-xxxxxxxxxxxx",
    "change-me-" + secrets.token_urlsafe(48), "not base64 at all but long enough to pass",
])
def test_weak_or_placeholder_keys_are_refused(production: pytest.MonkeyPatch,
                                              demo_users: Engine, key: str) -> None:
    _retire_demo_passwords(demo_users)
    production.setenv("AUTH_COOKIE_KEY", key)
    assert settings.production_problems() == ["settings.key_weak"]
    assert settings.cookie_key() == ""


@pytest.mark.parametrize("key", [secrets.token_urlsafe(32), secrets.token_hex(32),
                                 base64.b64encode(secrets.token_bytes(40)).decode()])
def test_random_keys_of_32_bytes_are_accepted(key: str) -> None:
    assert settings.key_problem(key) is None


def test_the_example_secrets_file_holds_no_usable_key() -> None:
    example = tomllib.loads((ROOT / ".streamlit" / "secrets.toml.example").read_text())
    assert settings.key_problem(example["auth"]["cookie_key"]) is not None


def test_a_low_bcrypt_cost_is_refused(production: pytest.MonkeyPatch, demo_users: Engine) -> None:
    _retire_demo_passwords(demo_users)
    production.setenv("AUTH_COOKIE_KEY", GOOD_KEY)
    production.setenv("BCRYPT_ROUNDS", "10")
    assert settings.production_problems() == ["settings.bcrypt_weak"]


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
    first = settings._demo_key(tmp_path / "data" / "key")
    assert settings.key_problem(first) is None
    assert settings._demo_key(tmp_path / "data" / "key") == first
    assert (tmp_path / "data" / "key").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "data").stat().st_mode & 0o777 == 0o700


@pytest.mark.parametrize("content", ["", "short", "k" * 64])
def test_demo_mode_replaces_an_empty_or_weak_key_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "key"
    path.write_text(content)
    path.chmod(0o644)
    key = settings._demo_key(path)
    assert key != content and settings.key_problem(key) is None
    assert path.read_text() == key and path.stat().st_mode & 0o777 == 0o600


def test_demo_mode_ignores_an_unusable_configured_key(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    monkeypatch.delenv("APP_ENV", raising=False)
    monkeypatch.setenv("AUTH_COOKIE_KEY", "replace-me")
    monkeypatch.setattr(settings, "DEMO_KEY_FILE", tmp_path / "key")
    monkeypatch.setattr(settings._demo_key, "__defaults__", (tmp_path / "key",))
    assert settings.cookie_key() == (tmp_path / "key").read_text()
