"""User administration writes: role checks on the server side, rules, audit trail."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from db.engine import session_scope
from db.errors import ValidationError
from db.models import AuditEntry, User
from db.permissions import Actor, PermissionDenied
from db.queries.users import (
    active_user,
    change_own_password,
    create_user,
    reset_password,
    set_active,
    set_role,
)

ADMIN = Actor("admin", "admin")


def _id(s: Session, username: str) -> int:
    user = active_user(s, username)
    assert user is not None
    return user.id


WRITES: dict[str, Callable[[Session, Actor], object]] = {
    "create_user": lambda s, a: create_user(session=s, actor=a, username="newbie",
                                            display_name="New", role="staff",
                                            password="long-enough-pw"),
    "set_role": lambda s, a: set_role(session=s, actor=a, user_id=_id(s, "staff"),
                                      role="manager"),
    "set_active": lambda s, a: set_active(session=s, actor=a, user_id=_id(s, "staff"),
                                          active=False),
    "reset_password": lambda s, a: reset_password(session=s, actor=a,
                                                  user_id=_id(s, "staff"),
                                                  password="another-long-pw"),
}


@pytest.mark.parametrize("write", sorted(WRITES))
@pytest.mark.parametrize("role", ["manager", "staff", "partner"])
def test_only_admins_administer_users(demo_users: Engine, write: str, role: str) -> None:
    with pytest.raises(PermissionDenied), session_scope(demo_users) as s:
        WRITES[write](s, Actor(role, role))


@pytest.mark.parametrize("write", sorted(WRITES))
def test_admin_writes_are_audited(demo_users: Engine, write: str) -> None:
    with session_scope(demo_users) as s:
        WRITES[write](s, ADMIN)
    with session_scope(demo_users) as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert entry is not None and entry.username == "admin" and entry.entity == "users"
    after = json.loads(entry.after_json or "{}")
    assert after["password_hash"].startswith("***")  # never the hash itself
    if write != "create_user":
        assert entry.action == "update" and entry.before_json != entry.after_json


def test_password_rules(demo_users: Engine) -> None:
    with session_scope(demo_users) as s:
        for password, key in (("short", "password.too_short"),
                              ("é" * 40, "password.too_long")):  # 40 chars, 80 bytes
            with pytest.raises(ValidationError) as err:
                reset_password(session=s, actor=ADMIN, user_id=_id(s, "staff"),
                               password=password)
            assert err.value.errors == {"password": key}


def test_create_user_reports_every_bad_field(demo_users: Engine) -> None:
    with pytest.raises(ValidationError) as err, session_scope(demo_users) as s:
        create_user(session=s, actor=ADMIN, username="Staff", display_name=" ",
                    role="boss", password="x")
    assert err.value.errors == {"username": "users.username_taken",
                                "display_name": "form.required",
                                "role": "users.role_invalid", "password": "password.too_short"}


def test_the_last_active_admin_stays(demo_users: Engine) -> None:
    with session_scope(demo_users) as s:
        admin_id = _id(s, "admin")
        with pytest.raises(ValidationError):
            set_role(session=s, actor=ADMIN, user_id=admin_id, role="staff")
        with pytest.raises(ValidationError):
            set_active(session=s, actor=ADMIN, user_id=admin_id, active=False)


def test_everyone_changes_their_own_password(demo_users: Engine) -> None:
    partner = Actor("partner", "partner")
    with session_scope(demo_users) as s:
        with pytest.raises(ValidationError) as err:
            change_own_password(session=s, actor=partner, current="wrong", new="new-password-1",
                                confirm="new-password-2")
        assert err.value.errors == {"current": "account.current_wrong",
                                    "confirm": "account.confirm_mismatch"}
        change_own_password(session=s, actor=partner, current="artisan-partner",
                            new="new-password-1", confirm="new-password-1")
    with session_scope(demo_users) as s:
        assert s.scalar(select(AuditEntry.username).order_by(AuditEntry.id.desc())) == "partner"


def test_a_no_op_change_writes_no_audit_entry(demo_users: Engine) -> None:
    with session_scope(demo_users) as s:
        before = len(s.scalars(select(AuditEntry)).all())
        set_role(session=s, actor=ADMIN, user_id=_id(s, "staff"), role="staff")
        assert len(s.scalars(select(AuditEntry)).all()) == before


def test_failed_write_leaves_nothing_half_written(demo_users: Engine) -> None:
    with session_scope(demo_users) as s:
        count = len(s.scalars(select(User)).all())
    with pytest.raises(ValidationError), session_scope(demo_users) as s:
        create_user(session=s, actor=ADMIN, username="ok.name", display_name="Ok",
                    role="staff", password="long-enough-pw")
        set_role(session=s, actor=ADMIN, user_id=_id(s, "admin"), role="staff")
    with session_scope(demo_users) as s:
        assert len(s.scalars(select(User)).all()) == count
