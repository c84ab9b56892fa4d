"""Secrets and run mode: the cookie key, and the checks that refuse an unsafe production."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import streamlit as st

from db.engine import ROOT, session_scope
from db.models import User
from db.passwords import verify_password

MIN_KEY_BYTES = 32
DEMO_KEY_FILE = ROOT / "data" / ".cookie_key"


def is_production() -> bool:
    """APP_ENV=production turns the demo conveniences off."""
    return os.environ.get("APP_ENV", "").strip().lower() == "production"


def _configured_key() -> str | None:
    key = os.environ.get("AUTH_COOKIE_KEY", "").strip()
    if key:
        return key
    try:
        value = st.secrets.get("auth", {}).get("cookie_key")
    except (FileNotFoundError, OSError, KeyError, st.errors.StreamlitSecretNotFoundError):
        return None
    return str(value).strip() if value else None


def _demo_key(path: Path = DEMO_KEY_FILE) -> str:
    """A random key kept under data/, so a demo restart keeps people logged in."""
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    path.write_text(key, encoding="utf-8")
    path.chmod(0o600)
    return key


def cookie_key() -> str:
    """The re-authentication cookie's signing key (configured, or generated in demo mode)."""
    return _configured_key() or ("" if is_production() else _demo_key())


def production_problems() -> list[str]:
    """Translation keys of what makes this production set-up unsafe (empty when fine)."""
    if not is_production():
        return []
    problems = []
    key = _configured_key()
    if not key:
        problems.append("settings.key_missing")
    elif len(key.encode("utf-8")) < MIN_KEY_BYTES:
        problems.append("settings.key_short")
    from seed.populate import DEMO_USERS  # only in production: keeps Faker out of the app

    demo = {u: p for u, _, _, p in DEMO_USERS}
    with session_scope() as session:
        users = session.query(User).filter(User.username.in_(demo), User.active.is_(True))
        if any(verify_password(demo[u.username], u.password_hash) for u in users):
            problems.append("settings.demo_password")
    return problems
