"""Logins: attempts reserved before the password check, the same answers for unknown names,
trusted browsers, cost upgrades, and login events in the audit log."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, select

from db import passwords
from db.engine import session_scope
from db.models import AuditEntry, User
from db.queries import auth
from db.queries.auth import MAX_ATTEMPTS, WINDOW, authenticate

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def _try(engine: Engine, password: str, now: datetime = NOW, username: str = "staff",
         device: str | None = None) -> str | None:
    with session_scope(engine) as s:
        outcome = authenticate(s, username, password, now, device=device)
    return "ok" if outcome.ok else outcome.reason


def test_right_password_logs_in_and_is_audited(demo_users: Engine) -> None:
    assert _try(demo_users, "artisan-staff") == "ok"
    with session_scope(demo_users) as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert entry is not None and (entry.username, entry.action) == ("staff", "login")


def test_attempts_are_throttled_for_a_window(demo_users: Engine) -> None:
    reasons = [_try(demo_users, "wrong") for _ in range(MAX_ATTEMPTS)]
    assert reasons == ["login.wrong"] * (MAX_ATTEMPTS - 1) + ["login.throttled"]
    # the right password is not even checked while the window's attempts are used up
    assert _try(demo_users, "artisan-staff", NOW + WINDOW - timedelta(seconds=1)) == \
        "login.throttled"
    assert _try(demo_users, "artisan-staff", NOW + WINDOW + timedelta(seconds=1)) == "ok"


def test_unknown_and_real_accounts_get_the_same_answers(demo_users: Engine) -> None:
    real = [_try(demo_users, "wrong") for _ in range(MAX_ATTEMPTS + 1)]
    unknown = [_try(demo_users, "wrong", username="nobody") for _ in range(MAX_ATTEMPTS + 1)]
    assert real == unknown


def test_unknown_and_real_accounts_cost_the_same_work(demo_users: Engine,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    checks: list[str] = []
    original = auth.verify_password

    def counted(password: str, stored: str) -> bool:
        checks.append(stored[:7])  # the cost prefix: $2b$04$
        return original(password, stored)

    monkeypatch.setattr(auth, "verify_password", counted)
    _try(demo_users, "wrong")
    _try(demo_users, "wrong", username="nobody")
    _try(demo_users, "wrong", username="partner-typo")
    assert len(checks) == 3 and len(set(checks)) == 1  # one bcrypt each, at the same cost


def test_success_resets_the_attempts(demo_users: Engine) -> None:
    for _ in range(MAX_ATTEMPTS - 1):
        _try(demo_users, "wrong")
    assert _try(demo_users, "artisan-staff") == "ok"
    assert _try(demo_users, "wrong") == "login.wrong"


def _burst(engine: Engine, monkeypatch: pytest.MonkeyPatch,
           passwords_tried: list[str]) -> tuple[list[str | None], int]:
    """Every password at the same moment, one thread each: (outcomes, passwords checked)."""
    checked: list[int] = []
    original = auth.verify_password

    def counted(password: str, stored: str) -> bool:
        checked.append(1)
        return original(password, stored)

    monkeypatch.setattr(auth, "verify_password", counted)
    start = threading.Barrier(len(passwords_tried))
    outcomes: dict[int, str | None] = {}

    def guess(i: int) -> None:
        start.wait()
        outcomes[i] = _try(engine, passwords_tried[i])

    threads = [threading.Thread(target=guess, args=(i,)) for i in range(len(passwords_tried))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(outcomes) == len(passwords_tried)  # no attempt crashed
    return [outcomes[i] for i in range(len(passwords_tried))], len(checked)


def test_parallel_guesses_cannot_outrun_the_limit(demo_users: Engine,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    outcomes, checked = _burst(demo_users, monkeypatch, ["wrong"] * 25)
    assert checked == MAX_ATTEMPTS
    assert outcomes.count("login.throttled") == 25 - MAX_ATTEMPTS + 1  # the 5th says so too


def test_a_right_guess_in_a_burst_gets_in_only_within_the_limit(
        demo_users: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    outcomes, checked = _burst(demo_users, monkeypatch, ["wrong"] * 24 + ["artisan-staff"])
    if outcomes[-1] == "ok":  # it took one of the window's attempts: a success starts afresh
        assert checked <= 2 * MAX_ATTEMPTS
    else:  # refused unchecked, however right
        assert outcomes[-1] == "login.throttled" and checked == MAX_ATTEMPTS


def test_a_stranger_cannot_keep_the_owner_out_of_a_trusted_browser(demo_users: Engine) -> None:
    for _ in range(MAX_ATTEMPTS * 3):  # a stranger keeps the username's attempts used up
        _try(demo_users, "wrong")
    assert _try(demo_users, "artisan-staff") == "login.throttled"
    assert _try(demo_users, "artisan-staff", device="browser-1") == "ok"
    # a trusted browser has its own limit, and does not lift the username's
    for _ in range(MAX_ATTEMPTS):
        _try(demo_users, "wrong", device="browser-1")
    assert _try(demo_users, "artisan-staff", device="browser-1") == "login.throttled"
    assert _try(demo_users, "artisan-staff", device="browser-2") == "ok"


def test_a_lock_is_shown_to_admins_and_audited(demo_users: Engine) -> None:
    for _ in range(MAX_ATTEMPTS):
        _try(demo_users, "wrong")
    with session_scope(demo_users) as s:
        user = s.scalars(select(User).where(User.username == "staff")).one()
        assert user.locked_until is not None
        entries = s.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
    locks = [e for e in entries if e.username == "system" and e.action == "update"]
    assert len(locks) == 1 and '"locked_until": null' in (locks[0].before_json or "")
    failed = [e for e in entries if e.action == "login_failed"]
    assert len(failed) == MAX_ATTEMPTS and {e.username for e in failed} == {"anonymous"}
    assert {e.entity_id for e in failed} == {str(user.id)}


def test_failed_logins_to_unknown_names_are_audited_without_the_name(demo_users: Engine) -> None:
    _try(demo_users, "wrong", username="my-password-typed-here")
    with session_scope(demo_users) as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert entry is not None and entry.action == "login_failed" and entry.entity_id is None
    assert "my-password" not in json.dumps([entry.username, entry.after_json])


def test_a_hash_of_a_lower_cost_is_upgraded_at_login(demo_users: Engine,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BCRYPT_ROUNDS", "5")
    assert _try(demo_users, "artisan-staff") == "ok"
    with session_scope(demo_users) as s:
        stored = s.scalars(select(User.password_hash).where(User.username == "staff")).one()
    assert passwords.hash_rounds(stored) == 5
    assert _try(demo_users, "artisan-staff") == "ok"


def test_logout_voids_cookies_issued_before_it_and_is_audited(demo_users: Engine) -> None:
    from db.queries.auth import record_logout, still_valid
    from db.queries.users import active_user
    from tests.conftest import actor

    with session_scope(demo_users) as s:
        assert still_valid(active_user(s, "staff"), NOW)
        record_logout(s, actor("staff"), NOW + timedelta(minutes=5))
    with session_scope(demo_users) as s:
        assert not still_valid(active_user(s, "staff"), NOW)
        assert still_valid(active_user(s, "staff"), NOW + timedelta(minutes=6))
        assert not still_valid(active_user(s, "nobody"), NOW)
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert entry is not None and (entry.username, entry.action) == ("staff", "logout")


def test_a_cheaper_stored_hash_costs_no_less_work_than_an_unknown_name(
        demo_users: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """After BCRYPT_ROUNDS is raised, a user who has not logged in since must not answer
    faster than an unknown name (their hash is still at the old cost)."""
    monkeypatch.setenv("BCRYPT_ROUNDS", "6")
    costs: dict[str, list[int]] = {}
    original = auth.verify_password

    def counted(password: str, stored: str) -> bool:
        costs.setdefault(current, []).append(passwords.hash_rounds(stored))
        return original(password, stored)

    monkeypatch.setattr(auth, "verify_password", counted)
    for current in ("staff", "nobody"):
        _try(demo_users, "wrong", username=current)
    assert max(costs["staff"]) == max(costs["nobody"]) == 6


@pytest.mark.parametrize("typed", ["adm\x00in", "ａｄｍｉｎ", "аdmin", "x" * 300])
def test_impossible_usernames_are_answered_like_unknown_ones(demo_users: Engine,
                                                             typed: str) -> None:
    assert _try(demo_users, "artisan-admin", username=typed) == "login.wrong"
