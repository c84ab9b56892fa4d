"""The campaign reach dashboard's views: the campaign filter (kept in the address, like the
period: ?campaign=3) and its tables, figures in the reader's language; reach appears per row
(channel and period) as entered, per channel only as the largest of one row, never summed."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from components.i18n import fmt_date, fmt_number, t

KEY = "dash_campaign_pick"


def campaign_filter(frame: pd.DataFrame) -> int | None:
    """The campaign chosen (None: all campaigns), read once from the address, written back.
    A campaign without its name (a partner's: free text is not disclosed) is named by dates."""
    names = {int(i): str(n) if isinstance(n, str) else
             t("campaign_kpi.unnamed", first=fmt_date(first), last=fmt_date(last))
             for i, n, first, last in zip(frame["id"], frame["name"], frame["starts_on"],
                                          frame["ends_on"], strict=True)}
    state = st.session_state
    if not state.get("dash_campaign_loaded"):
        state["dash_campaign_loaded"] = True
        wanted = st.query_params.get("campaign", "")
        state[KEY] = int(wanted) if wanted.isdigit() and int(wanted) in names else None
    if state.get(KEY) not in names:
        state[KEY] = None
    options: list[int | None] = [None, *names]
    every = t("campaign_kpi.all_campaigns")  # bound to this run's language
    # None shows the placeholder, not its label: both say "all campaigns"
    chosen = st.selectbox(t("campaign_kpi.campaign"), options, key=KEY, placeholder=every,
                          format_func=lambda i: names.get(i, "") if i else every)
    if chosen is None:
        if "campaign" in st.query_params:
            del st.query_params["campaign"]
    elif st.query_params.get("campaign") != str(chosen):
        st.query_params["campaign"] = str(chosen)
    return chosen


def _number(value: Any, decimals: int = 0, scale: float = 1.0) -> str:
    """A figure in the language's format; blank when the rows do not give it."""
    if value is None or pd.isna(value):
        return ""
    return fmt_number(float(value) * scale, decimals=decimals)


def _derived(value: Any, decimals: int = 2, scale: float = 1.0, unit: str = "") -> str:
    """A ratio in the language's format; "n/a" when there was nothing to divide by."""
    if value is None or pd.isna(value):
        return t("kpi.not_available")
    return fmt_number(float(value) * scale, decimals=decimals) + unit


def channel_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Per channel: its figures summed over the period's rows, CTR, CPM, CPC and the largest
    reach of one row, with headings in the reader's language."""
    columns = {
        t("campaign_kpi.channel"): [t("channel." + c) for c in frame["channel"]],
        t("campaign_kpi.rows"): [_number(v) for v in frame["rows"]],
        t("campaign.field.impressions"): [_number(v) for v in frame["impressions"]],
        t("campaign.field.clicks"): [_number(v) for v in frame["clicks"]],
        t("campaign.col.ctr"): [_derived(v, 2, 100.0, " %") for v in frame["ctr"]],
        t("campaign.field.spend_eur"): [_number(v, 2) for v in frame["spend_eur"]],
        t("campaign.col.cpm"): [_derived(v) for v in frame["cpm"]],
        t("campaign.col.cpc"): [_derived(v) for v in frame["cpc"]],
        t("campaign.field.flyers_distributed"): [_number(v) for v in frame["flyers_distributed"]],
        t("campaign_kpi.poster_face_days"): [_number(v) for v in frame["poster_face_days"]],
        t("campaign.field.spots_aired"): [_number(v) for v in frame["spots_aired"]],
        t("campaign.field.grp"): [_number(v, 2) for v in frame["grp"]],
        t("campaign_kpi.largest_reach"): [_number(v) for v in frame["largest_reach"]],
    }
    return pd.DataFrame(columns)


def rows_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Each row of the period as entered: campaign (not for partners: its name is free text),
    channel, period, impressions, reach and frequency (impressions / reach of that row)."""
    named = frame["campaign"].notna().any() or frame.empty
    return pd.DataFrame({
        **({t("campaign_kpi.campaign"): frame["campaign"].astype(str)} if named else {}),
        t("campaign_kpi.channel"): [t("channel." + c) for c in frame["channel"]],
        t("campaign.col.period"): [f"{fmt_date(s)} – {fmt_date(e)}" for s, e in
                                   zip(frame["period_start"], frame["period_end"], strict=True)],
        t("campaign.field.impressions"): [_number(v) for v in frame["impressions"]],
        t("campaign.field.reach"): [_number(v) for v in frame["reach"]],
        t("campaign.col.frequency"): [_derived(v) for v in frame["frequency"]],
    })


def series_table(frame: pd.DataFrame, period_title: str) -> pd.DataFrame:
    """The impressions series as a table: one row per week or month, one column per channel."""
    # summed in plain dicts: a few dozen rows, where pivot_table takes ~5 ms
    labels: dict[Any, str] = {}
    sums: dict[tuple[Any, str], float] = {}
    for start, label, channel, value in zip(frame["start"], frame["label"], frame["channel"],
                                            frame["impressions"], strict=True):
        labels.setdefault(start, label)  # a row without impressions counts 0, as pandas sums
        sums[start, channel] = sums.get((start, channel), 0.0) + (
            0.0 if pd.isna(value) else float(value))
    starts = sorted(labels)
    out = {period_title: [labels[s] for s in starts]}
    for channel in dict.fromkeys(frame["channel"]):
        out[t("channel." + channel)] = [_number(sums.get((s, channel))) for s in starts]
    return pd.DataFrame(out)
