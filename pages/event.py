"""One event: its counts, registrations (register, cancel), the way to the door check-in, and
after the event the no-shows and the attendance list; its fields can be corrected."""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from components.address import address_id
from components.attendance_import_view import attendance_import
from components.auth import current_actor
from components.data import event_attendees, event_detail
from components.event_forms import edit_form
from components.event_view import event_heading
from components.forms import form_feedback, submit
from components.i18n import fmt_number, t
from components.registration_view import (
    attendee_table,
    cancel_form,
    register_form,
    started_caption,
)
from db import clock
from db.engine import session_scope
from db.queries.registrations import mark_no_shows

actor = current_actor()
today = clock.today()
event_id = address_id()
detail = event_detail(event_id, actor.role) if event_id else None
if detail is None:
    st.title(t("nav.event"))
    st.warning(t("event_ui.not_found"))
    st.page_link("pages/events.py", label=t("event_ui.back"), icon=":material/arrow_back:")
    st.stop()

event_heading(detail.title, detail.starts_at, detail.venue, detail.commune_nis)
st.page_link("pages/events.py", label=t("event_ui.back"), icon=":material/arrow_back:")
figures = st.columns(5)
for column, (key, value) in zip(figures, (
        ("event_ui.col_registered", detail.registered), ("event_ui.col_attended", detail.attended),
        ("event_ui.col_walk_ins", detail.walk_ins), ("event_ui.col_no_shows", detail.no_shows),
        ("event_ui.col_capacity", detail.capacity)), strict=True):
    column.metric(t(key), fmt_number(value) if value is not None else "–")
st.page_link("pages/checkin.py", label=t("event_ui.to_door"), icon=":material/how_to_reg:",
             query_params={"event": str(detail.id)})

attendees = event_attendees(detail.id, actor.role)
started = detail.starts_at <= datetime.now(UTC)  # no-shows only once it has begun
tabs = st.tabs([t("event_ui.tab_registrations"), t("event_ui.tab_after"), t("event_ui.tab_edit")])
with tabs[0]:
    attendee_table(attendees)
    register_form(actor, detail)
    cancel_form(actor, detail, attendees)
with tabs[1]:
    if not started:
        st.info(t("event_ui.not_started"))
    else:
        st.caption(started_caption(detail))

        shown_id = detail.id

        def no_shows() -> None:
            with session_scope() as session:
                mark_no_shows(session=session, actor=actor, event_id=shown_id, today=today)

        st.button(t("event_ui.mark_no_shows", count=fmt_number(detail.registered)),
                  disabled=not detail.registered, key="event_no_shows", on_click=submit,
                  args=("event_no_shows", no_shows, "event_ui.no_shows_marked"))
        form_feedback("event_no_shows")
        attendance_import(actor, detail.id, started)
with tabs[2]:
    edit_form(actor, detail)
