"""Label uptake dashboard: certified artisans (6-year validity), the uptake rate over the
registry, new labels, renewals, refusals and days to a decision for a period against the
previous one of equal length; certified over time against the target, the journey's funnel,
certified by commune and sector; partners see it disclosed."""

from __future__ import annotations

from functools import partial

import streamlit as st

from components import dashboard_cards as cards_of
from components.auth import current_actor
from components.chart_view import show_chart
from components.charts import (
    breakdown_chart,
    breakdown_summary,
    chart_table,
    drawn,
    stock_chart,
    stock_summary,
)
from components.dash_views import areas, hidden_labels
from components.dashboard_data import label_breakdown, label_by_month, label_figures, label_places
from components.i18n import current_language, fmt_date, t
from components.kpi_view import cards
from components.period_filter import filters
from components.target_charts import with_targets
from components.targets_data import chart_targets
from components.together import together
from db import clock
from db.periods import Scope
from db.privacy import Withheld
from db.reads import sees_exact

CARDS = cards_of.LABEL

actor = current_actor()
today = clock.today()
comma = current_language() != "en"
hidden = hidden_labels()


st.title(t("nav.dash_label"))
scope = filters(today, sees_exact(actor.role))
before = Scope(scope.period.previous(), scope.commune, scope.sector)
st.caption(t("label_kpi.as_of", day=fmt_date(min(scope.period.end, today))))
exact = sees_exact(actor.role)
breakdowns = (partial(label_breakdown, "label_funnel", scope, today, actor.role),
              partial(label_places, scope, today, actor.role)) if exact else ()
figures, previous, months, *frames = together(  # the page's reads at once (cold: faster)
    partial(label_figures, scope, today, actor.role),
    partial(label_figures, before, today, actor.role),
    partial(label_by_month, scope, today, actor.role), *breakdowns)
cards(figures, previous, CARDS)

st.subheader(t("label_kpi.over_time"))
if isinstance(months, Withheld):
    st.info(t("privacy.withheld"))
elif months.empty:
    st.info(t("label_kpi.no_months"))
elif not drawn(months, "certified"):
    st.info(t("label_kpi.no_certified"))
else:
    targets = chart_targets("certified_artisans", scope, actor.role)
    show_chart(stock_chart(months, column="certified", month=t("chart.month"),
                           title=t("label_kpi.certified"), targets=targets,
                           target_title=t("label_kpi.target"), hidden=hidden,
                           decimal_comma=comma),
               summary=with_targets(stock_summary(months, column="certified", hidden=hidden,
                                                  template=t("label_kpi.over_time_summary"),
                                                  decimal_comma=comma),
                                    targets, template=t("chart.target_summary"),
                                    decimal_comma=comma),
               table=chart_table(months, {"month": t("chart.month"),
                                          "certified": t("label_kpi.certified")},
                                 hidden, comma))
    st.caption(t("label_kpi.over_time_caption"))

if exact:  # partners: certified per sector on the Overview (docs/privacy.md)
    st.subheader(t("label_kpi.funnel"))
    funnel = frames[0]
    if not drawn(funnel, "count"):
        st.info(t("label_kpi.no_artisans"))
    else:
        funnel["state"] = funnel["state"].map(lambda s: t("label_state." + s))
        show_chart(breakdown_chart(funnel, category="state",
                                   category_title=t("label_kpi.state"), title=t("chart.artisans"),
                                   hidden=hidden, decimal_comma=comma, in_order=True),
                   summary=breakdown_summary(funnel, category="state", hidden=hidden,
                                             template=t("chart.breakdown_summary"),
                                             decimal_comma=comma),
                   table=chart_table(funnel, {"state": t("label_kpi.state"),
                                              "count": t("chart.artisans")}, hidden, comma))
        st.caption(t("label_kpi.funnel_caption"))

    areas(frames[1], ("label_kpi.by_commune", "label_kpi.by_sector"),
          count_title=t("chart.artisans"), empty=t("label_kpi.no_breakdown"))
if not exact:
    st.caption(t("privacy.partner_note"))
