"""Login with streamlit-authenticator on the users table: cookie re-auth, login form, logout."""

from __future__ import annotations

import copy
import hashlib
import hmac
import re
import secrets
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import jwt
import streamlit as st
import streamlit_authenticator as stauth
from streamlit_authenticator.utilities.exceptions import LoginError

from components.errors import leave_legacy_pages_mode
from components.i18n import fmt_time, t
from components.settings import cookie_key
from db.engine import get_engine, session_scope
from db.permissions import Actor
from db.queries.auth import authenticate, record_logout, still_valid
from db.queries.users import active_credentials, active_user
from db.validation import clean_username

COOKIE_NAME = "hub_artisans_auth"
COOKIE_DAYS = 1.0
DEVICE_COOKIE = "hub_artisans_device"  # browsers that logged in before: see db/queries/auth
DEVICE_DAYS = 180
DEVICE_SLOTS = 5  # a shared tablet remembers its last few users
DEVICE_TOKEN = re.compile(r"[A-Za-z0-9_-]{8,64}\.[0-9a-f]{32}")  # nonce.signature; else ignored
RENEW_RUNS = 5  # runs that set a new cookie again until the browser reports it set
SETTLE = 0.5  # seconds for the cookie component to reach the browser before a rerun


@st.cache_data(ttl="10m", show_spinner=False)
def _credentials(url: str, users_version: int) -> dict:
    with session_scope() as session:
        return active_credentials(session)


def build_authenticator(cookie_key: str, users_version: int) -> stauth.Authenticate:
    """One Authenticate per run, on the active users of the database (bcrypt hashes as stored)."""
    credentials = copy.deepcopy(_credentials(str(get_engine().url), users_version))
    return stauth.Authenticate(credentials, cookie_name=COOKIE_NAME, cookie_key=cookie_key,
                               cookie_expiry_days=COOKIE_DAYS, auto_hash=False,
                               login_sleep_time=0)


def _cookie_issued_at(auth: stauth.Authenticate) -> datetime | None:
    """When the re-authentication cookie just read was issued (its expiry minus its life)."""
    token = getattr(auth.cookie_controller.cookie_model, "token", None)
    if not isinstance(token, dict) or "exp_date" not in token:
        return None
    return datetime.fromtimestamp(token["exp_date"], UTC) - timedelta(days=COOKIE_DAYS)


def _end(auth: stauth.Authenticate) -> None:
    """End the session and drop the cookie (the library's logout refuses when nobody is in)."""
    if st.session_state.get("authentication_status"):
        auth.logout(location="unrendered")
    else:
        auth.cookie_controller.delete_cookie()
    for key in PERSONAL:
        st.session_state.pop(key, None)


# What belongs to the logged-in user in a session, dropped at logout: who they are, when they
# logged in, the report they prepared (components.report_contents.READY), their login cookie
# still to confirm (_keep_setting; the browser's trusted-device cookie outlives a logout).
PERSONAL = ("actor", "auth_at", "report_ready", "renew_cookie")


def restore_session(auth: stauth.Authenticate) -> Actor | None:
    """The logged-in actor (from this session or the re-auth cookie), re-read from the database."""
    was_in = bool(st.session_state.get("authentication_status"))
    try:
        auth.login(location="unrendered")
    except (LoginError, jwt.InvalidTokenError):  # a cookie for a user no longer active, or a
        _end(auth)  # forged one (e.g. another algorithm) that the library does not catch
        return None
    if not st.session_state.get("authentication_status"):
        return None
    username = st.session_state.get("username") or ""
    if not was_in or "auth_at" not in st.session_state:  # just re-authenticated by the cookie
        st.session_state["auth_at"] = _cookie_issued_at(auth) or datetime.now(UTC)
    with session_scope() as session:
        user = active_user(session, username)
        valid = still_valid(user, st.session_state["auth_at"])
        actor = (Actor(user.username, user.role, st.session_state["auth_at"])
                 if user and valid else None)
        name = user.display_name if user else ""
    if actor is None:
        _end(auth)
        return None
    _keep_setting("renew_cookie", "set", auth.cookie_controller.set_cookie)
    if st.session_state.get("device_cookie"):  # this browser's trusted-device cookie, likewise
        _keep_setting("renew_device", "set_device", lambda: _set_device_cookie(auth))
    st.session_state["actor"] = actor
    st.session_state["actor_name"] = name
    return actor


def _keep_setting(flag: str, key: str, set_cookie: Callable[[], None]) -> None:
    """Set a cookie again on the runs after the one that first set it, until the browser's
    cookie component (widget `key`) reports it set, for at most RENEW_RUNS runs. A run's
    component can be swept away by the next rerun before a busy browser has run it: then no
    cookie, and a reload or a link opened in a new tab would find nobody logged in."""
    runs = st.session_state.get(flag, 0)
    if not runs:
        return
    set_cookie()
    st.session_state[flag] = 0 if st.session_state.get(key) is True else runs - 1


