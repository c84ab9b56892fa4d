"""Checking a login against the users table, with a lockout shared by every app server."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from db import audit
from db.errors import ValidationError
from db.models import User
from db.passwords import hash_password, password_problem, verify_password
from db.permissions import Actor, authorize, session_valid
from db.versioning import bump

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)


@dataclass(frozen=True)
class LoginOutcome:
    """ok, or the translation key of why not (and until when the account is locked)."""

    ok: bool
    reason: str | None = None
    locked_until: datetime | None = None


@functools.cache
def _dummy_hash() -> str:
    return hash_password("no such user, same work")


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def authenticate(session: Session, username: str, password: str,
                 now: datetime | None = None) -> LoginOutcome:
    """Check a username and password; count failures and lock after too many."""
    now = now or datetime.now(UTC)
    user = session.scalar(select(User).where(User.username == username.strip().lower()))
    if user is None or not user.active:
        verify_password(password, _dummy_hash())  # same work: no hint that the user exists
        return LoginOutcome(False, "login.wrong")
    if user.locked_until and _aware(user.locked_until) > now:
        return LoginOutcome(False, "login.locked", _aware(user.locked_until))
    if verify_password(password, user.password_hash):
        if user.failed_logins or user.locked_until:
            user.failed_logins, user.locked_until = 0, None
        return LoginOutcome(True)
    # Counted in SQL, so parallel guesses from several sessions or servers all count.
    failures = session.scalar(
        update(User).where(User.id == user.id)
        .values(failed_logins=User.failed_logins + 1).returning(User.failed_logins))
    session.refresh(user)
    if (failures or 0) < MAX_FAILED_LOGINS:
        return LoginOutcome(False, "login.wrong")
    before = audit.snapshot(user)
    user.failed_logins, user.locked_until = 0, now + LOCKOUT
    session.flush()
    audit.record(session, actor="system", action="update", entity="users", entity_id=user.id,
                 before=before, after=audit.snapshot(user))
    bump(session, "users")
    return LoginOutcome(False, "login.locked", user.locked_until)


def record_logout(session: Session, username: str, now: datetime | None = None) -> None:
    """Remember the logout: sessions and cookies of this user from before it are void."""
    user = session.scalar(select(User).where(User.username == username))
    if user is not None:
        user.logged_out_at = now or datetime.now(UTC)


def still_valid(user: User | None, since: datetime) -> bool:
    """False when there is no such user, or they logged out or had their password reset
    after `since` (the login or the cookie's issue). Takes the row the caller already read."""
    return user is not None and session_valid(user.logged_out_at, since)


def change_own_password(*, session: Session, actor: Actor, current: str, new: str,
                        confirm: str) -> User:
    """Any logged-in user changes their own password, proving the current one."""
    authorize(session, actor, "own_account.write")
    user = session.scalar(select(User).where(User.username == actor.username))
    if user is None:
        raise ValidationError({"current": "users.not_found"})
    errors: dict[str, str] = {}
    if not verify_password(current, user.password_hash):
        errors["current"] = "account.current_wrong"
    if problem := password_problem(new):
        errors["new"] = problem
    elif new != confirm:
        errors["confirm"] = "account.confirm_mismatch"
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(user)
    user.password_hash = hash_password(new)
    session.flush()
    after = audit.snapshot(user) | {"password_hash": "*** (changed)"}
    audit.record(session, actor=actor.username, action="update", entity="users",
                 entity_id=user.id, before=before, after=after)
    bump(session, "users")
    return user
