"""Coaching dashboard: artisans coached, sessions, hours and follow-ups for a period, against
the previous period of equal length, with sessions per month and, for staff looking at the
whole Region, the progress towards the sessions' and artisans' targets; partners see it
disclosed."""

from __future__ import annotations

from functools import partial

import streamlit as st

from components import dashboard_cards as cards_of
from components.auth import current_actor
from components.chart_view import show_chart
from components.charts import chart_table, drawn, monthly_summary
from components.dash_views import hidden_labels
from components.dash_views import progress as progress_view
from components.dashboard_data import coaching_by_month, coaching_figures
from components.i18n import current_language, t
from components.kpi_view import cards
from components.period_filter import filters
from components.target_charts import (
    monthly_progress_chart,
    with_targets,
)
from components.targets_data import flow_progress
from components.together import together
from db import clock
from db.periods import Scope
from db.privacy import Withheld
from db.reads import sees_exact

CARDS = cards_of.COACHING

actor = current_actor()
today = clock.today()
comma = current_language() != "en"
hidden = hidden_labels()
st.title(t("nav.dash_coaching"))
scope = filters(today, sees_exact(actor.role))
before = Scope(scope.period.previous(), scope.commune, scope.sector)
figures, previous, monthly, progress, coached = together(  # the reads at once (cold: faster)
    partial(coaching_figures, scope, today, actor.role),
    partial(coaching_figures, before, today, actor.role),
    partial(coaching_by_month, scope, actor.role),
    partial(flow_progress, "coaching_sessions", scope, today, actor.role),
    partial(flow_progress, "artisans_coached", scope, today, actor.role))
cards(figures, previous, CARDS)
st.subheader(t("kpi.sessions_by_month"))
if isinstance(monthly, Withheld):
    st.info(t("privacy.withheld"))
elif monthly.empty or not drawn(monthly, "sessions"):
    st.info(t("kpi.no_sessions_in_period"))
else:
    show_chart(monthly_progress_chart(
                   monthly, progress, column="sessions", month=t("chart.month"),
                   title=t("kpi.sessions"), hidden=hidden, decimal_comma=comma,
                   progress_title=t("chart.sessions_since_start"), target_title=t("chart.target")),
               summary=with_targets(monthly_summary(monthly, column="sessions", hidden=hidden,
                                                    template=t("kpi.sessions_summary"),
                                                    decimal_comma=comma),
                                    progress, template=t("chart.target_summary"),
                                    decimal_comma=comma),
               table=chart_table(monthly, {"month": t("chart.month"),
                                           "sessions": t("kpi.sessions"),
                                           "artisans": t("kpi.artisans_coached")},
                                 hidden, comma))
    if not progress.empty:
        st.caption(t("chart.progress_caption"))

if not coached.empty:  # a target of artisans coached overlaps the period
    st.subheader(t("coaching_kpi.artisans_progress"))
    progress_view(coached, title=t("kpi.artisans_coached"),
                  since_title=t("chart.artisans_since_start"))
if not sees_exact(actor.role):
    st.caption(t("privacy.partner_note"))
