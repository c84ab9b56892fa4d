"""The inputs of an event (title, kind, plan action, day and time in Brussels, venue, commune,
capacity), shared by the new-event, series and edit forms."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import streamlit as st

from components.forms import field_error
from components.i18n import labeller, t
from components.registry_view import place_labeller
from db.reference import communes
from db.vocab import ACTIONS, EVENT_KINDS

FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2100, 12, 31)


def load_event_defaults(prefix: str, values: Mapping[str, Any]) -> None:
    """Put an event's values in the widgets of a form (once; typed values are kept after)."""
    for name, value in values.items():
        st.session_state.setdefault(f"{prefix}_{name}", value)


def event_inputs(prefix: str, form: str, with_day: bool = True) -> None:
    """Every field of an event inside a st.form, each followed by its error message."""
    st.text_input(t("event_ui.title_field"), key=f"{prefix}_title", max_chars=150)
    field_error(form, "title")
    kinds = st.columns(2)
    with kinds[0]:
        st.selectbox(t("event_ui.kind"), EVENT_KINDS, key=f"{prefix}_kind",
                     format_func=labeller("event_kind."))
        field_error(form, "kind")
    with kinds[1]:
        st.selectbox(t("event_ui.action"), ACTIONS, key=f"{prefix}_action",
                     format_func=labeller("action."))
        field_error(form, "action")
    when = st.columns(2)
    if with_day:
        with when[0]:
            st.date_input(t("event_ui.day"), key=f"{prefix}_day", min_value=FIRST_DAY,
                          max_value=LAST_DAY, format="DD/MM/YYYY")
            field_error(form, "day")
    with when[1]:
        st.time_input(t("event_ui.time"), key=f"{prefix}_time", step=900,
                      help=t("event_ui.time_help"))
        field_error(form, "time")
    st.text_input(t("event_ui.venue"), key=f"{prefix}_venue", max_chars=150)
    field_error(form, "venue")
    place = st.columns(2)
    with place[0]:
        st.selectbox(t("artisans.commune"), ["", *(c.nis_code for c in communes())],
                     key=f"{prefix}_commune_nis",
                     format_func=place_labeller("event_ui.no_commune"))
        field_error(form, "commune_nis")
    with place[1]:
        st.number_input(t("event_ui.capacity"), key=f"{prefix}_capacity", min_value=0,
                        max_value=5000, step=5, help=t("event_ui.capacity_help"))
        field_error(form, "capacity")


def typed_event(prefix: str) -> dict[str, Any]:
    """What the form holds now (the write checks it): capacity 0 means no limit."""
    state = st.session_state
    capacity = state.get(f"{prefix}_capacity")
    return {
        "title": str(state.get(f"{prefix}_title") or ""),
        "kind": state.get(f"{prefix}_kind"), "action": state.get(f"{prefix}_action"),
        "day": state.get(f"{prefix}_day"),
        "time": state.get(f"{prefix}_time"),
        "venue": str(state.get(f"{prefix}_venue") or ""),
        "commune_nis": state.get(f"{prefix}_commune_nis") or None,
        "capacity": int(capacity) if capacity else None,
    }
