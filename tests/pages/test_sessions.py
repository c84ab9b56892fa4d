"""Sessions through the screens: a form submitted from a tab whose session has ended writes
nothing; an own password change keeps this tab and ends the others."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, func, select
from streamlit.testing.v1 import AppTest

from db.engine import session_scope
from db.models import User
from db.queries.auth import record_logout
from tests.conftest import actor, app_as


def _open(page: str, role: str) -> AppTest:
    at = app_as(role, lang="en")
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def test_a_form_of_an_ended_session_writes_nothing(demo_users: Engine) -> None:
    tab = _open("pages/admin_users.py", "admin")
    tab.text_input(key="users_new_username").input("intruder")
    tab.text_input(key="users_new_display_name").input("Intruder")
    tab.selectbox(key="users_new_role").select("admin")
    tab.text_input(key="users_new_password").input("long-enough-password")
    with session_scope(demo_users) as s:  # meanwhile, the admin logs out in another tab
        record_logout(s, actor("admin"), datetime.now(UTC) + timedelta(milliseconds=1))
    tab.button(key="FormSubmitter:users_new-Create user").click().run()
    assert not tab.exception
    with session_scope(demo_users) as s:
        assert s.scalar(select(func.count()).select_from(User)) == 4
    assert tab.title[0].value == "Log in"  # and the tab is back at the login


def _change_password(at: AppTest, current: str, new: str) -> AppTest:
    at.text_input(key="account_password_current").input(current)
    at.text_input(key="account_password_new").input(new)
    at.text_input(key="account_password_confirm").input(new)
    return at.button(key="FormSubmitter:account_password-Change password").click().run()


def test_own_password_change_keeps_this_tab_and_ends_the_others(demo_users: Engine) -> None:
    other = _open("pages/account.py", "staff")
    this = _open("pages/account.py", "staff")
    _change_password(this, "artisan-staff", "a-new-staff-password")
    assert [s.value for s in this.success] == ["Password changed."]
    this.run()
    assert this.title[0].value == "My account"
    other.run()
    assert other.title[0].value == "Log in"


def test_wrong_current_password_is_counted_and_shown_at_the_field(demo_users: Engine) -> None:
    at = _open("pages/account.py", "staff")
    _change_password(at, "not-my-password", "a-new-staff-password")
    shown = " ".join(m.value for m in at.markdown)
    assert "The current password is wrong." in shown
