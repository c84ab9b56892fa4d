"""bcrypt password hashing, with the length rules that keep bcrypt from failing."""

from __future__ import annotations

import os

import bcrypt

MIN_LENGTH = 10
MAX_BYTES = 72  # bcrypt ignores (5.x: refuses) anything past 72 bytes


def password_problem(password: str) -> str | None:
    """The translation key of what is wrong with a new password, or None."""
    if len(password) < MIN_LENGTH:
        return "password.too_short"
    if len(password.encode("utf-8")) > MAX_BYTES:
        return "password.too_long"
    return None


def hash_password(password: str) -> str:
    """A bcrypt hash; BCRYPT_ROUNDS (default 12) lets tests run fast."""
    rounds = int(os.environ.get("BCRYPT_ROUNDS", "12"))
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(rounds)).decode("ascii")


def verify_password(password: str, password_hash: str) -> bool:
    """True when the password matches; never raises on over-long input."""
    data = password.encode("utf-8")
    if len(data) > MAX_BYTES:
        return False
    try:
        return bcrypt.checkpw(data, password_hash.encode("ascii"))
    except ValueError:
        return False
