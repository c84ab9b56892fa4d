"""Logins, logouts and own password changes, with attempts throttled across every app server.

Every attempt is reserved in login_throttle (one atomic UPDATE ... RETURNING, committed) before
its password is checked, so parallel guesses cannot outrun the limit. Attempts count per key:
a typed username (known or not: the same answers and the same work for both), or a browser
that already logged in as that user (see components/auth.py), so a stranger who exhausts a
username's attempts does not keep its owner out of a browser they used before."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import cast

from sqlalchemy import Table, case, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from db import audit
from db.errors import ValidationError
from db.models import LoginThrottle, User
from db.passwords import (
    configured_rounds,
    hash_password,
    needs_rehash,
    password_problem,
    verify_password,
)
from db.permissions import ANONYMOUS, Actor, authorize, session_valid
from db.validation import clean_username, username_problem
from db.versioning import bump

MAX_ATTEMPTS = 5
WINDOW = timedelta(minutes=15)
THROTTLE = cast(Table, LoginThrottle.__table__)


@dataclass(frozen=True)
class LoginOutcome:
    """ok, or the translation key of why not (and from when a new attempt is accepted)."""

    ok: bool
    reason: str | None = None
    retry_at: datetime | None = None


@functools.cache
def _dummy_hash(rounds: int) -> str:
    return hash_password("no such user, same work")


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def attempt_key(username: str, device: str | None = None) -> str:
    """The throttling key of a username, or of one trusted browser of that username (hashed:
    a password typed into the username field is never stored)."""
    raw = f"device:{username}:{device}" if device else f"user:{username}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def reserve_attempt(session: Session, key: str, now: datetime) -> tuple[int, datetime | None]:
    """Take one attempt of the key's window, committed before any password is checked.

    Returns (attempts in the window including this one, None), or (MAX_ATTEMPTS, the moment
    a new attempt is accepted) when the window's attempts are used up."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    session.execute(dialect.insert(THROTTLE).values(key=key, attempts=0, window_started_at=now)
                    .on_conflict_do_nothing(index_elements=["key"]))
    expired = THROTTLE.c.window_started_at <= now - WINDOW
    taken = session.execute(
        update(THROTTLE)
        .where(THROTTLE.c.key == key, or_(THROTTLE.c.attempts < MAX_ATTEMPTS, expired))
        .values(attempts=case((expired, 1), else_=THROTTLE.c.attempts + 1),
                window_started_at=case((expired, now), else_=THROTTLE.c.window_started_at))
        .returning(THROTTLE.c.attempts, THROTTLE.c.window_started_at)).first()
    if taken is None:
        started = session.scalar(select(THROTTLE.c.window_started_at)
                                 .where(THROTTLE.c.key == key))
        session.commit()
        return MAX_ATTEMPTS, _aware(started or now) + WINDOW
    session.commit()
    return int(taken.attempts), None


def release_attempts(session: Session, key: str) -> None:
    """A success: the key's window starts afresh."""
    session.execute(update(THROTTLE).where(THROTTLE.c.key == key).values(attempts=0))


def clear_throttle(session: Session, username: str) -> None:
    """An admin's password reset lifts the username's lock (trusted browsers keep theirs)."""
    session.execute(update(THROTTLE).where(THROTTLE.c.key == attempt_key(username))
                    .values(attempts=0))


def prune_throttle(session: Session, now: datetime) -> None:
    """Forget windows that ended long ago (keys of mistyped names pile up otherwise)."""
    session.execute(THROTTLE.delete().where(THROTTLE.c.window_started_at < now - 4 * WINDOW))


def _audit_login(session: Session, user: User | None, action: str, **details: object) -> None:
    audit.record(session, actor=user.username if user and action != "login_failed" else ANONYMOUS,
                 action=action, entity="users", entity_id=user.id if user else None,
                 before=None, after=details or None)


def _note_failures(session: Session, user: User, attempts: int, retry_at: datetime | None,
                   window_start: datetime) -> None:
    """Mirror a username's failures on its row for the admins' list; audit the lock."""
    locked_until = retry_at or (window_start + WINDOW if attempts >= MAX_ATTEMPTS else None)
    if user.failed_logins == attempts and (user.locked_until is None) == (locked_until is None):
        return
    before = audit.snapshot(user)
    user.failed_logins, user.locked_until = attempts, locked_until
    session.flush()
    if locked_until and before["locked_until"] is None:
        audit.record(session, actor="system", action="update", entity="users",
                     entity_id=user.id, before=before, after=audit.snapshot(user))
    bump(session, "users")


