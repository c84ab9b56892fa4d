"""Coaching: log a session with its follow-ups in one form; the latest sessions logged."""

from __future__ import annotations

import streamlit as st

from components.address import address_id
from components.auth import current_actor
from components.coaching_data import adviser_id, advisers, recent_sessions, session_detail
from components.coaching_view import profile_label, session_card, session_picker, sessions_table
from components.data import artisan_profile
from components.i18n import t
from components.session_form import session_form
from db import clock

actor = current_actor()
# Opened from a profile (?artisan=…): the form starts on that artisan.
chosen = address_id("artisan")
profile = artisan_profile(chosen, clock.today(), actor.role) if chosen else None
st.title(t("coaching.title"))
st.page_link("pages/follow_ups.py", label=t("coaching.to_my_follow_ups"),
             icon=":material/task_alt:")
tabs = st.tabs([t("coaching.tab_log"), t("coaching.tab_recent")])
with tabs[0]:
    session_form(actor, advisers(actor.role), adviser_id(actor.username, actor.role),
                 preset={profile.id: profile_label(profile)} if profile else {})
with tabs[1]:
    recent = recent_sessions(actor.role)
    sessions_table(recent)
    if (opened := session_picker(recent)) and (detail := session_detail(opened, actor.role)):
        session_card(detail)
