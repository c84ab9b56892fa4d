"""What every write shares: authorize(), bump() and the control-character check, as Core
statements built once and with the isprintable() shortcut, deciding exactly as before."""

from __future__ import annotations

import sys
import unicodedata
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, select, update

from db.engine import session_scope
from db.errors import ValidationError
from db.models import DataVersion, User
from db.permissions import SYSTEM, Actor, PermissionDenied, SessionEnded, authorize
from db.validation import FORBIDDEN_CATEGORIES, has_control_characters
from db.versioning import bump, data_versions
from db.vocab import AREAS
from tests.conftest import actor


def _reference(value: str, multiline: bool = False) -> bool:
    """The check as it was before the shortcut: character by character."""
    allowed = "\n\r\t" if multiline else ""
    return any(unicodedata.category(c) in FORBIDDEN_CATEGORIES and c not in allowed
               for c in value)


def test_every_forbidden_character_is_caught_and_every_other_passes() -> None:
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        for multiline in (False, True):
            expected = _reference(c, multiline)
            assert has_control_characters(c, multiline) is expected, (hex(code), multiline)
            assert has_control_characters(f"Jan {c} Peeters", multiline) is expected, hex(code)


@pytest.mark.parametrize("value", [
    "", "Jan Peeters", "Élodie Ça-Va", "Ünal Yılmaz", "Brasserie 't Hoekske", "محمد",
    "王小明", "Ολυμπία", "日本語テキスト", "emoji 🧵✂️", "a\u00a0b",  # no-break space: not printable
])
def test_printable_and_ordinary_text_passes(value: str) -> None:
    assert has_control_characters(value) is False
    assert has_control_characters(value, multiline=True) is False


@pytest.mark.parametrize(("value", "multiline", "expected"), [
    ("a\x00b", False, True), ("a\x00b", True, True), ("two\nlines", False, True),
    ("two\nlines", True, False), ("tab\there", True, False), ("cr\r\n", True, False),
    ("bidi \u202e", True, True), ("zero\u200bwidth", False, True), ("sep\u2028", True, True),
    ("para\u2029", False, True), ("\ud800", False, True), ("bom\ufeff", True, True),
    ("del\x7f", True, True), ("c1\x85", True, True),
    ("private \ue000 use", False, False),  # non-printable to Python, but not forbidden
    ("unassigned \u0378", False, False), ("ideographic\u3000space", False, False),
])
def test_non_printable_text_is_judged_as_before(value: str, multiline: bool,
                                                expected: bool) -> None:
    assert has_control_characters(value, multiline) is expected
    assert _reference(value, multiline) is expected


def test_bump_adds_one_to_the_named_areas_only(demo_users: Engine) -> None:
    with session_scope(demo_users) as s:
        before = data_versions(s)
    assert set(before) == set(AREAS)
    with session_scope(demo_users) as s:
        bump(s, "events", "attendance", "events")  # a repeated area counts once
    with session_scope(demo_users) as s:
        after = data_versions(s)
    assert after == before | {"events": before["events"] + 1,
                              "attendance": before["attendance"] + 1}
    with session_scope(demo_users) as s:
        bump(s)  # nothing named: nothing bumped
        bump(s, "no such area")  # an unknown area: not inserted, nothing bumped
    with session_scope(demo_users) as s:
        assert data_versions(s) == after


def test_bump_belongs_to_the_callers_transaction(demo_users: Engine) -> None:
    with session_scope(demo_users) as s:
        before = data_versions(s)["users"]
    with pytest.raises(RuntimeError), session_scope(demo_users) as s:
        bump(s, "users")
        assert data_versions(s)["users"] == before + 1  # seen inside the transaction
        raise RuntimeError
    with session_scope(demo_users) as s:
        assert data_versions(s)["users"] == before  # rolled back with it
        assert s.scalar(select(DataVersion.version).where(DataVersion.area == "users")) == before


def test_bump_flushes_pending_writes_first_as_before(demo_users: Engine) -> None:
    with pytest.raises(ValidationError), session_scope(demo_users) as s:
        user = s.scalar(select(User).where(User.username == "staff"))
        assert user is not None
        user.display_name = "Sofie\x00"  # refused by the flush check, at the bump
        bump(s, "users")
    with session_scope(demo_users) as s, s.no_autoflush:
        user = s.scalar(select(User).where(User.username == "staff"))
        assert user is not None
        user.display_name = "Sofie Staff 2"
        bump(s, "users")  # no autoflush asked: nothing flushed here
        assert user in s.dirty


def _set(engine: Engine, username: str, **values: object) -> None:
    with session_scope(engine) as s:
        s.execute(update(User).where(User.username == username).values(**values))


def test_authorize_checks_the_stored_role(demo_users: Engine) -> None:
    with session_scope(demo_users) as s:
        authorize(s, actor("staff"), "events.write")
        authorize(s, Actor("staff", "admin", datetime.now(UTC)), "events.write")
        with pytest.raises(PermissionDenied) as refused:  # the page's role is not believed
            authorize(s, Actor("staff", "admin", datetime.now(UTC)), "users.write")
        assert type(refused.value) is PermissionDenied
        assert refused.value.permission == "users.write"
        assert "staff (staff) may not users.write" in str(refused.value)  # the stored role
        with pytest.raises(PermissionDenied):
            authorize(s, actor("partner"), "events.write")
        with pytest.raises(PermissionDenied):
            authorize(s, actor("staff"), "no such permission")
    _set(demo_users, "manager", role="staff")  # demoted since the page was drawn
    with pytest.raises(PermissionDenied), session_scope(demo_users) as s:
        authorize(s, actor("manager", "manager"), "targets.write")


def test_authorize_refuses_ended_sessions(demo_users: Engine) -> None:
    with pytest.raises(SessionEnded), session_scope(demo_users) as s:
        authorize(s, actor("nobody", "admin"), "events.write")  # no such user
    tab = actor("staff")
    _set(demo_users, "staff", logged_out_at=tab.since + timedelta(seconds=1))
    with pytest.raises(SessionEnded) as ended, session_scope(demo_users) as s:
        authorize(s, tab, "events.write")
    assert ended.value.permission == "events.write"
    with session_scope(demo_users) as s:  # a session begun after the logout
        authorize(s, Actor("staff", "staff", tab.since + timedelta(seconds=2)), "events.write")
    _set(demo_users, "staff", logged_out_at=None, active=False)
    with pytest.raises(SessionEnded), session_scope(demo_users) as s:
        authorize(s, actor("staff"), "events.write")
    with session_scope(demo_users) as s:
        authorize(s, SYSTEM, "users.write")  # the seed: no user row asked for


def test_authorize_sees_the_transactions_own_pending_changes(demo_users: Engine) -> None:
    with pytest.raises(SessionEnded), session_scope(demo_users) as s:
        user = s.scalar(select(User).where(User.username == "staff"))
        assert user is not None
        user.active = False  # not flushed yet: flushed first, as the ORM query did
        authorize(s, actor("staff"), "events.write")
