"""Entry point: page config -> language -> checks -> auth gate -> st.navigation(role's pages)."""

from __future__ import annotations

import streamlit as st

from components.auth import build_authenticator, login_page, restore_session, user_box
from components.data import ensure_database, refresh_versions, startup_problems
from components.i18n import t
from components.navigation import navigation_for
from components.settings import cookie_key
from components.shell import house_style, language_switch

st.set_page_config(page_title="hub.brussels · artisans", page_icon=":material/handyman:",
                   layout="wide")
house_style()
language_switch()
problem = ensure_database()
if problem:
    st.error(t("errors.database", detail=problem))
    st.stop()
problems = startup_problems()
if problems:
    for key in problems:
        st.error(t(key))
    st.stop()

versions = refresh_versions()
auth = build_authenticator(cookie_key(), versions.get("users", 0))
actor = restore_session(auth)
if actor is None:
    st.navigation([st.Page(login_page(auth), title=t("login.title"), icon=":material/login:",
                           url_path="login", default=True)]).run()
else:
    user_box(auth, actor)
    st.navigation(navigation_for(actor.role)).run()
