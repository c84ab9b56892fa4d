"""One coaching track: its planned sessions and who attended each, enrolment, the attendance
of a planned session, and each artisan's progress (sessions attended of planned)."""

from __future__ import annotations

import streamlit as st

from components.address import address_id
from components.auth import current_actor
from components.coaching_data import adviser_id, advisers, track
from components.i18n import fmt_date, fmt_number, t
from components.plain import plain
from components.track_view import (
    attendance_form,
    enrol_form,
    progress_table,
    rate,
    sessions_table,
    withdraw_form,
)

actor = current_actor()
track_id = address_id()
detail = track(track_id, actor.role) if track_id else None
if detail is None:
    st.title(t("nav.track"))
    st.warning(t("track.not_found"))
    st.page_link("pages/tracks.py", label=t("track.back"), icon=":material/arrow_back:")
    st.stop()

st.title(plain(detail.title))
st.caption(t("track.span", first=fmt_date(detail.starts_on),
             last=fmt_date(detail.ends_on or detail.starts_on)))
if detail.description:
    st.text(detail.description)
st.page_link("pages/tracks.py", label=t("track.back"), icon=":material/arrow_back:")
figures = st.columns(3)
figures[0].metric(t("track.col_sessions"), fmt_number(detail.planned))
figures[1].metric(t("track.col_enrolled"), fmt_number(detail.enrolled))
figures[2].metric(t("track.col_completion"), rate(detail.completion_rate),
                  help=t("track.completion_help"))

tabs = st.tabs([t("track.tab_progress"), t("track.tab_attendance"), t("track.tab_enrol")])
with tabs[0]:
    progress_table(detail)
    sessions_table(detail)
with tabs[1]:
    attendance_form(actor, detail, advisers(actor.role), adviser_id(actor.username, actor.role))
with tabs[2]:
    enrol_form(actor, detail)
    withdraw_form(actor, detail)
