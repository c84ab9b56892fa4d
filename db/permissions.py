"""Who may write what: checked on the server side by every write function."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Select, Table, bindparam, select
from sqlalchemy.orm import Session

STAFF_AND_UP = frozenset({"admin", "manager", "staff"})
MANAGERS = frozenset({"admin", "manager"})
ADMINS = frozenset({"admin"})

# permission -> roles allowed; partners write nothing.
PERMISSIONS: dict[str, frozenset[str]] = {
    "artisans.write": STAFF_AND_UP,
    "artisans.export": STAFF_AND_UP,  # a file of persons: re-checked when it is made
    "artisans.erase": ADMINS,  # the right to erasure: irreversible, so admins only
    "events.write": STAFF_AND_UP,
    "coaching.write": STAFF_AND_UP,
    "coaching.assign": MANAGERS,  # give a follow-up to another adviser
    "campaign.write": STAFF_AND_UP,
    "label.write": STAFF_AND_UP,
    "targets.write": MANAGERS,
    "users.write": ADMINS,
    "audit.read": ADMINS,
    "own_account.write": frozenset({"admin", "manager", "staff", "partner"}),
}


@dataclass(frozen=True)
class Actor:
    """The person behind a write: their username goes to the audit log, their role is checked,
    and `since` (when their session began: login or cookie issue) must postdate any logout."""

    username: str
    role: str
    since: datetime


SYSTEM = Actor(username="system", role="admin", since=datetime(2000, 1, 1, tzinfo=UTC))
ANONYMOUS = "anonymous"  # audit entries of failed logins to no known account
RESERVED_USERNAMES = frozenset({SYSTEM.username, ANONYMOUS})  # audit names that are not users


class PermissionDenied(PermissionError):
    """The actor's role does not allow this; `key` is the translation key of the message."""

    key = "errors.permission_denied"

    def __init__(self, actor: Actor, permission: str) -> None:
        super().__init__(f"{actor.username} ({actor.role}) may not {permission}")
        self.permission = permission


def require(actor: Actor, permission: str) -> None:
    """Raise PermissionDenied unless the actor's role grants the permission."""
    if actor.role not in PERMISSIONS.get(permission, frozenset()):
        raise PermissionDenied(actor, permission)


class SessionEnded(PermissionDenied):
    """The actor's session was ended (logout, password change or reset) after it began."""

    key = "errors.session_ended"


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def session_valid(logged_out_at: datetime | None, since: datetime) -> bool:
    """A session that began at `since` survives a logout only if it began after it."""
    return logged_out_at is None or _aware(logged_out_at) < _aware(since)


@functools.cache
def _current_user() -> Select[Any]:
    """The stored role and last logout of an active user: built once (of the table, not the
    ORM class) and run on the session's connection, as every write runs it."""
    from db.models import User

    users = cast(Table, User.__table__)
    return select(users.c.role, users.c.logged_out_at).where(
        users.c.username == bindparam("username"), users.c.active.is_(True))


def authorize(session: Session, actor: Actor, permission: str) -> None:
    """The one gate of every write: the role stored now (not the one a page remembered), the
    account still active, and the session not ended since it began. A form callback runs
    before app.py re-checks the user, so an open tab of a demoted, deactivated or logged-out
    user must not slip one last write through."""
    if actor is SYSTEM:  # the seed and migrations, never a person
        return
    if session.autoflush:  # as the ORM statement did: pending writes go first
        session.flush()
    row = session.connection().execute(_current_user(), {"username": actor.username}).first()
    if row is None:
        raise SessionEnded(actor, permission)
    if not session_valid(row.logged_out_at, actor.since):
        raise SessionEnded(actor, permission)
    require(Actor(actor.username, row.role, actor.since), permission)
