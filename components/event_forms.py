"""The forms of the events screens: a new event, a whole series, a copy, an edit."""

from __future__ import annotations

from datetime import date, time, timedelta

import pandas as pd
import streamlit as st

from components.event_form import event_inputs, load_event_defaults, typed_event
from components.forms import field_error, form_feedback, submit
from components.i18n import fmt_date, labeller, t
from db import clock
from db.engine import session_scope
from db.permissions import Actor
from db.queries.event_lists import EventDetail
from db.queries.event_series import SERIES_RULES, create_series
from db.queries.events import copy_event, create_event, update_event

NEW, SERIES, COPY, EDIT = "event_new", "event_series", "event_copy", "event_edit"
WEEKDAYS = tuple(range(7))


def _opened(event_id: int) -> None:
    """After a write that made an event: open it (the page switches on its next run)."""
    st.session_state["event_opened"] = event_id


def open_new_event() -> None:
    """Open the event a form just made, if any (called by the page after the forms)."""
    if (event_id := st.session_state.pop("event_opened", None)) is not None:
        st.switch_page("pages/event.py", query_params={"id": str(event_id)})


def new_event_form(actor: Actor) -> None:
    """One event."""
    load_event_defaults(NEW, {"kind": "networking", "action": "community",
                              "day": clock.today() + timedelta(days=14), "time": time(18, 0)})

    def create() -> None:
        with session_scope() as session:
            event = create_event(session=session, actor=actor, fields=typed_event(NEW))
            _opened(event.id)

    with st.form(NEW):
        event_inputs(NEW, NEW)
        st.form_submit_button(t("event_ui.create"), type="primary", on_click=submit,
                              args=(NEW, create, "event_ui.created"))
        form_feedback(NEW)


def series_form(actor: Actor) -> None:
    """A whole series at once, e.g. every second Thursday from March to June."""
    today = clock.today()
    load_event_defaults(SERIES, {"kind": "networking", "action": "community",
                                 "time": time(18, 0), "first": today + timedelta(days=7),
                                 "last": today + timedelta(days=120),
                                 "rule": "monthly_nth_weekday", "weekday": 3, "nth": 2})

    def create() -> None:
        state = st.session_state
        with session_scope() as session:
            create_series(
                session=session, actor=actor, fields=typed_event(SERIES),
                first_day=state[f"{SERIES}_first"], last_day=state[f"{SERIES}_last"],
                rule=state[f"{SERIES}_rule"], weekday=state[f"{SERIES}_weekday"],
                nth=state[f"{SERIES}_nth"])

    nth_name, day_name = labeller("series_nth."), labeller("weekday.")  # bound to this run
    with st.form(SERIES):
        event_inputs(SERIES, SERIES, with_day=False)
        st.subheader(t("event_ui.series_when"))
        span = st.columns(2)
        span[0].date_input(t("event_ui.series_first"), key=f"{SERIES}_first",
                           format="DD/MM/YYYY")
        span[1].date_input(t("event_ui.series_last"), key=f"{SERIES}_last", format="DD/MM/YYYY")
        field_error(SERIES, "last_day")
        st.radio(t("event_ui.series_rule"), SERIES_RULES, key=f"{SERIES}_rule",
                 format_func=labeller("series_rule."))
        field_error(SERIES, "rule")
        which = st.columns(2)
        which[0].selectbox(t("event_ui.series_nth"), (1, 2, 3, 4, -1), key=f"{SERIES}_nth",
                           format_func=lambda n: nth_name(str(n)))
        which[1].selectbox(t("event_ui.series_weekday"), WEEKDAYS, key=f"{SERIES}_weekday",
                           format_func=lambda d: day_name(str(d)))
        st.caption(t("event_ui.series_help"))
        st.form_submit_button(t("event_ui.series_create"), type="primary", on_click=submit,
                              args=(SERIES, create, "event_ui.series_created"))
        form_feedback(SERIES)


def copy_form(actor: Actor, events: pd.DataFrame) -> None:
    """A past or planned event again, on a new day (title, place, time, capacity)."""
    if events.empty:
        st.info(t("event_ui.none"))
        return
    ids = [int(i) for i in events["id"]]
    names = {int(r["id"]): f"{fmt_date(r['starts_at'].date())} – {r['title']}"
             for r in events.to_dict("records")}
    st.session_state.setdefault(f"{COPY}_day", clock.today() + timedelta(days=28))

    def copy() -> None:
        with session_scope() as session:
            event = copy_event(session=session, actor=actor,
                               event_id=st.session_state[f"{COPY}_source"],
                               day=st.session_state[f"{COPY}_day"])
            _opened(event.id)

    with st.form(COPY):
        st.selectbox(t("event_ui.copy_source"), ids, key=f"{COPY}_source",
                     format_func=lambda i: names.get(i, str(i)))
        st.date_input(t("event_ui.day"), key=f"{COPY}_day", min_value=date(2000, 1, 1),
                      max_value=date(2100, 12, 31), format="DD/MM/YYYY")
        field_error(COPY, "day")
        st.form_submit_button(t("event_ui.copy"), type="primary", on_click=submit,
                              args=(COPY, copy, "event_ui.created"))
        form_feedback(COPY)


def edit_form(actor: Actor, detail: EventDetail) -> None:
    """The event's fields, refused when someone else saved a newer version meanwhile."""
    prefix = f"{EDIT}_{detail.id}"
    if f"{prefix}_title" not in st.session_state:  # values (re)loaded now: so is their version
        st.session_state[f"{prefix}_version"] = detail.row_version
    load_event_defaults(prefix, {
        "title": detail.title, "kind": detail.kind, "action": detail.action,
        "day": detail.day, "time": detail.time, "venue": detail.venue or "",
        "commune_nis": detail.commune_nis or "", "capacity": detail.capacity or 0})
    seen = int(st.session_state[f"{prefix}_version"])

    def save() -> None:
        with session_scope() as session:
            saved = update_event(session=session, actor=actor, event_id=detail.id,
                                 fields=typed_event(prefix), expected_version=seen)
            st.session_state[f"{prefix}_version"] = saved.row_version

    with st.form(prefix):
        event_inputs(prefix, prefix)
        st.form_submit_button(t("event_ui.save"), type="primary", on_click=submit,
                              args=(prefix, save, "event_ui.saved"))
        form_feedback(prefix)
    if st.session_state.get(f"{prefix}__errors", {}).get("_form") == "events.stale_edit":
        st.button(t("event_ui.reload"), icon=":material/refresh:", key=f"{prefix}_reload",
                  on_click=_forget, args=(prefix,))


def _forget(prefix: str) -> None:
    """Drop the form's values: the next run loads the event as saved now, and its version."""
    for key in [k for k in st.session_state if str(k).startswith(f"{prefix}_")]:
        del st.session_state[key]