def renew_session(since: datetime) -> None:
    """Keep this session (and a fresh cookie) after a change that ended the user's others."""
    st.session_state["auth_at"] = since
    st.session_state["renew_cookie"] = RENEW_RUNS


def _signature(username: str, nonce: str) -> str:
    return hmac.new(cookie_key().encode("utf-8"), f"{username}:{nonce}".encode(),
                    hashlib.sha256).hexdigest()[:32]


def _device_tokens() -> list[str]:
    raw = st.session_state.get("device_cookie") or st.context.cookies.get(DEVICE_COOKIE) or ""
    return [token for token in str(raw).split("|") if DEVICE_TOKEN.fullmatch(token)][:DEVICE_SLOTS]


def trusted_device(username: str) -> str | None:
    """This browser's id if it logged in as `username` before (a token signed for them)."""
    for token in _device_tokens():
        nonce, signature = token.split(".")
        if hmac.compare_digest(signature, _signature(username, nonce)):
            return nonce
    return None


def _remember_device(auth: stauth.Authenticate, username: str) -> None:
    """Sign this browser in as trusted for `username` (it was not yet), in a cookie: set now,
    and again on the landing page's run (see restore_session)."""
    nonce = secrets.token_urlsafe(16)
    tokens = [f"{nonce}.{_signature(username, nonce)}", *_device_tokens()][:DEVICE_SLOTS]
    st.session_state["device_cookie"] = "|".join(tokens)
    st.session_state["renew_device"] = RENEW_RUNS
    _set_device_cookie(auth)


def _set_device_cookie(auth: stauth.Authenticate) -> None:
    auth.cookie_controller.cookie_model.cookie_manager.set(
        DEVICE_COOKIE, st.session_state["device_cookie"], key="set_device",
        expires_at=datetime.now() + timedelta(days=DEVICE_DAYS))


def current_actor() -> Actor:
    """The actor app.py verified for this run; pages only run after that check. Every page
    calls this first: a page file run without app.py (Streamlit's pages/ folder mode, on a
    fresh server's first deep link) reruns through app.py instead."""
    leave_legacy_pages_mode()
    actor = st.session_state.get("actor")
    if not isinstance(actor, Actor):
        st.stop()
    return actor


def _login_form(auth: stauth.Authenticate) -> None:
    """Username and password; on success the library's session keys and cookie are set."""
    st.title(t("login.title"))
    st.caption(t("app.subtitle"))
    with st.form("login_form"):
        username = st.text_input(t("login.username"), key="login_username",
                                 autocomplete="username")
        password = st.text_input(t("login.password"), type="password",
                                 key="login_password", autocomplete="current-password")
        submitted = st.form_submit_button(t("login.submit"), type="primary")
    if not submitted:
        return
    if not username.strip() or not password:
        st.error(t("login.missing"))
        return
    name = clean_username(username)  # as db.queries.auth reads it: look-alikes are not folded
    device = trusted_device(name)
    with session_scope() as session:
        outcome = authenticate(session, name, password, device=device)
    if outcome.ok:
        auth.authentication_controller.login(token={"username": name})
        st.session_state["auth_at"] = datetime.now(UTC)
        auth.cookie_controller.set_cookie()
        st.session_state["renew_cookie"] = RENEW_RUNS  # and again until the browser has it
        if device is None:
            _remember_device(auth, name)
        time.sleep(SETTLE)
        st.rerun()
    elif outcome.reason == "login.throttled" and outcome.retry_at:
        st.error(t("login.throttled", time=fmt_time(outcome.retry_at)))
    else:
        st.error(t("login.wrong"))


def login_page(auth: stauth.Authenticate) -> Callable[[], None]:
    """The login screen as a page function (the only page of an anonymous session)."""

    def login() -> None:
        _, middle, _ = st.columns([1, 3, 1])  # a compact form, centred on a tablet
        with middle:
            _login_form(auth)
            st.page_link("pages/accessibility.py", label=t("a11y.title"),
                         icon=":material/accessibility_new:")

    return login


def user_box(auth: stauth.Authenticate, actor: Actor) -> None:
    """Who is logged in, with which role, and the logout button, in the sidebar."""
    st.sidebar.divider()
    st.sidebar.text(st.session_state.get("actor_name", actor.username))  # plain, never markdown
    st.sidebar.caption(t("role." + actor.role))
    if st.sidebar.button(t("auth.logout"), key="sidebar_logout", icon=":material/logout:"):
        with session_scope() as session:  # ends this user's other sessions and cookies too
            record_logout(session, actor)
        _end(auth)
        time.sleep(SETTLE)
        st.rerun()
