"""Community growth dashboard: members to date, new and returning, repeat and no-show rates for
a period against the previous one of equal length; members by month, new vs returning per
event, members by commune and sector; partners see the figures and the members by month,
disclosed (docs/privacy.md)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import dashboard_cards as cards_of
from components.auth import current_actor
from components.chart_view import show_chart
from components.charts import (
    chart_table,
    new_returning_chart,
    new_returning_summary,
)
from components.dash_views import areas, hidden_labels
from components.dash_views import growth as growth_view
from components.dashboard_data import community_view
from components.i18n import current_language, t
from components.kpi_view import cards, rates
from components.period_filter import filters
from components.targets_data import chart_targets
from db import clock
from db.reads import sees_exact

CARDS = cards_of.COMMUNITY


def _nothing_to_draw(frame: pd.DataFrame) -> bool:
    """No bar to draw: no attendee at all, and none hidden as "< 5" either."""
    counts = frame[["new", "returning"]].fillna(0).to_numpy().sum()
    return bool(counts == 0 and not (frame.filter(like="_hidden") != "").to_numpy().any())


actor = current_actor()
today = clock.today()
comma = current_language() != "en"
hidden = hidden_labels()
st.title(t("nav.dash_community"))
scope = filters(today, sees_exact(actor.role))
view = community_view(scope, today, actor.role)  # events and places: None for partners
cards(view.figures, view.previous, CARDS)

st.subheader(t("community.growth_title"))
if view.growth.empty:
    st.info(t("community.no_members"))
else:
    last_day = min(scope.period.end, today)
    growth_view(view.growth, chart_targets("community_members", scope, actor.role), last_day)
    st.caption(t("community.growth_caption"))

events = view.events  # staff and up (partners get no split of the attendances: their sums with
if events is not None:  # the growth chart would single someone out, docs/privacy.md)
    st.subheader(t("community.per_event_title"))
    if _nothing_to_draw(events):
        st.info(t("community.no_events"))
    else:
        bars = events.assign(rate=rates(events["no_show_rate"]))
        show_chart(new_returning_chart(bars, label="label", label_title=t("community.event_day"),
                                       new=t("community.new"), returning=t("community.returning"),
                                       hidden=hidden, decimal_comma=comma),
                   summary=new_returning_summary(bars, label="label", hidden=hidden,
                                                 template=t("community.new_returning_summary"),
                                                 decimal_comma=comma),
                   table=chart_table(bars, {
                       "label": t("community.event_day"), "title": t("community.event"),
                       "attended": t("community.attended"), "new": t("community.new"),
                       "returning": t("community.returning"),
                       "walk_ins": t("community.walk_ins"),
                       "registrations": t("community.registrations"),
                       "no_shows": t("community.no_shows"), "rate": t("community.no_show_rate")},
                       hidden, comma))
        st.caption(t("community.per_event_caption"))

if view.places is not None:  # partners: members per commune and sector on the Overview
    areas(view.places, ("community.by_commune", "community.by_sector"),
          count_title=t("chart.members"), empty=t("community.no_members"))
    st.caption(t("community.breakdown_caption"))
else:
    st.caption(t("privacy.partner_note"))
