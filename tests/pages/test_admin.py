"""Admin screens through AppTest: users (create, errors at the field, role), audit log, account."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, select
from streamlit.testing.v1 import AppTest

from db.engine import session_scope
from db.models import AuditEntry, User
from tests.conftest import app_as


def _open(page: str, role: str = "admin", lang: str | None = None) -> AppTest:
    at = app_as(role, lang=lang)
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def _markdown(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


def test_users_list_shows_every_user(demo_users: Engine) -> None:
    at = _open("pages/admin_users.py")
    table = at.dataframe[0].value
    assert sorted(table["username"]) == ["admin", "manager", "partner", "staff"]
    assert "password_hash" not in table.columns


def test_create_user_errors_show_at_the_field_and_keep_the_values(demo_users: Engine) -> None:
    at = _open("pages/admin_users.py", lang="en")
    at.text_input(key="users_new_username").input("staff")
    at.text_input(key="users_new_display_name").input("Second Staff")
    at.text_input(key="users_new_password").input("short")
    at.button(key="FormSubmitter:users_new-Create user").click().run()
    shown = " ".join(_markdown(at))
    assert "This username already exists." in shown
    assert "The password must be at least 10 characters long." in shown
    assert at.text_input(key="users_new_display_name").value == "Second Staff"
    with session_scope(demo_users) as s:
        assert len(s.scalars(select(User)).all()) == 4


def test_create_user_then_it_is_listed_and_audited(demo_users: Engine) -> None:
    at = _open("pages/admin_users.py", lang="nl")
    at.text_input(key="users_new_username").input("j.janssens")
    at.text_input(key="users_new_display_name").input("Jan Janssens")
    at.selectbox(key="users_new_role").set_value("manager")
    at.text_input(key="users_new_password").input("een-lang-wachtwoord")
    at.button(key="FormSubmitter:users_new-Gebruiker aanmaken").click().run()
    assert [s.value for s in at.success] == ["Gebruiker aangemaakt."]
    assert "j.janssens" in at.dataframe[0].value["username"].tolist()
    assert at.text_input(key="users_new_password").value == ""
    with session_scope(demo_users) as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert entry and entry.username == "admin" and entry.action == "create"


def test_audit_log_filters_and_exports(demo_users: Engine) -> None:
    at = _open("pages/admin_audit.py", lang="en")
    assert at.title[0].value == "Audit log"
    frame = at.dataframe[0].value
    assert set(frame["entity"]) == {"users"} and len(frame) == 4
    at.selectbox(key="audit_user").set_value("system").run()
    assert set(at.dataframe[0].value["username"]) == {"system"}
    at.date_input(key="audit_days").set_value((date(2020, 1, 1), date(2020, 1, 31))).run()
    assert at.info[0].value == "No entries for these filters."
    assert at.get("download_button"), "a CSV export is offered"


def test_account_password_change_with_field_errors(demo_users: Engine) -> None:
    at = _open("pages/account.py", role="partner", lang="en")
    at.text_input(key="account_password_current").input("wrong-one")
    at.text_input(key="account_password_new").input("new-password-1")
    at.text_input(key="account_password_confirm").input("new-password-1")
    at.button(key="FormSubmitter:account_password-Change password").click().run()
    assert "The current password is wrong." in " ".join(_markdown(at))
    at.text_input(key="account_password_current").input("artisan-partner")
    at.button(key="FormSubmitter:account_password-Change password").click().run()
    assert [s.value for s in at.success] == ["Password changed."]


def test_bad_text_is_refused_at_its_field_without_a_trace(demo_users: Engine) -> None:
    at = _open("pages/admin_users.py", lang="en")
    at.text_input(key="users_new_username").input("\uff41\uff44\uff4d\uff49\uff4e2")
    at.text_input(key="users_new_display_name").input("Jan\x00Janssens")
    at.text_input(key="users_new_email").input("not-an-address")
    at.text_input(key="users_new_password").input("een-lang-wachtwoord")
    at.button(key="FormSubmitter:users_new-Create user").click().run()
    assert not at.exception, at.exception
    shown = " ".join(_markdown(at))
    assert "2 to 40 characters: lower-case ASCII letters, digits, dot or underscore." in shown
    assert "Invisible or control characters (line break, tab…) are not allowed." in shown
    assert "Invalid e-mail address (e.g. name@example.be)." in shown
    assert not at.error and "$2b$" not in shown
    with session_scope(demo_users) as s:
        assert len(s.scalars(select(User)).all()) == 4


def test_typed_names_are_plain_text_never_markdown(demo_users: Engine) -> None:
    name = "**Boss** [click](https://evil.example) ![x](https://evil.example/t.png)"
    with session_scope(demo_users) as s:
        for user in s.scalars(select(User)):
            user.display_name = name
    at = _open("pages/admin_users.py", lang="en")
    assert name in at.dataframe[0].value["display_name"].tolist()
    assert not [m for m in _markdown(at) + [c.value for c in at.caption] if "evil" in m]
    assert name in [x.value for x in at.sidebar.text]  # the sidebar's user box
