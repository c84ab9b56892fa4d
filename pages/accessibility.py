"""Accessibility statement: conformance reached, what does not conform yet, whom to contact.
Public: reachable from the login screen as well as from the sidebar."""

from __future__ import annotations

import os
from datetime import date

import streamlit as st

from components.errors import leave_legacy_pages_mode
from components.i18n import fmt_date, t

STATEMENT_DAY = date(2026, 11, 30)  # the self-assessment this text describes
CONTACT = os.environ.get("ACCESSIBILITY_CONTACT", "").strip() or "info@hub.brussels"

leave_legacy_pages_mode()  # public page: no current_actor() call to do it
st.title(t("a11y.title"))
st.write(t("a11y.intro"))
st.subheader(t("a11y.status_title"))
st.markdown(t("a11y.status"))
st.subheader(t("a11y.gaps_title"))
st.markdown(t("a11y.gaps"))
st.subheader(t("a11y.method_title"))
st.write(t("a11y.method", day=fmt_date(STATEMENT_DAY, style="long")))
st.subheader(t("a11y.contact_title"))
st.write(t("a11y.contact", contact=CONTACT))
