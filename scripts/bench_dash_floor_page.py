"""The dashboard benchmark's floor: 6 metrics and 3 small Altair charts from constant tiny data."""

import altair as alt
import pandas as pd
import streamlit as st

MONTHS = pd.DataFrame({"month": pd.date_range("2024-01-01", periods=6, freq="MS"),
                       "total": [10, 14, 19, 25, 28, 33], "new": [10, 4, 5, 6, 3, 5]})
SHARES = pd.DataFrame({"category": ["a", "b", "c", "d"], "count": [12, 9, 7, 5]})

st.title("Floor")
for column, (label, value) in zip(st.columns(3) + st.columns(3), (
        ("Members", 1234), ("Certified", 101), ("Impressions", 45678),
        ("Sessions", 321), ("Open", 12), ("Overdue", 3)), strict=True):
    column.metric(label, f"{value:,}", help="A constant.", border=True)
st.altair_chart(alt.Chart(MONTHS).mark_line(point=True).encode(x="month:T", y="total:Q")
                + alt.Chart(MONTHS).mark_bar().encode(x="month:T", y="new:Q"), width="stretch")
left, right = st.columns(2)
for column in (left, right):
    column.altair_chart(alt.Chart(SHARES).mark_bar().encode(x="count:Q", y="category:N"),
                        width="stretch")
