"""The import screen's previews: counts, tables of rows in words, their CSV downloads."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from components.downloads import csv_bytes
from components.i18n import current_language, fmt_number, t
from db.reference import commune_name

# Our columns in the tables: their header, and how a value reads (keys become sentences).
VALUES: dict[str, Callable[[Any], str]] = {
    "field": lambda v: t(f"imports.field.{v}") if v else "",
    "reason": lambda v: t(v) if v else "",
    "match": lambda v: t(f"imports.match.{v}") if v else "",
    "commune_nis": lambda v: commune_name(v, current_language()) if v else "",
}
OURS = ("row", "field", "reason", "artisan_id", "match", "commune_nis", "certify_on",
        "withdraw_on")


def column_mapping(fields: tuple[str, ...], headers: list[str], guess: dict[str, str | None],
                   key_prefix: str, label_prefix: str, width: int) -> dict[str, str | None]:
    """One selectbox per field (options: the file's headers), preselected by the guess and
    kept by its key across reruns; a new file starts again from the guess."""
    options = ["", *headers]
    absent = t("imports.not_imported")  # bound now: format_func may run outside this run
    columns = st.columns(width)
    for i, name in enumerate(fields):
        key = f"{key_prefix}{name}"
        if st.session_state.get(key) not in options:
            st.session_state[key] = guess[name] or ""
        columns[i % width].selectbox(t(f"{label_prefix}{name}"), options, key=key,
                                     format_func=lambda h: h or absent)
    return {name: st.session_state[f"{key_prefix}{name}"] or None for name in fields}


def _readable(table: pd.DataFrame) -> pd.DataFrame:
    """Reason keys, fields, communes turned into words of the session's language."""
    return table.assign(**{name: table[name].map(show) for name, show in VALUES.items()
                           if name in table.columns})


def show_table(table: pd.DataFrame) -> None:
    """A preview group; the file's text only ever in a dataframe, never as markdown."""
    if table.empty:
        st.info(t("imports.no_rows"))
        return
    st.dataframe(_readable(table), hide_index=True, width="stretch",
                 column_config={c: t(f"imports.col.{c}") for c in OURS if c in table.columns})


def download(table: pd.DataFrame, label: str, name: str, key: str) -> None:
    """A button downloading a preview group as CSV, with our columns named in words."""
    readable = _readable(table).rename(
        columns={c: t(f"imports.col.{c}") for c in OURS if c in table.columns})
    st.download_button(t(label), data=csv_bytes(readable), file_name=name, mime="text/csv",
                       icon=":material/download:", key=key, on_click="ignore")


def metrics(counts: dict[str, int]) -> None:
    """One metric per status, side by side."""
    for column, (status, count) in zip(st.columns(len(counts)), counts.items(), strict=True):
        column.metric(t(f"imports.status.{status}"), fmt_number(count))
