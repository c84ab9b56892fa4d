"""The campaign figures screen's views: the campaign picker and the figures table, one row per
channel and period with the figures derived from that row alone (reach is never summed)."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from components.i18n import fmt_date, fmt_number, t
from components.plain import plain

PICK = "campaign_pick"
COUNTS = ("impressions", "reach", "clicks", "flyers_distributed", "poster_faces",
          "spots_aired")


def campaign_picker(frame: pd.DataFrame) -> int | None:
    """The campaign the screen works on (a campaign just created is chosen for the user)."""
    if frame.empty:
        st.info(t("campaign.none_yet"))
        return None
    names = {int(i): str(n) for i, n in zip(frame["id"], frame["name"], strict=True)}
    if (created := st.session_state.pop("campaign_created", None)) in names:
        st.session_state[PICK] = created
    if st.session_state.get(PICK) not in names:
        st.session_state[PICK] = next(iter(names))
    chosen = int(st.selectbox(t("campaign.pick"), list(names), key=PICK,
                              format_func=lambda i: names.get(i, str(i))))
    row = frame[frame["id"] == chosen].iloc[0]
    details = [t("campaign.dates", start=fmt_date(row.starts_on), end=fmt_date(row.ends_on))]
    if isinstance(row.slogan, str) and row.slogan:
        details.insert(0, f"« {plain(row.slogan)} »")
    st.caption(" · ".join(details))
    return chosen


def period_label(row: Any) -> str:
    """'Social networks · 3 Apr 2023 – 9 Apr 2023'."""
    return (f"{t('channel.' + row.channel)} · {fmt_date(row.period_start)} – "
            f"{fmt_date(row.period_end)}")


def _number(value: Any, decimals: int = 0, scale: float = 1.0) -> str:
    if value is None or pd.isna(value):
        return ""
    return fmt_number(float(value) * scale, decimals=decimals)


def figures_table(frame: pd.DataFrame) -> None:
    """The campaign's rows by period, each with frequency, CTR, CPM and CPC of that row."""
    if frame.empty:
        st.info(t("campaign.no_rows"))
        return
    shown = pd.DataFrame({
        "channel": [t("channel." + c) for c in frame["channel"]],
        "period": [f"{fmt_date(s)} – {fmt_date(e)}"
                   for s, e in zip(frame["period_start"], frame["period_end"], strict=True)]})
    for name in COUNTS[:3]:
        shown[name] = [_number(v) for v in frame[name]]
    shown["frequency"] = [_number(v, 2) for v in frame["frequency"]]
    shown["ctr"] = [_number(v, 2, 100.0) + (" %" if pd.notna(v) else "") for v in frame["ctr"]]
    shown["spend_eur"] = [_number(v, 2) for v in frame["spend_eur"]]
    shown["cpm"] = [_number(v, 2) for v in frame["cpm"]]
    shown["cpc"] = [_number(v, 2) for v in frame["cpc"]]
    for name in COUNTS[3:]:
        shown[name] = [_number(v) for v in frame[name]]
    shown["grp"] = [_number(v, 2) for v in frame["grp"]]
    labels = {c: t(f"campaign.col.{c}") for c in ("period", "frequency", "ctr", "cpm", "cpc")}
    labels |= {c: t(f"campaign.field.{c}") for c in shown.columns if c not in labels}
    st.dataframe(shown, hide_index=True, width="stretch", column_config=labels)
    st.caption(t("campaign.definitions"))
