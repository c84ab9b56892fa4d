"""Secrets and run mode: the cookie key, and the checks that refuse an unsafe production."""

from __future__ import annotations

import base64
import binascii
import os
import re
import secrets
import sys
from pathlib import Path

import streamlit as st

from db.engine import ROOT, session_scope
from db.models import User
from db.passwords import MIN_PRODUCTION_ROUNDS, configured_rounds, verify_password
from db.runmode import is_production

MIN_KEY_BYTES = 32
DEMO_KEY_FILE = ROOT / "data" / ".cookie_key"
# Words of example values ("replace-me-with-...") and runs of one character ("xxxxxx").
PLACEHOLDER = re.compile(r"replace|change|example|placeholder|secret|(.)\1{5}", re.IGNORECASE)

__all__ = ["cookie_key", "is_production", "key_problem", "production_problems"]


def _decoded(key: str) -> bytes | None:
    """The key's bytes, read as hex or as (URL-safe) base64; None when it is neither."""
    if re.fullmatch(r"(?:[0-9a-fA-F]{2})+", key):
        return bytes.fromhex(key)
    if re.fullmatch(r"[A-Za-z0-9+/_-]+=*", key):
        text = key.rstrip("=").replace("+", "-").replace("/", "_")
        try:
            return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        except (binascii.Error, ValueError):
            return None
    return None


def key_problem(key: str | None) -> str | None:
    """The translation key of what makes a cookie key unusable, or None: it must be hex or
    base64 of at least 32 random bytes, and no example value."""
    if not key:
        return "settings.key_missing"
    raw = _decoded(key)
    if raw is None or len(raw) < MIN_KEY_BYTES or len(set(key)) < 10 or PLACEHOLDER.search(key):
        return "settings.key_weak"
    return None


def _configured_key() -> str | None:
    key = os.environ.get("AUTH_COOKIE_KEY", "").strip()
    if key:
        return key
    try:
        value = st.secrets.get("auth", {}).get("cookie_key")
    except Exception:  # a missing or malformed secrets.toml is "no key", never a crash
        return None
    return str(value).strip() if value else None


def _demo_key(path: Path = DEMO_KEY_FILE) -> str:
    """A random key kept under data/ (owner-only), so a demo restart keeps people logged in;
    an empty, short or edited file is replaced."""
    try:
        key = path.read_text(encoding="utf-8").strip()
    except OSError:
        key = ""
    if key_problem(key) is None:
        return key
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    while key_problem(key):  # a random key that happens to spell a placeholder word
        key = secrets.token_urlsafe(48)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(key)
    path.chmod(0o600)  # also when the file existed with wider rights
    return key


def cookie_key() -> str:
    """The re-authentication cookie's signing key: the configured one; in demo mode a
    generated one when none (or an unusable one) is configured; "" in an unsafe production."""
    key = _configured_key()
    if key_problem(key) is None:
        return key or ""
    if is_production():
        return ""
    if key:
        print("AUTH_COOKIE_KEY is unusable (see .streamlit/secrets.toml.example); "
              "demo mode uses a generated key instead", file=sys.stderr)
    return _demo_key()


def production_problems() -> list[str]:
    """Translation keys of what makes this production set-up unsafe (empty when fine)."""
    if not is_production():
        return []
    problems = []
    if problem := key_problem(_configured_key()):
        problems.append(problem)
    if configured_rounds() < MIN_PRODUCTION_ROUNDS:
        problems.append("settings.bcrypt_weak")
    from seed.accounts import DEMO_USERS

    demo = {u: p for u, _, _, p in DEMO_USERS}
    with session_scope() as session:
        users = session.query(User).filter(User.username.in_(demo), User.active.is_(True))
        if any(verify_password(demo[u.username], u.password_hash) for u in users):
            problems.append("settings.demo_password")
    return problems
