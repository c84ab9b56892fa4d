"""Login checks against the users table: lockout after repeated failures, for a while."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, select

from db.engine import session_scope
from db.models import AuditEntry
from db.queries.auth import LOCKOUT, MAX_FAILED_LOGINS, authenticate

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def _try(engine: Engine, password: str, now: datetime = NOW) -> str | None:
    with session_scope(engine) as s:
        outcome = authenticate(s, "staff", password, now)
    return "ok" if outcome.ok else outcome.reason


def test_right_password_logs_in(demo_users: Engine) -> None:
    assert _try(demo_users, "artisan-staff") == "ok"


def test_lockout_lasts_fifteen_minutes(demo_users: Engine) -> None:
    reasons = [_try(demo_users, "wrong") for _ in range(MAX_FAILED_LOGINS)]
    assert reasons == ["login.wrong"] * (MAX_FAILED_LOGINS - 1) + ["login.locked"]
    assert _try(demo_users, "artisan-staff", NOW + LOCKOUT - timedelta(seconds=1)) == \
        "login.locked"
    assert _try(demo_users, "artisan-staff", NOW + LOCKOUT + timedelta(seconds=1)) == "ok"


def test_success_resets_the_failure_count(demo_users: Engine) -> None:
    for _ in range(MAX_FAILED_LOGINS - 1):
        _try(demo_users, "wrong")
    assert _try(demo_users, "artisan-staff") == "ok"
    assert _try(demo_users, "wrong") == "login.wrong"


def test_a_lockout_is_audited(demo_users: Engine) -> None:
    for _ in range(MAX_FAILED_LOGINS):
        _try(demo_users, "wrong")
    with session_scope(demo_users) as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert entry is not None and entry.username == "system"
    assert '"locked_until": null' in (entry.before_json or "")
    assert '"locked_until": null' not in (entry.after_json or "")


def test_logout_voids_cookies_issued_before_it(demo_users: Engine) -> None:
    from db.queries.auth import record_logout, still_valid
    from db.queries.users import active_user

    with session_scope(demo_users) as s:
        assert still_valid(active_user(s, "staff"), NOW)
        record_logout(s, "staff", NOW + timedelta(minutes=5))
    with session_scope(demo_users) as s:
        assert not still_valid(active_user(s, "staff"), NOW)
        assert still_valid(active_user(s, "staff"), NOW + timedelta(minutes=6))
        assert not still_valid(active_user(s, "nobody"), NOW)
