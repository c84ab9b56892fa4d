"""Server-side validation: what the widgets' max_chars never guaranteed, checked in the writes."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, select, update

from db.engine import session_scope
from db.errors import ValidationError
from db.models import AuditEntry, User
from db.queries.users import create_user, set_role
from db.validation import column_problems, email_problem, text_problem, username_problem
from tests.conftest import actor

ADMIN = actor("admin")


def _create(engine: Engine, **fields: str) -> None:
    values = {"username": "new.user", "display_name": "New User", "role": "staff",
              "password": "long-enough-pw"} | fields
    with session_scope(engine) as s:
        create_user(session=s, actor=ADMIN, **values)


def _count(engine: Engine) -> int:
    with session_scope(engine) as s:
        return int(s.scalar(select(func.count()).select_from(User)) or 0)


@pytest.mark.parametrize("username", [
    "\u0430dmin",  # Cyrillic а, looks like "admin"
    "\uff41\uff44\uff4d\uff49\uff4e2",  # full-width ａｄｍｉｎ2
    "\u212aelvin",  # the Kelvin sign lower-cases to an ASCII k: refused, not folded
    "a" * 41, "a" * 61, "x", "jan janssens", "jan-janssens", "jan@b", "élodie", "a\x00b",
])
def test_usernames_outside_ascii_rules_are_refused(demo_users: Engine, username: str) -> None:
    with pytest.raises(ValidationError) as err:
        _create(demo_users, username=username)
    assert err.value.errors == {"username": "users.username_invalid"}
    assert _count(demo_users) == 4


@pytest.mark.parametrize(("display_name", "key"), [
    ("x" * 100_000, "form.too_long"), ("x" * 101, "form.too_long"),
    ("Jan\x00Janssens", "form.control_characters"), ("Jan\tJanssens", "form.control_characters"),
    ("Jan\u202eJanssens", "form.control_characters"),  # right-to-left override
    ("  ", "form.required"),
])
def test_bad_display_names_are_refused(demo_users: Engine, display_name: str, key: str) -> None:
    with pytest.raises(ValidationError) as err:
        _create(demo_users, display_name=display_name)
    assert err.value.errors == {"display_name": key}
    assert _count(demo_users) == 4


@pytest.mark.parametrize(("email", "key"), [
    ("not-an-address", "form.email_invalid"), ("a@b", "form.email_invalid"),
    ("a@@b.be", "form.email_invalid"), ("a b@c.be", "form.email_invalid"),
    ("a@b.be\x00", "form.control_characters"), ("x" * 195 + "@b.be1", "form.too_long"),
])
def test_bad_emails_are_refused(demo_users: Engine, email: str, key: str) -> None:
    with pytest.raises(ValidationError) as err:
        _create(demo_users, email=email)
    assert err.value.errors == {"email": key}


def test_good_input_is_stored_trimmed_and_lower_case(demo_users: Engine) -> None:
    _create(demo_users, username="  J.Janssens_2 ", display_name=" Jan Janssens-Ø ",
            email=" jan@example.be ")
    with session_scope(demo_users) as s:
        user = s.scalar(select(User).where(User.username == "j.janssens_2"))
        assert user is not None and user.display_name == "Jan Janssens-Ø"
        assert user.email == "jan@example.be"


def test_the_validators_on_their_own() -> None:
    assert username_problem("ab") is None and username_problem("a" * 40) is None
    assert text_problem("", 10, required=False) is None
    assert text_problem("two\nlines", 20, multiline=True) is None
    assert text_problem("two\nlines", 20) == "form.control_characters"
    assert email_problem("") is None and email_problem("", required=True) == "form.required"
    assert email_problem("first.last@sub.example.brussels") is None


def test_every_orm_write_is_checked_at_flush(demo_users: Engine) -> None:
    """A write added later that forgets its own checks still cannot store NUL or long text."""
    with pytest.raises(ValidationError) as err, session_scope(demo_users) as s:
        user = s.scalar(select(User).where(User.username == "staff"))
        assert user is not None
        user.display_name, user.email = "x" * 101, "a\x00@b.be"
    assert err.value.errors == {"display_name": "form.too_long",
                                "email": "form.control_characters"}


def test_the_flush_check_looks_at_changed_values_only(demo_users: Engine) -> None:
    with session_scope(demo_users) as s:  # stored before the checks existed
        s.execute(update(User).where(User.username == "staff").values(display_name="Old\tName"))
    with session_scope(demo_users) as s:
        user = s.scalar(select(User).where(User.username == "staff"))
        set_role(session=s, actor=ADMIN, user_id=user.id, role="manager")  # type: ignore[union-attr]


def test_text_columns_may_hold_line_breaks() -> None:
    assert column_problems(AuditEntry(username="a", action="update", entity="users",
                                      after_json="line 1\nline 2")) == {}
    assert column_problems(User(username="a", display_name="line 1\nline 2")) == {
        "display_name": "form.control_characters"}