def authenticate(session: Session, username: str, password: str, now: datetime | None = None,
                 device: str | None = None) -> LoginOutcome:
    """Check a login: reserve an attempt, then the password; audit the outcome."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    name = clean_username(username)
    key = attempt_key(name, device)
    attempts, retry_at = reserve_attempt(session, key, now)
    found = None if username_problem(name) else session.scalar(  # e.g. a NUL: no such user
        select(User).where(User.username == name))
    user = found if found is not None and found.active else None
    if retry_at is None:  # the same bcrypt work whether or not the account exists
        stored = user.password_hash if user else _dummy_hash(configured_rounds())
        if user is not None and needs_rehash(stored):  # a cheaper hash: top up the work
            verify_password(password, _dummy_hash(configured_rounds()))
        if verify_password(password, stored) and user is not None:
            release_attempts(session, key)
            if needs_rehash(user.password_hash):  # a hash made at a lower cost: upgrade it
                user.password_hash = hash_password(password)
            if not device and (user.failed_logins or user.locked_until):
                user.failed_logins, user.locked_until = 0, None
            _audit_login(session, user, "login", trusted_browser=bool(device))
            bump(session, "users")
            return LoginOutcome(True)
    outcome = "throttled" if retry_at else "wrong"
    if user is not None and not device:
        _note_failures(session, user, attempts, retry_at, now)
    _audit_login(session, user, "login_failed", outcome=outcome, trusted_browser=bool(device))
    prune_throttle(session, now)
    if retry_at is None and attempts >= MAX_ATTEMPTS:
        retry_at = now + WINDOW
    if retry_at is not None:
        return LoginOutcome(False, "login.throttled", retry_at)
    return LoginOutcome(False, "login.wrong")


def record_logout(session: Session, actor: Actor, now: datetime | None = None) -> None:
    """Remember the logout: this user's sessions and cookies from before it are void."""
    user = session.scalar(select(User).where(User.username == actor.username))
    if user is not None:
        user.logged_out_at = (now or datetime.now(UTC)).astimezone(UTC)
        _audit_login(session, user, "logout")


def still_valid(user: User | None, since: datetime) -> bool:
    """False when there is no such user, or they logged out or had their password reset
    after `since` (the login or the cookie's issue). Takes the row the caller already read."""
    return user is not None and session_valid(user.logged_out_at, since)


def change_own_password(*, session: Session, actor: Actor, current: str, new: str,
                        confirm: str, now: datetime | None = None) -> datetime:
    """A user changes their own password, proving the current one. Wrong ones are throttled
    and audited like failed logins (5 per 15 minutes, in a bucket of their own), and the fifth
    ends the user's sessions. Success ends the user's other sessions; returns when this
    session now begins."""
    authorize(session, actor, "own_account.write")
    now = (now or datetime.now(UTC)).astimezone(UTC)
    errors: dict[str, str] = {}
    if problem := password_problem(new):
        errors["new"] = problem
    elif new != confirm:
        errors["confirm"] = "account.confirm_mismatch"
    # Its own bucket, whatever the browser: a tab cannot get more guesses by dropping a cookie,
    # and a stranger's failed logins cannot make the owner's typo end their sessions.
    key = attempt_key(f"password_change:{actor.username}")
    attempts, retry_at = reserve_attempt(session, key, now)
    user = session.scalar(select(User).where(User.username == actor.username))
    if user is None or retry_at is not None:
        raise ValidationError(errors | {"current": "account.throttled"})
    if not verify_password(current, user.password_hash):
        _audit_login(session, user, "login_failed", outcome="wrong", via="password_change")
        if attempts >= MAX_ATTEMPTS:  # whoever guesses in an open tab is logged out
            user.logged_out_at = now
        session.commit()  # the failure and the logout stay, although the change is refused
        raise ValidationError(errors | {"current": "account.current_wrong"})
    release_attempts(session, key)
    if errors:
        raise ValidationError(errors)
    before = audit.snapshot(user)
    user.password_hash, user.logged_out_at = hash_password(new), now
    session.flush()
    audit.record(session, actor=actor.username, action="update", entity="users",
                 entity_id=user.id, before=before,
                 after=audit.snapshot(user) | {"password_hash": "*** (changed)"})
    bump(session, "users")
    return now + timedelta(microseconds=1)
