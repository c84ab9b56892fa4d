"""Overview: the plan's headline figures and community growth, aggregates only."""

from __future__ import annotations

from datetime import date

import streamlit as st

from components.charts import growth_chart
from components.data import community_growth, overview
from components.i18n import current_language, fmt_date, fmt_number, t

today = date.today()
figures = overview(today)

st.title(t("overview.title"))
st.caption(t("app.subtitle") + " · " + t("overview.as_of", day=fmt_date(today)))

cards = (
    ("overview.members", figures["members"], "overview.members_help"),
    ("overview.certified", figures["certified"], "overview.certified_help"),
    ("overview.impressions", figures["impressions"], "overview.impressions_help"),
)
for column, (label, value, help_key) in zip(st.columns(3), cards, strict=True):
    column.metric(t(label), fmt_number(value), help=t(help_key), border=True)

second_row: tuple[tuple[str, int, str | None], ...] = (
    (t("overview.sessions", year=today.year), figures["sessions_this_year"],
     t("overview.sessions_help")),
    (t("overview.follow_ups_open"), figures["follow_ups_open"], None),
    (t("overview.follow_ups_overdue"), figures["follow_ups_overdue"],
     t("overview.follow_ups_overdue_help")),
)
for column, (label, value, help_text) in zip(st.columns(3), second_row, strict=True):
    column.metric(label, fmt_number(value), help=help_text, border=True)

st.subheader(t("overview.growth_title"))
growth = community_growth(today)
if growth.empty:
    st.info(t("overview.no_data"))
else:
    st.altair_chart(growth_chart(growth, month=t("chart.month"), total=t("chart.members"),
                                 new=t("chart.new_members"),
                                 decimal_comma=current_language() != "en"),
                    width="stretch")
    st.caption(t("overview.growth_caption"))
