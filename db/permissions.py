"""Who may write what: checked on the server side by every write function."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

STAFF_AND_UP = frozenset({"admin", "manager", "staff"})
MANAGERS = frozenset({"admin", "manager"})
ADMINS = frozenset({"admin"})

# permission -> roles allowed; partners write nothing.
PERMISSIONS: dict[str, frozenset[str]] = {
    "artisans.write": STAFF_AND_UP,
    "events.write": STAFF_AND_UP,
    "coaching.write": STAFF_AND_UP,
    "campaign.write": STAFF_AND_UP,
    "label.write": STAFF_AND_UP,
    "targets.write": MANAGERS,
    "users.write": ADMINS,
    "audit.read": ADMINS,
}


@dataclass(frozen=True)
class Actor:
    """The person behind a write: their username goes to the audit log, their role is checked."""

    username: str
    role: str


SYSTEM = Actor(username="system", role="admin")
RESERVED_USERNAMES = frozenset({SYSTEM.username})  # audit entries of the system


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


def authorize(session: Session, actor: Actor, permission: str) -> None:
    """Check the permission against the role stored now, not the one a page remembered:
    a form callback runs before app.py re-reads the user, so a demoted or deactivated user's
    open tab must not slip one last write through."""
    if actor is SYSTEM:  # the seed and migrations, never a person
        return
    from db.models import User

    role = session.scalar(select(User.role).where(User.username == actor.username,
                                                  User.active.is_(True)))
    require(Actor(actor.username, role or ""), permission)
