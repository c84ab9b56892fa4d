"""Campaign reach dashboard: impressions, clicks, spend and campaign sign-ups for a period (all
campaigns, or one) against the previous period of equal length; per channel the summed
figures with CTR, CPM and CPC; impressions by week or month; reach per channel and period as
entered, never summed. Partners see the media figures as reported and the sign-ups disclosed."""

from __future__ import annotations

import streamlit as st

from components import dashboard_cards as cards_of
from components.auth import current_actor
from components.campaign_dash_view import (
    campaign_filter,
    channel_table,
    rows_table,
    series_table,
)
from components.channel_charts import (
    channel_chart,
    channel_series_chart,
    channel_summary,
    series_summary,
)
from components.chart_view import show_chart
from components.dash_views import progress as progress_view
from components.dashboard_data import (
    campaign_channels,
    campaign_figures_kpis,
    campaign_rows,
    campaign_series,
    dash_campaigns,
)
from components.i18n import current_language, t
from components.kpi_view import cards
from components.period_filter import filters
from components.targets_data import flow_progress
from db import clock
from db.periods import Scope
from db.queries.campaign_kpis import series_grain
from db.reads import sees_exact
from db.vocab import CHANNELS

CARDS = cards_of.CAMPAIGN

actor = current_actor()
today = clock.today()
comma = current_language() != "en"
names = {c: t("channel." + c) for c in CHANNELS}
st.title(t("nav.dash_campaign"))
scope = filters(today, sees_exact(actor.role))
campaign = campaign_filter(dash_campaigns(actor.role))
st.caption(t("campaign_kpi.rule"))
before = Scope(scope.period.previous(), scope.commune, scope.sector)
cards(campaign_figures_kpis(scope, campaign, actor.role),
      campaign_figures_kpis(before, campaign, actor.role), CARDS)

st.subheader(t("campaign_kpi.by_channel"))
channels = campaign_channels(scope, campaign, actor.role)
if channels.empty:
    st.info(t("campaign_kpi.no_figures"))
else:
    table = channel_table(channels)
    if channels["impressions"].notna().any():
        show_chart(channel_chart(channels, column="impressions", names=names,
                                 title=t("campaign_kpi.impressions"),
                                 channel_title=t("campaign_kpi.channel"), decimal_comma=comma),
                   summary=channel_summary(channels, column="impressions", names=names,
                                           template=t("campaign_kpi.channel_summary"),
                                           decimal_comma=comma),
                   table=table[[t("campaign_kpi.channel"), t("campaign.field.impressions")]],
                   name="campaign-channels")
    else:
        st.info(t("campaign_kpi.no_impressions"))
    st.dataframe(table, hide_index=True, width="stretch")
    st.caption(t("campaign_kpi.channel_definitions"))

weekly = series_grain(scope.period) == "week"
st.subheader(t("campaign_kpi.by_week" if weekly else "campaign_kpi.by_month"))
series = campaign_series(scope, campaign, actor.role)
period_title = t("campaign_kpi.week" if weekly else "chart.month")
if series.empty:
    st.info(t("campaign_kpi.no_impressions" if not channels.empty else "campaign_kpi.no_figures"))
else:
    show_chart(channel_series_chart(series, names=names, period_title=period_title,
                                    channel_title=t("campaign_kpi.channel"),
                                    title=t("campaign_kpi.impressions"), decimal_comma=comma),
               summary=series_summary(series, template=t("campaign_kpi.series_summary"),
                                      decimal_comma=comma),
               table=series_table(series, period_title), name="campaign-impressions")
    st.caption(t("campaign_kpi.series_caption"))

# the target counts every campaign's impressions: drawn only over all campaigns
progress = flow_progress("campaign_impressions", scope, today, actor.role, campaign is None)
if not progress.empty:
    st.subheader(t("campaign_kpi.impressions_progress"))
    progress_view(progress, title=t("campaign_kpi.impressions"),
                  since_title=t("chart.impressions_since_start"),
                  name="campaign-impressions-target")

st.subheader(t("campaign_kpi.reach_rows"))
rows = campaign_rows(scope, campaign, actor.role)
if rows.empty:
    st.info(t("campaign_kpi.no_figures"))
else:
    st.dataframe(rows_table(rows), hide_index=True, width="stretch")
    st.caption(t("campaign_kpi.reach_caption"))
if not sees_exact(actor.role):
    st.caption(t("campaign_kpi.partner_note"))
