"""Registrations of one event: who is registered, attended or absent; register artisans (to
this event or to every future event of its series); cancel a registration."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.artisan_picker import search_box
from components.forms import field_error, form_feedback, submit
from components.i18n import fmt_date, fmt_time, t
from db import clock
from db.engine import session_scope
from db.permissions import Actor
from db.queries.event_lists import EventDetail
from db.queries.registrations import cancel_registration, register, register_to_series

REGISTER, CANCEL = "event_register", "event_cancel"


def attendee_table(attendees: pd.DataFrame) -> None:
    """Every registration of the event with its status, check-in time and who checked in."""
    if attendees.empty:
        st.info(t("event_ui.no_attendees"))
        return
    shown = pd.DataFrame({
        "name": attendees["last_name"] + " " + attendees["first_name"],
        "business": attendees["business_name"].fillna(""),
        "status": [t("attendance." + s) + (" · " + t("event_ui.walk_in") if w else "")
                   for s, w in zip(attendees["status"], attendees["walk_in"], strict=True)],
        "checked_in": [fmt_time(m) if isinstance(m, pd.Timestamp) and not pd.isna(m) else ""
                       for m in attendees["checked_in_at"]],
        "by": attendees["checked_in_by"].fillna(""),
    })
    st.dataframe(shown, hide_index=True, width="stretch",
                 column_config={c: t(f"event_ui.att_{c}") for c in shown.columns})


def register_form(actor: Actor, detail: EventDetail) -> None:
    """Find artisans by name, business or e-mail and register them."""
    if detail.starts_at.date() < clock.today():
        st.caption(t("event_ui.register_past"))
        return
    options = search_box(REGISTER, t("event_ui.register_search"), actor.role)
    chosen = [i for i in st.session_state.get(f"{REGISTER}_ids", []) if i in options]
    st.session_state[f"{REGISTER}_ids"] = chosen

    def save() -> None:
        ids = list(st.session_state.get(f"{REGISTER}_ids") or [])
        with session_scope() as session:
            if detail.series_id and st.session_state.get(f"{REGISTER}_series"):
                register_to_series(session=session, actor=actor, series_id=detail.series_id,
                                   artisan_ids=ids, today=clock.today())
            else:
                register(session=session, actor=actor, event_id=detail.id, artisan_ids=ids)

    with st.form(REGISTER):
        st.multiselect(t("event_ui.register_pick"), list(options), key=f"{REGISTER}_ids",
                       format_func=lambda i: options.get(i, str(i)),
                       placeholder=t("event_ui.register_pick_hint"))
        field_error(REGISTER, "artisan_ids")
        if detail.series_id:
            st.checkbox(t("event_ui.register_series"), key=f"{REGISTER}_series")
        st.form_submit_button(t("event_ui.register"), type="primary", on_click=submit,
                              args=(REGISTER, save, "event_ui.registered"))
        form_feedback(REGISTER)


def cancel_form(actor: Actor, detail: EventDetail, attendees: pd.DataFrame) -> None:
    """Cancel one registration (someone who let us know they cannot come)."""
    open_rows = attendees[attendees["status"] == "registered"]
    if open_rows.empty:
        return
    names = dict(zip(open_rows["artisan_id"].astype(int),
                     open_rows["last_name"] + " " + open_rows["first_name"], strict=True))

    def cancel() -> None:
        with session_scope() as session:
            cancel_registration(session=session, actor=actor, event_id=detail.id,
                                artisan_id=st.session_state[f"{CANCEL}_artisan"])

    with st.form(CANCEL):
        st.selectbox(t("event_ui.cancel_pick"), list(names), key=f"{CANCEL}_artisan",
                     format_func=lambda i: names.get(i, str(i)))
        st.form_submit_button(t("event_ui.cancel"), on_click=submit,
                              args=(CANCEL, cancel, "event_ui.cancelled"))
        form_feedback(CANCEL)


def started_caption(detail: EventDetail) -> str:
    """'Began on 19 Mar 2026 at 18:00' style line for the after-the-event tab."""
    return t("event_ui.began", day=fmt_date(detail.starts_at.date()),
             time=fmt_time(detail.starts_at))
