"""Entry point: page config, language, database check, then the pages this session may use."""

from __future__ import annotations

import streamlit as st

from components.data import ensure_database
from components.i18n import t
from components.shell import language_switch

st.set_page_config(page_title="hub.brussels · artisans", page_icon=":material/handyman:",
                   layout="wide")
language_switch()
problem = ensure_database()
if problem:
    st.error(t("errors.database", detail=problem))
    st.stop()

pages = [st.Page("pages/overview.py", title=t("nav.overview"), icon=":material/dashboard:",
                 url_path="overview", default=True)]
st.navigation({t("nav.section.dashboards"): pages}).run()
