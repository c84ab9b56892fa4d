"""My follow-ups, the landing page of advisers: overdue first, then due this week, then
later; each closed in one tap, or with a note, cancelled, or given a new due date."""

from __future__ import annotations

import streamlit as st

from components.auth import current_actor
from components.coaching_data import my_follow_ups
from components.follow_up_view import my_list
from components.i18n import fmt_number, t
from db import clock

actor = current_actor()
today = clock.today()
items = my_follow_ups(actor.username, today, actor.role)
st.title(t("coaching.my_title"))
late = sum(1 for item in items if item.group == "overdue")
st.caption(t("coaching.my_summary", open=fmt_number(len(items)), late=fmt_number(late)))
st.page_link("pages/coaching.py", label=t("coaching.to_log"), icon=":material/edit_note:")
my_list(actor, items)
