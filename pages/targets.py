"""Targets: progress of each indicator towards its target and the pace projection; managers
set, change and delete targets."""

from __future__ import annotations

import streamlit as st

from components.auth import current_actor
from components.i18n import fmt_date, t
from components.target_form import edit_form, set_form
from components.targets_data import target_progress, targets
from components.targets_view import current_periods, targets_table
from db import clock

actor = current_actor()
today = clock.today()
st.title(t("targets.title"))
st.caption(t("targets.intro", day=fmt_date(today)))
progress = target_progress(today, actor.role)
st.subheader(t("targets.current_title"))
current_periods(progress, today)
st.subheader(t("targets.all_title"))
targets_table(progress)
tabs = st.tabs([t("targets.tab_set"), t("targets.tab_edit")])
listed = targets(actor.role)
with tabs[0]:
    set_form(actor, listed, today)
with tabs[1]:
    edit_form(actor, listed)
