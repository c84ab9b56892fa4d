"""Ids in a page's address (?id=123), read strictly: ASCII digits only, at most nine."""

from __future__ import annotations

import re

import streamlit as st


def address_id(name: str = "id") -> int | None:
    """The id of the page's address, or None when absent or not a plain number ('²' is not)."""
    raw = str(st.query_params.get(name, "")).strip()
    return int(raw) if re.fullmatch(r"[0-9]{1,9}", raw) else None
