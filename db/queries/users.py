"""Users of the app: creation and look-ups (role changes and passwords come with access)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import audit, vocab
from db.errors import ValidationError
from db.models import User
from db.passwords import hash_password, password_problem
from db.permissions import Actor, require
from db.versioning import bump


def create_user(*, session: Session, actor: Actor, username: str, display_name: str,
                role: str, password: str, email: str | None = None) -> User:
    """Create an active user with a bcrypt-hashed password; audit-logged."""
    require(actor, "users.write")
    username = username.strip().lower()
    errors: dict[str, str] = {}
    if not username or not username.replace(".", "").replace("_", "").isalnum():
        errors["username"] = "users.username_invalid"
    elif session.scalar(select(func.count()).where(User.username == username)):
        errors["username"] = "users.username_taken"
    if not display_name.strip():
        errors["display_name"] = "form.required"
    if role not in vocab.ROLES:
        errors["role"] = "users.role_invalid"
    if problem := password_problem(password):
        errors["password"] = problem
    if errors:
        raise ValidationError(errors)
    user = User(username=username, display_name=display_name.strip(), role=role,
                email=(email or "").strip() or None, password_hash=hash_password(password),
                active=True, failed_logins=0)
    session.add(user)
    session.flush()
    audit.record(session, actor=actor.username, action="create", entity="users",
                 entity_id=user.id, before=None, after=audit.snapshot(user))
    bump(session, "users")
    return user
