"""Targets on screen: the current period of each indicator (value now, target, share reached,
pace projection) and every target as a table; figures in the language's format."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from components.i18n import fmt_date, fmt_number, t
from db.vocab import INDICATORS


def _missing(value: float | None) -> bool:
    return value is None or value != value  # None, or NaN in a float column of a frame


def share_text(share: float | None) -> str:
    """A share reached as a whole percentage (empty for a target of 0)."""
    if share is None or _missing(share):
        return ""
    return t("targets.share", pct=fmt_number(round(share * 100)))


def projection_text(projection: float | None) -> str:
    """A projected value, rounded (empty: no pace yet, or the period has not begun)."""
    if projection is None or _missing(projection):
        return ""
    return fmt_number(round(projection))


def period_text(start: date, end: date) -> str:
    """'1 Jan 2024 – 31 Dec 2024' in the language's format."""
    return t("targets.period", start=fmt_date(start), end=fmt_date(end))


def _card(row: pd.Series, today: date) -> None:
    with st.container(border=True):
        st.metric(t(f"indicator.{row['indicator']}"), fmt_number(int(row["value"])),
                  help=t(f"targets.def.{row['indicator']}"))
        st.caption(period_text(row["period_start"], row["period_end"]))
        target = fmt_number(round(float(row["target_value"])))
        reached = share_text(row["share"])
        line = t("targets.of_target", target=target)
        st.markdown(line + (" · " + t("targets.reached", share=reached) if reached else ""))
        if reached:
            st.progress(min(1.0, max(0.0, float(row["share"]))))
        if today == row["period_start"]:
            st.caption(t("targets.pace_first_day"))
        elif (projected := projection_text(row["projection"])):
            st.markdown("**" + t("targets.pace", n=projected,
                                 day=fmt_date(row["period_end"])) + "**")


def current_periods(frame: pd.DataFrame, today: date) -> None:
    """One card per indicator whose target covers today, in the plan's order of indicators."""
    running = frame[frame["status"] == "running"]
    if running.empty:
        st.info(t("targets.no_current"))
        return
    rows = sorted((row for _, row in running.iterrows()),
                  key=lambda row: INDICATORS.index(row["indicator"]))
    for start in range(0, len(rows), 3):
        for column, row in zip(st.columns(3), rows[start:start + 3], strict=False):
            with column:
                _card(row, today)


def targets_table(frame: pd.DataFrame) -> None:
    """Every target with its status, value, share reached and projection."""
    if frame.empty:
        st.info(t("targets.none"))
        return
    shown = pd.DataFrame({
        "indicator": [t(f"indicator.{i}") for i in frame["indicator"]],
        "period": [period_text(s, e) for s, e in zip(frame["period_start"], frame["period_end"],
                                                     strict=True)],
        "status": [t(f"target_status.{s}") for s in frame["status"]],
        "target": [fmt_number(round(float(v))) for v in frame["target_value"]],
        "value": [fmt_number(int(v)) for v in frame["value"]],
        "share": [share_text(s) for s in frame["share"]],
        "projection": [projection_text(p) for p in frame["projection"]]})
    helps = {"value": t("targets.value_help"), "projection": t("targets.projection_help")}
    st.dataframe(shown, hide_index=True, width="stretch", column_config={
        c: st.column_config.TextColumn(t(f"targets.col_{c}"), help=helps.get(c))
        for c in shown.columns})
