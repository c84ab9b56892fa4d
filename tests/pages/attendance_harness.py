"""AppTest harness: the attendance list block alone, for the actor and event in session state
(the event page embeds it the same way, after app.py has checked the actor)."""

from __future__ import annotations

import streamlit as st

from components.attendance_import_view import attendance_import
from components.messages import MESSAGES
from components.messages_attendance import ATTENDANCE_MESSAGES

for key, text in ATTENDANCE_MESSAGES.items():  # the same strings, merged or not yet
    MESSAGES.setdefault(key, text)

attendance_import(st.session_state["harness_actor"], st.session_state["harness_event"],
                  st.session_state.get("harness_started", True))
