"""Sessions through the screens: a form submitted from a tab whose session has ended writes
nothing; an own password change keeps this tab and ends the others."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
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


def test_a_forged_cookie_token_shows_the_login_not_an_error(
        demo_users: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cookie signed with another algorithm makes the library raise what it does not catch."""
    import jwt
    import streamlit_authenticator as stauth

    def forged(*_args: object, **_kwargs: object) -> None:
        raise jwt.InvalidAlgorithmError("The specified alg value is not allowed")

    monkeypatch.setattr(stauth.Authenticate, "login", forged)
    at = app_as(None, lang="en")
    at.run()
    assert not at.exception and not at.error
    assert at.title[0].value == "Log in"


@pytest.mark.parametrize("device", ["abc.éé", "x" * 5000, "a.b.c|..|\x00"])
def test_a_malformed_trusted_browser_cookie_is_ignored(demo_users: Engine, device: str) -> None:
    at = app_as(None, lang="en")
    at.session_state["device_cookie"] = device
    at.run()
    at.text_input(key="login_username").input("staff")
    at.text_input(key="login_password").input("artisan-staff")
    at.button(key="FormSubmitter:login_form-Log in").click().run()
    assert not at.exception and not at.error
    assert at.title[0].value == "My follow-ups"  # logged in: advisers land there


def test_an_admin_can_demote_themselves_when_another_admin_remains(demo_users: Engine) -> None:
    from db.permissions import SYSTEM
    from db.queries.users import active_user, create_user

    with session_scope(demo_users) as s:
        create_user(session=s, actor=SYSTEM, username="second", display_name="Second",
                    role="admin", password="long-enough-password")
        own_id = active_user(s, "admin").id  # type: ignore[union-attr]
    at = _open("pages/admin_users.py", "admin")
    at.selectbox(key="users_edit_user").select(own_id)
    at.selectbox(key=f"users_edit_role_{own_id}").select("manager")
    at.button(key="FormSubmitter:users_edit_access-Save").click().run()
    assert not at.exception
    with session_scope(demo_users) as s:
        assert s.scalar(select(User.role).where(User.username == "admin")) == "manager"
