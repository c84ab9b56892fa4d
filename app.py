"""Entry point: page config -> language -> checks -> auth gate -> st.navigation(role's pages)."""

from __future__ import annotations

import streamlit as st

from components.auth import build_authenticator, login_page, restore_session, user_box
from components.data import ensure_database, refresh_versions, startup_problems
from components.errors import error_screen, explain
from components.i18n import t
from components.navigation import navigate
from components.settings import cookie_key
from components.shell import house_style, language_switch, page_language

st.set_page_config(page_title="hub.brussels · artisans", page_icon=":material/handyman:",
                   layout="wide")
house_style()
page_language(language_switch())


def serve() -> None:
    """Checks, the login gate and the role's pages; a run that cannot serve shows one page."""
    if ref := ensure_database():
        error_screen([t("errors.database_unavailable", ref=ref)])
        return
    if problems := startup_problems():
        error_screen([t(key) for key in problems])
        return
    versions = refresh_versions()
    auth = build_authenticator(cookie_key(), versions.get("users", 0))
    actor = restore_session(auth)
    if actor is None:
        page = navigate(None, login_page(auth))
    else:
        page = navigate(actor.role)
        user_box(auth, actor)
    try:
        page.run()
    except Exception as exc:  # st.stop and st.rerun are BaseExceptions: they pass
        st.error(explain(exc))


try:
    serve()
except Exception as exc:  # before st.navigation, e.g. the database went down since startup
    error_screen([explain(exc)])
