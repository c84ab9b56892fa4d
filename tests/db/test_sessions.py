"""Every write refuses a session ended since it began; own password changes end the others."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from db.engine import session_scope
from db.errors import ValidationError
from db.models import AuditEntry, User
from db.permissions import Actor, SessionEnded
from db.queries.auth import MAX_ATTEMPTS, authenticate, change_own_password, record_logout
from db.queries.users import active_user, create_user, reset_password
from tests.conftest import actor


def _users(engine: Engine) -> int:
    with session_scope(engine) as s:
        return int(s.scalar(select(func.count()).select_from(User)) or 0)


def _new_admin(s: Session, who: Actor) -> None:
    create_user(session=s, actor=who, username="intruder", display_name="Intruder",
                role="admin", password="long-enough-password")


def test_a_reset_password_ends_the_open_tabs_next_write(demo_users: Engine) -> None:
    tab = actor("admin")  # an admin tab opened before the reset
    with session_scope(demo_users) as s:
        admin = active_user(s, "admin")
        assert admin is not None
        reset_password(session=s, actor=actor("admin"), user_id=admin.id,
                       password="a-new-admin-password")
    with pytest.raises(SessionEnded), session_scope(demo_users) as s:
        _new_admin(s, tab)
    assert _users(demo_users) == 4


def test_a_logout_ends_the_other_tabs_next_write(demo_users: Engine) -> None:
    other_tab = actor("admin")
    with session_scope(demo_users) as s:
        record_logout(s, actor("admin"), datetime.now(UTC) + timedelta(seconds=1))
    with pytest.raises(SessionEnded), session_scope(demo_users) as s:
        _new_admin(s, other_tab)
    assert _users(demo_users) == 4


def test_a_session_begun_after_the_logout_writes(demo_users: Engine) -> None:
    with session_scope(demo_users) as s:
        record_logout(s, actor("admin"), datetime.now(UTC) - timedelta(seconds=5))
    with session_scope(demo_users) as s:
        _new_admin(s, actor("admin"))
    assert _users(demo_users) == 5


def test_own_password_change_ends_the_other_sessions_and_keeps_this_one(
        demo_users: Engine) -> None:
    laptop, tablet = actor("staff"), actor("staff")
    with session_scope(demo_users) as s:
        since = change_own_password(session=s, actor=tablet, current="artisan-staff",
                                    new="a-new-staff-password", confirm="a-new-staff-password")
    with pytest.raises(SessionEnded), session_scope(demo_users) as s:
        change_own_password(session=s, actor=laptop, current="a-new-staff-password",
                            new="yet-another-password", confirm="yet-another-password")
    with session_scope(demo_users) as s:  # the tab that changed it goes on
        change_own_password(session=s, actor=Actor("staff", "staff", since),
                            current="a-new-staff-password", new="yet-another-password",
                            confirm="yet-another-password")


def test_wrong_current_passwords_count_like_failed_logins(demo_users: Engine) -> None:
    tab = actor("staff")
    reasons = []
    for _ in range(MAX_ATTEMPTS):
        with pytest.raises(ValidationError) as refused, session_scope(demo_users) as s:
            change_own_password(session=s, actor=tab, current="a-guess", new="new-password-1",
                                confirm="new-password-1")
        reasons.append(refused.value.errors["current"])
    assert reasons == ["account.current_wrong"] * MAX_ATTEMPTS
    # the fifth wrong guess ended the session of whoever was guessing in this tab
    with pytest.raises(SessionEnded), session_scope(demo_users) as s:
        change_own_password(session=s, actor=tab, current="artisan-staff",
                            new="new-password-1", confirm="new-password-1")
    with session_scope(demo_users) as s:  # audited like failed logins
        failed = s.scalars(select(AuditEntry).where(AuditEntry.action == "login_failed")).all()
    assert len(failed) == MAX_ATTEMPTS and all("password_change" in (e.after_json or "")
                                               for e in failed)


def test_a_used_up_window_refuses_the_change_unchecked(demo_users: Engine) -> None:
    for _ in range(MAX_ATTEMPTS):
        with pytest.raises(ValidationError), session_scope(demo_users) as s:
            change_own_password(session=s, actor=actor("staff"), current="a-guess",
                                new="new-password-1", confirm="new-password-1")
    # a new session within the window: even the right password is not checked
    later = Actor("staff", "staff", datetime.now(UTC) + timedelta(seconds=1))
    with pytest.raises(ValidationError) as refused, session_scope(demo_users) as s:
        change_own_password(session=s, actor=later, current="artisan-staff",
                            new="new-password-1", confirm="new-password-1")
    assert refused.value.errors["current"] == "account.throttled"


def test_deactivation_ends_the_users_sessions(demo_users: Engine) -> None:
    from db.queries.users import set_active

    tab = actor("staff")
    with session_scope(demo_users) as s:
        staff = active_user(s, "staff")
        assert staff is not None
        set_active(session=s, actor=actor("admin"), user_id=staff.id, active=False)
    with session_scope(demo_users) as s:
        set_active(session=s, actor=actor("admin"), user_id=staff.id, active=True)
    with pytest.raises(SessionEnded), session_scope(demo_users) as s:  # no comeback
        change_own_password(session=s, actor=tab, current="artisan-staff",
                            new="new-password-1", confirm="new-password-1")


def test_a_strangers_failed_logins_do_not_make_the_owners_typo_end_their_session(
        demo_users: Engine) -> None:
    for _ in range(MAX_ATTEMPTS - 1):
        with session_scope(demo_users) as s:
            authenticate(s, "staff", "a-strangers-guess")
    tab = actor("staff")
    with pytest.raises(ValidationError), session_scope(demo_users) as s:
        change_own_password(session=s, actor=tab, current="a-typo", new="new-password-1",
                            confirm="new-password-1")
    with session_scope(demo_users) as s:
        change_own_password(session=s, actor=tab, current="artisan-staff",
                            new="new-password-1", confirm="new-password-1")
