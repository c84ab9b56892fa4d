"""bcrypt password hashing, with the length rules that keep bcrypt from failing."""

from __future__ import annotations

import os

import bcrypt

MIN_LENGTH = 10
MAX_BYTES = 72  # bcrypt ignores (5.x: refuses) anything past 72 bytes
DEFAULT_ROUNDS = 12
MIN_PRODUCTION_ROUNDS = 12


def password_problem(password: str) -> str | None:
    """The translation key of what is wrong with a new password, or None."""
    if len(password) < MIN_LENGTH:
        return "password.too_short"
    if len(password.encode("utf-8")) > MAX_BYTES:
        return "password.too_long"
    return None


def configured_rounds() -> int:
    """BCRYPT_ROUNDS (default 12; the tests use 4). Production refuses less than 12."""
    try:
        return int(os.environ.get("BCRYPT_ROUNDS", str(DEFAULT_ROUNDS)))
    except ValueError:
        return DEFAULT_ROUNDS


def hash_password(password: str) -> str:
    """A bcrypt hash at the configured cost."""
    rounds = min(max(configured_rounds(), 4), 31)
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(rounds)).decode("ascii")


def hash_rounds(password_hash: str) -> int:
    """The cost a bcrypt hash was made with ($2b$12$... -> 12); 0 when unreadable."""
    parts = password_hash.split("$")
    return int(parts[2]) if len(parts) > 3 and parts[2].isdigit() else 0


def needs_rehash(password_hash: str) -> bool:
    """True when a hash was made at a lower cost than the one configured now."""
    return hash_rounds(password_hash) < configured_rounds()


def verify_password(password: str, password_hash: str) -> bool:
    """True when the password matches; never raises on over-long input."""
    data = password.encode("utf-8")
    if len(data) > MAX_BYTES:
        return False
    try:
        return bcrypt.checkpw(data, password_hash.encode("ascii"))
    except ValueError:
        return False
