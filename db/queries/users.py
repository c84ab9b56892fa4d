"""Users of the app: creation, roles, activation, passwords; each write role-checked and audited."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import audit, vocab
from db.errors import ValidationError
from db.models import User
from db.passwords import hash_password, password_problem
from db.permissions import RESERVED_USERNAMES, Actor, authorize
from db.queries.auth import clear_throttle
from db.validation import MAX_NAME, clean_username, email_problem, text_problem, username_problem
from db.versioning import bump


def _username_problem(session: Session, username: str) -> str | None:
    if problem := username_problem(username):
        return problem
    if username in RESERVED_USERNAMES or session.scalar(
            select(func.count()).where(User.username == username)):
        return "users.username_taken"
    return None


def create_user(*, session: Session, actor: Actor, username: str, display_name: str,
                role: str, password: str, email: str | None = None) -> User:
    """Create an active user with a bcrypt-hashed password; audit-logged."""
    authorize(session, actor, "users.write")
    username, display_name = clean_username(username), display_name.strip()
    email = (email or "").strip()
    errors: dict[str, str] = {}
    if problem := _username_problem(session, username):
        errors["username"] = problem
    if problem := text_problem(display_name, MAX_NAME):
        errors["display_name"] = problem
    if problem := email_problem(email):
        errors["email"] = problem
    if role not in vocab.ROLES:
        errors["role"] = "users.role_invalid"
    if problem := password_problem(password):
        errors["password"] = problem
    if errors:
        raise ValidationError(errors)
    user = User(username=username, display_name=display_name, role=role,
                email=email or None, password_hash=hash_password(password),
                active=True, failed_logins=0)
    session.add(user)
    session.flush()
    audit.record(session, actor=actor.username, action="create", entity="users",
                 entity_id=user.id, before=None, after=audit.snapshot(user))
    bump(session, "users")
    return user


def _load(session: Session, user_id: int) -> User:
    user = session.get(User, user_id, populate_existing=True)  # as it is now, after locks
    if user is None:
        raise ValidationError({"user": "users.not_found"})
    return user


def _lock_active_admins(session: Session) -> list[int]:
    """Ids of the active admins. On PostgreSQL their rows stay locked until the end of the
    transaction, taken in id order, so two admins demoting each other wait for one another
    instead of deadlocking. On SQLite, where FOR UPDATE does nothing, a first write takes the
    database's write lock now, so the check below is serialised also for a caller that did not
    open a write session (db.engine.run_write)."""
    bump(session, "users")
    query = (select(User.id).where(User.role == "admin", User.active.is_(True))
             .order_by(User.id).with_for_update())
    return list(session.scalars(query))


def _is_last_admin(admins: list[int], user: User) -> bool:
    return admins == [user.id]  # from the locked rows, not from a user row read earlier


def _update(session: Session, actor: Actor, user: User, **changes: object) -> User:
    """Apply changes; a change that changes nothing writes nothing and logs nothing."""
    if all(getattr(user, name) == value for name, value in changes.items()):
        return user
    before = audit.snapshot(user)
    for name, value in changes.items():
        setattr(user, name, value)
    session.flush()
    after = audit.snapshot(user)
    if "password_hash" in changes:  # the hash stays masked, but the change shows
        after["password_hash"] = "*** (changed)"
    audit.record(session, actor=actor.username, action="update", entity="users",
                 entity_id=user.id, before=before, after=after)
    bump(session, "users")
    return user


def set_role(*, session: Session, actor: Actor, user_id: int, role: str) -> User:
    """Change a user's role; the last active admin keeps theirs."""
    authorize(session, actor, "users.write")
    admins = _lock_active_admins(session)
    user = _load(session, user_id)
    if role not in vocab.ROLES:
        raise ValidationError({"role": "users.role_invalid"})
    if role != "admin" and _is_last_admin(admins, user):
        raise ValidationError({"role": "users.last_admin"})
    return _update(session, actor, user, role=role)


def set_active(*, session: Session, actor: Actor, user_id: int, active: bool) -> User:
    """Deactivate (no more logins) or reactivate a user; never the last active admin."""
    authorize(session, actor, "users.write")
    admins = _lock_active_admins(session)
    user = _load(session, user_id)
    if not active and _is_last_admin(admins, user):
        raise ValidationError({"active": "users.last_admin"})
    if not active and user.active:  # their sessions and cookies do not come back with them
        return _update(session, actor, user, active=False, logged_out_at=datetime.now(UTC))
    return _update(session, actor, user, active=active)


def reset_password(*, session: Session, actor: Actor, user_id: int, password: str) -> User:
    """An admin sets a new password for someone: it lifts a lockout and ends their sessions."""
    authorize(session, actor, "users.write")
    if problem := password_problem(password):
        raise ValidationError({"password": problem})
    user = _load(session, user_id)
    clear_throttle(session, user.username)  # the login attempts counted for their username
    return _update(session, actor, user, password_hash=hash_password(password),
                   failed_logins=0, locked_until=None, logged_out_at=datetime.now(UTC))


def users_table(session: Session) -> pd.DataFrame:
    """Every user without secrets, for the admin screen."""
    rows = session.execute(
        select(User.id, User.username, User.display_name, User.email, User.role, User.active,
               User.locked_until, User.created_at).order_by(User.username)).all()
    return pd.DataFrame(rows, columns=["id", "username", "display_name", "email", "role",
                                       "active", "locked_until", "created_at"])


def active_user(session: Session, username: str) -> User | None:
    """The active user with this username, if any."""
    return session.scalar(select(User).where(User.username == username, User.active.is_(True)))


def active_credentials(session: Session) -> dict[str, dict[str, dict[str, object]]]:
    """Active users in streamlit-authenticator's credentials shape (hashes stay bcrypt)."""
    users = session.scalars(select(User).where(User.active.is_(True))).all()
    return {"usernames": {u.username: {"name": u.display_name, "email": u.email or "",
                                       "password": u.password_hash, "roles": [u.role]}
                          for u in users}}
