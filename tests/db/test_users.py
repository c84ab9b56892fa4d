"""User administration writes: role checks on the server side, rules, audit trail."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from db.engine import session_scope
from db.errors import ValidationError
from db.models import AuditEntry, User
from db.permissions import Actor, PermissionDenied
from db.queries.auth import change_own_password
from db.queries.users import (
    active_user,
    create_user,
    reset_password,
    set_active,
    set_role,
)
from tests.conftest import actor

ADMIN = actor("admin")


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
        WRITES[write](s, actor(role))


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
    partner = actor("partner")
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


def test_audit_day_filter_uses_brussels_days(demo_users: Engine) -> None:
    from datetime import UTC, datetime

    from sqlalchemy import update

    from db.queries.audit import audit_entries

    with session_scope(demo_users) as s:  # 23:30 UTC on 31 May is 01:30 on 1 June in Brussels
        s.execute(update(AuditEntry).values(at=datetime(2026, 5, 31, 23, 30, tzinfo=UTC)))
    with session_scope(demo_users) as s:
        june = audit_entries(s, actor=ADMIN, start=date(2026, 6, 1), end=date(2026, 6, 1))
        may = audit_entries(s, actor=ADMIN, start=date(2026, 5, 31), end=date(2026, 5, 31))
    assert len(june) == 4 and may.empty
    assert june["at"].iloc[0].hour == 1


def test_a_demoted_admins_open_tab_cannot_write(demo_users: Engine) -> None:
    with session_scope(demo_users) as s:
        set_role(session=s, actor=ADMIN, user_id=_id(s, "manager"), role="admin")
    stale = actor("manager", "admin")  # what the manager's page still remembers
    with session_scope(demo_users) as s:
        set_role(session=s, actor=ADMIN, user_id=_id(s, "manager"), role="manager")
    with pytest.raises(PermissionDenied), session_scope(demo_users) as s:
        WRITES["create_user"](s, stale)


def test_a_deactivated_admin_cannot_write(demo_users: Engine) -> None:
    with session_scope(demo_users) as s:
        create_user(session=s, actor=ADMIN, username="second", display_name="Second",
                    role="admin", password="long-enough-pw")
        set_active(session=s, actor=ADMIN, user_id=_id(s, "second"), active=False)
    with pytest.raises(PermissionDenied), session_scope(demo_users) as s:
        WRITES["create_user"](s, actor("second", "admin"))


def test_system_is_a_reserved_username(demo_users: Engine) -> None:
    with pytest.raises(ValidationError) as err, session_scope(demo_users) as s:
        create_user(session=s, actor=ADMIN, username="system", display_name="S",
                    role="partner", password="long-enough-pw")
    assert err.value.errors == {"username": "users.username_taken"}
