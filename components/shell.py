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
div.stElementContainer:has(iframe[title^="extra_streamlit_components.CookieManager"]),
div.stElementContainer:has(> .stHtml > script:only-child) {
  display: none;
}
/* Streamlit's "Press Enter to submit form" is English on every page: Enter still submits. */
[data-testid="InputInstructions"] { display: none; }
/* Touch-friendly: comfortable targets on a tablet. */
.stButton button, .stFormSubmitButton button, .stDownloadButton button { min-height: 2.75rem; }
/* WCAG 1.4.3: captions and help text at 4.5:1 or more, also on the grey sidebar. */
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p,
[data-testid="stWidgetLabel"] small { color: #4a5361 !important; opacity: 1 !important; }
/* WCAG 2.4.7: a focus ring anyone can see, on every control. */
a:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible,
[role="button"]:focus-visible, [role="tab"]:focus-visible, [role="combobox"]:focus-visible,
[tabindex]:focus-visible {
  outline: 3px solid #0b5cad !important; outline-offset: 2px;
}
</style>"""


def house_style() -> None:
    """The few CSS rules the app needs (style-only HTML takes no room on the page)."""
    st.html(HOUSE_CSS)


def page_language(lang: str) -> None:
    """Declare the UI's language on <html> (WCAG 3.1.1), so screen readers read French as
    French; re-sent whenever the language changes."""
    st.html(f"<script>document.documentElement.lang = {lang!r};</script>",
            unsafe_allow_javascript=True)
