"""Events: upcoming and past events with registered, attended, walk-in and no-show counts;
a new event, a whole series at once, or a copy of an earlier one."""

from __future__ import annotations

import streamlit as st

from components.auth import current_actor
from components.data import events_list
from components.event_forms import copy_form, new_event_form, open_new_event, series_form
from components.event_view import event_table
from components.i18n import t
from db import clock

actor = current_actor()
today = clock.today()
st.title(t("event_ui.title"))
upcoming_events = events_list(today, True, actor.role)
past_events = events_list(today, False, actor.role)

tabs = st.tabs([t("event_ui.tab_upcoming"), t("event_ui.tab_past"), t("event_ui.tab_new"),
                t("event_ui.tab_series"), t("event_ui.tab_copy")])
with tabs[0]:
    event_table(upcoming_events, "events_upcoming")
with tabs[1]:
    event_table(past_events, "events_past")
with tabs[2]:
    new_event_form(actor)
with tabs[3]:
    series_form(actor)
with tabs[4]:
    copy_form(actor, past_events)
open_new_event()
