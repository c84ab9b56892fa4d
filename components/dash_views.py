"""Chart blocks several dashboards draw alike: counts per commune and per sector side by side,
the members' growth with its targets, and a flow's progress towards its targets; each with its
summary (the chart's text alternative) and its data as a table, in the reader's language."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from components.chart_view import show_chart
from components.charts import (
    breakdown_chart,
    breakdown_summary,
    chart_table,
    growth_chart,
    growth_summary,
)
from components.i18n import current_language, fmt_date, t
from components.target_charts import progress_chart, progress_summary, progress_table, with_targets
from db.privacy import SMALL, UNKNOWN, Withheld
from db.reference import commune_name, sector_name


def hidden_labels() -> dict[str, str]:
    """How a hidden count reads in the charts and tables: "< 5", "not disclosed"."""
    return {SMALL: t("privacy.small_cell"), UNKNOWN: t("privacy.unknown_cell")}


def areas(frames: tuple[pd.DataFrame | Withheld, pd.DataFrame | Withheld],
          titles: tuple[str, str], *, count_title: str, empty: str) -> None:
    """Two breakdowns side by side, per commune then per sector: `frames` their counts (or
    Withheld), `titles` their headings' keys."""
    lang, comma, hidden = current_language(), current_language() != "en", hidden_labels()
    for column, frame, title_key, key, name_of, category_title in zip(
            st.columns(2), frames, titles, ("commune_nis", "sector"),
            (lambda code: commune_name(code, lang), lambda code: sector_name(code, lang)),
            (t("chart.commune"), t("chart.sector")), strict=True):
        with column:
            st.subheader(t(title_key))
            if isinstance(frame, Withheld):
                st.info(t("privacy.withheld"))
                continue
            if frame.empty:
                st.info(empty)
                continue
            frame = frame.assign(**{key: frame[key].map(name_of)})
            show_chart(breakdown_chart(frame, category=key, category_title=category_title,
                                       title=count_title, hidden=hidden, decimal_comma=comma),
                       summary=breakdown_summary(frame, category=key, hidden=hidden,
                                                 template=t("chart.breakdown_summary"),
                                                 decimal_comma=comma),
                       table=chart_table(frame, {key: category_title, "count": count_title},
                                         hidden, comma))


def growth(frame: pd.DataFrame, targets: pd.DataFrame, last_day: date) -> None:
    """Members to date per month (and new members per month), with the members' targets."""
    comma, hidden = current_language() != "en", hidden_labels()
    show_chart(growth_chart(frame, month=t("chart.month"), total=t("chart.members"),
                            new=t("chart.new_members"), hidden=hidden, decimal_comma=comma,
                            targets=targets, target_title=t("chart.target")),
               summary=with_targets(growth_summary(frame, template=t("chart.growth_summary"),
                                                   day=fmt_date(last_day), hidden=hidden,
                                                   decimal_comma=comma),
                                    targets, template=t("chart.target_summary"),
                                    decimal_comma=comma),
               table=chart_table(frame, {"month": t("chart.month"), "total": t("chart.members"),
                                         "new": t("chart.new_members")}, hidden, comma))


def progress(frame: pd.DataFrame, *, title: str, since_title: str,
             name: str | None = None) -> None:
    """A flow's count from each target's first day to each month end, against the target."""
    comma = current_language() != "en"
    show_chart(progress_chart(frame, month=t("chart.month"), title=title,
                              target_title=t("chart.target"), decimal_comma=comma),
               summary=with_targets(progress_summary(frame, template=t("chart.progress_summary"),
                                                     decimal_comma=comma),
                                    frame, template=t("chart.target_summary"),
                                    decimal_comma=comma),
               table=progress_table(frame, month=t("chart.month"), title=since_title,
                                    target_title=t("chart.target"),
                                    period_title=t("filters.period"), decimal_comma=comma),
               name=name)
    st.caption(t("chart.progress_caption"))
