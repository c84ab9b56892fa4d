"""A chart with its text alternative: a one-line summary and its data as a table on demand."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from components.i18n import t


def show_chart(chart: alt.LayerChart, *, summary: str, table: pd.DataFrame) -> None:
    """Draw a chart whose summary is also its accessible description (WCAG 1.1.1), followed by
    the summary as text and, behind an expander, the chart's data as a table."""
    st.altair_chart(chart.properties(description=summary), width="stretch", alt=summary)
    st.caption(summary)
    with st.expander(t("chart.data"), icon=":material/table:"):
        st.dataframe(table, hide_index=True, width="stretch")
