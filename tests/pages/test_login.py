"""Logging in through the form: success, wrong password, lockout, logout."""

from __future__ import annotations

from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from components.auth import RENEW_RUNS
from db.engine import session_scope
from db.queries.auth import MAX_ATTEMPTS
from db.queries.users import reset_password
from tests.conftest import actor, app_as


def _login(username: str, password: str, lang: str | None = None) -> AppTest:
    at = app_as(None, lang=lang)
    at.run()
    at.text_input[0].input(username)
    at.text_input[1].input(password)
    at.button[0].click().run()
    return at


def test_login_opens_the_overview(demo_users: Engine) -> None:
    at = _login("manager", "artisan-manager")
    assert not at.exception, at.exception
    assert at.title[0].value == "Vue d'ensemble du plan"
    assert at.session_state["username"] == "manager"


def test_username_is_not_case_sensitive(demo_users: Engine) -> None:
    at = _login("  Manager ", "artisan-manager")
    assert at.title[0].value == "Vue d'ensemble du plan"


def test_wrong_password_shows_an_error_and_keeps_the_username(demo_users: Engine) -> None:
    at = _login("manager", "not-the-password", lang="en")
    assert at.error[0].value == "Wrong username or password."
    assert at.text_input[0].value == "manager"
    assert at.title[0].value == "Log in"


def test_unknown_user_gets_the_same_message(demo_users: Engine) -> None:
    at = _login("nobody", "whatever-password", lang="nl")
    assert at.error[0].value == "Gebruikersnaam of wachtwoord onjuist."


def test_over_long_password_is_refused_without_a_crash(demo_users: Engine) -> None:
    at = _login("manager", "é" * 100)
    assert not at.exception
    assert at.error[0].value == "Nom d'utilisateur ou mot de passe incorrect."


def test_lockout_after_repeated_failures(demo_users: Engine) -> None:
    for _ in range(MAX_ATTEMPTS - 1):
        assert "incorrect" in _login("staff", "wrong-password").error[0].value
    locked = _login("staff", "wrong-password", lang="en")
    assert locked.error[0].value.startswith("Too many attempts for this username: try again")
    again = _login("staff", "artisan-staff", lang="en")  # even the right password waits
    assert again.error[0].value.startswith("Too many attempts")


def test_admin_reset_lifts_the_lockout(demo_users: Engine) -> None:
    for _ in range(MAX_ATTEMPTS):
        _login("staff", "wrong-password")
    with session_scope(demo_users) as s:
        from db.queries.users import active_user

        user = active_user(s, "staff")
        assert user is not None
        reset_password(session=s, actor=actor("admin"), user_id=user.id,
                       password="a-brand-new-pass")
    assert _login("staff", "a-brand-new-pass").title[0].value == "Mes suivis"  # they landed


def test_logout_returns_to_the_login_form(demo_users: Engine) -> None:
    at = _login("staff", "artisan-staff")
    at.sidebar.button(key="sidebar_logout").click().run()
    assert at.title[0].value == "Connexion"
    assert not at.session_state["authentication_status"]


def test_an_admin_password_reset_ends_the_users_open_session(demo_users: Engine) -> None:
    at = _login("staff", "artisan-staff")
    assert at.title[0].value == "Mes suivis"  # where advisers land
    with session_scope(demo_users) as s:
        from db.queries.users import active_user

        user = active_user(s, "staff")
        assert user is not None
        reset_password(session=s, actor=actor("admin"), user_id=user.id,
                       password="a-brand-new-pass")
    at.run()
    assert at.title[0].value == "Connexion"


def test_logging_out_ends_the_users_other_sessions(demo_users: Engine) -> None:
    laptop = _login("staff", "artisan-staff")
    tablet = _login("staff", "artisan-staff")
    tablet.sidebar.button(key="sidebar_logout").click().run()
    laptop.run()
    assert laptop.title[0].value == "Connexion"


def test_the_login_cookie_is_sent_again_until_confirmed_and_forgotten_at_logout(
        demo_users: Engine) -> None:
    # AppTest runs no browser code: the cookie component never reports the cookie set, so each
    # run after the login's sends it again, up to RENEW_RUNS (components.auth._keep_setting).
    at = _login("staff", "artisan-staff")
    assert at.session_state["renew_cookie"] == RENEW_RUNS - 1  # the landing page's run
    at.run()
    assert at.session_state["renew_cookie"] == RENEW_RUNS - 2
    at.sidebar.button(key="sidebar_logout").click().run()
    assert "renew_cookie" not in at.session_state
    assert at.session_state["renew_device"]  # the device cookie (trusted browser) outlives it
