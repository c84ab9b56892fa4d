"""The frame around every page: language switch and sidebar."""

from __future__ import annotations

import streamlit as st

from components.i18n import LANGUAGES, current_language, t

CODES = list(LANGUAGES)


def _language_changed() -> None:
    st.session_state["lang"] = st.session_state["sidebar_lang"]


def language_switch() -> str:
    """A language selector in the sidebar, kept for the session; returns the language."""
    lang = current_language()
    st.session_state["lang"] = lang
    st.sidebar.selectbox(t("sidebar.language"), CODES, index=CODES.index(lang),
                         key="sidebar_lang", format_func=LANGUAGES.__getitem__,
                         on_change=_language_changed)
    return lang


HOUSE_CSS = """<style>
/* The re-authentication cookie component is an invisible helper: give it no room. */
div.stElementContainer:has(iframe[title^="extra_streamlit_components.CookieManager"]) {
  display: none;
}
/* Touch-friendly: comfortable targets on a tablet. */
.stButton button, .stFormSubmitButton button, .stDownloadButton button { min-height: 2.75rem; }
</style>"""


def house_style() -> None:
    """The few CSS rules the app needs (style-only HTML takes no room on the page)."""
    st.html(HOUSE_CSS)
