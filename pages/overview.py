"""Overview: the plan's headline figures and community growth, aggregates only."""

from __future__ import annotations

import streamlit as st

from components.auth import current_actor
from components.chart_view import plot, show_chart
from components.charts import (
    breakdown_chart,
    breakdown_summary,
    chart_table,
    growth_chart,
    growth_summary,
)
from components.data import breakdown, community_growth, overview
from components.i18n import current_language, fmt_date, fmt_number, t
from components.target_charts import with_targets
from components.targets_data import growth_targets
from db import clock
from db.privacy import SMALL, UNKNOWN, Shown, Withheld
from db.reads import sees_exact
from db.reference import commune_name, sector_name

actor = current_actor()
today = clock.today()
lang = current_language()
comma = lang != "en"  # 1.234 in French and Dutch, 1,234 in English
figures = overview(today, actor.role)  # exact, or disclosed to partners by db/reads.py
hidden = {SMALL: t("privacy.small_cell"), UNKNOWN: t("privacy.unknown_cell")}


def shown(value: Shown) -> str:
    """A figure as read: a number in the language's format, or the label of a hidden one."""
    return hidden.get(value, value) if isinstance(value, str) else fmt_number(value)


st.title(t("overview.title"))
st.caption(t("app.subtitle") + " · " + t("overview.as_of", day=fmt_date(today)))

cards = (
    ("overview.members", figures["members"], "overview.members_help"),
    ("overview.certified", figures["certified"], "overview.certified_help"),
    ("overview.impressions", figures["impressions"], "overview.impressions_help"),
)
for column, (label, value, help_key) in zip(st.columns(3), cards, strict=True):
    column.metric(t(label), shown(value), help=t(help_key), border=True)

second_row: tuple[tuple[str, Shown, str | None], ...] = (
    (t("overview.sessions", year=today.year), figures["sessions_this_year"],
     t("overview.sessions_help")),
    (t("overview.follow_ups_open"), figures["follow_ups_open"], None),
    (t("overview.follow_ups_overdue"), figures["follow_ups_overdue"],
     t("overview.follow_ups_overdue_help")),
)
for column, (label, value, help_text) in zip(st.columns(3), second_row, strict=True):
    column.metric(label, shown(value), help=help_text, border=True)

st.subheader(t("overview.growth_title"))
growth = community_growth(today, actor.role)
if growth.empty:
    st.info(t("overview.no_data"))
else:
    targets = growth_targets(growth, today, actor.role)
    show_chart(plot(growth_chart, growth, month=t("chart.month"), total=t("chart.members"),
                            new=t("chart.new_members"), hidden=hidden, decimal_comma=comma,
                            targets=targets, target_title=t("chart.target")),
               summary=with_targets(growth_summary(growth, template=t("chart.growth_summary"),
                                                   day=fmt_date(today), hidden=hidden,
                                                   decimal_comma=comma),
                                    targets, template=t("chart.target_summary"),
                                    decimal_comma=comma),
               table=chart_table(growth, {"month": t("chart.month"), "total": t("chart.members"),
                                          "new": t("chart.new_members")}, hidden, comma))
    st.caption(t("overview.growth_caption"))

left, right = st.columns(2)
for column, name, key, title_key, name_of, category_title in (
        (left, "members_by_commune", "commune_nis", "overview.by_commune",
         lambda code: commune_name(code, lang), t("chart.commune")),
        (right, "certified_by_sector", "sector", "overview.by_sector",
         lambda code: sector_name(code, lang), t("chart.sector"))):
    with column:
        st.subheader(t(title_key))
        frame = breakdown(name, today, actor.role)
        if isinstance(frame, Withheld):
            st.info(t("privacy.withheld"))
            continue
        if frame.empty:
            st.info(t("overview.no_data"))
            continue
        frame[key] = frame[key].map(name_of)
        show_chart(plot(breakdown_chart, frame, category=key, category_title=category_title,
                                   title=t("chart.artisans"), hidden=hidden, decimal_comma=comma),
                   summary=breakdown_summary(frame, category=key, hidden=hidden,
                                             template=t("chart.breakdown_summary"),
                                             decimal_comma=comma),
                   table=chart_table(frame, {key: category_title, "count": t("chart.artisans")},
                                     hidden, comma))
if not sees_exact(actor.role):
    st.caption(t("privacy.partner_note"))
