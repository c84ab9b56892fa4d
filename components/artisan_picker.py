"""Finding an artisan by typing two or three letters of a name, business or e-mail: a search
box, then a choice among the matches (the registry's own search, erased records left out)."""

from __future__ import annotations

import streamlit as st

from components.data import read
from components.i18n import current_language, t

MIN_LETTERS = 2


def matches(text: str, role: str, limit: int = 30) -> dict[int, str]:
    """Artisans matching typed text (id -> "Last First — Business (commune)"), from the cache;
    none for fewer than two letters."""
    if len(text.strip()) < MIN_LETTERS:
        return {}
    return dict(read("artisan_options", role, text.strip(), limit, current_language()))


def search_box(key: str, label: str, role: str) -> dict[int, str]:
    """A search box; returns the artisans its text matches."""
    st.text_input(label, key=f"{key}_search", max_chars=100,
                  placeholder=t("registry.search_hint"))
    return matches(str(st.session_state.get(f"{key}_search") or ""), role)
