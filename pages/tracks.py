"""Coaching tracks ("parcours"): every track with its enrolment and completion rate; a new
track with its planned sessions."""

from __future__ import annotations

import streamlit as st

from components.auth import current_actor
from components.coaching_data import tracks
from components.i18n import t
from components.track_view import new_track_form, tracks_table
from db import clock

actor = current_actor()
st.title(t("track.title"))
st.caption(t("track.completion_help"))
tabs = st.tabs([t("track.tab_list"), t("track.tab_new")])
with tabs[0]:
    tracks_table(tracks(clock.today(), actor.role))
with tabs[1]:
    new_track_form(actor)
