"""Pieces of the events screens: the event tables with their counts, opening an event."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import streamlit as st

from components.i18n import current_language, fmt_date, fmt_number, fmt_time, t
from components.plain import plain
from db.reference import commune_name
from db.vocab import EVENT_KINDS

EVENT_PAGE = "pages/event.py"
COUNTS = ("registered", "attended", "walk_ins", "no_shows", "cancelled")


def when(moment: datetime) -> str:
    """An event's day and Brussels time, e.g. 'jeu. 19 mars 2026 · 18:00'."""
    return f"{fmt_date(moment.date(), style='full')} · {fmt_time(moment)}"


def _display(frame: pd.DataFrame) -> pd.DataFrame:
    lang = current_language()
    return pd.DataFrame({
        "day": [fmt_date(m.date()) + " " + fmt_time(m) for m in frame["starts_at"]],
        "title": frame["title"],
        "kind": [t("event_kind." + k) if k in EVENT_KINDS else k for k in frame["kind"]],
        "place": [" · ".join(p for p in (v or "", commune_name(c, lang) if c else "") if p)
                  for v, c in zip(frame["venue"], frame["commune_nis"], strict=True)],
        "capacity": [fmt_number(c) if c and not pd.isna(c) else "" for c in frame["capacity"]],
        **{name: frame[name].astype(int) for name in COUNTS},
    })


def event_table(frame: pd.DataFrame, key: str) -> None:
    """Events with their attendance counts; choosing a row opens the event."""
    if frame.empty:
        st.info(t("event_ui.none"))
        return
    shown = _display(frame)
    event = st.dataframe(shown, hide_index=True, width="stretch", key=key, on_select="rerun",
                         selection_mode="single-row",
                         column_config={c: t(f"event_ui.col_{c}") for c in shown.columns})
    picked = getattr(getattr(event, "selection", None), "rows", None)
    if picked:
        st.switch_page(EVENT_PAGE, query_params={"id": str(int(frame.iloc[picked[0]]["id"]))})
    ids = [int(i) for i in frame["id"]]
    names = dict(zip(ids, [f"{d} – {ti}" for d, ti in zip(shown["day"], frame["title"],
                                                           strict=True)], strict=True))
    pick = st.columns([3, 1], vertical_alignment="bottom")
    with pick[0]:
        chosen = st.selectbox(t("event_ui.open"), ids, key=f"{key}_open",
                              format_func=lambda i: names.get(i, str(i)))
    with pick[1]:
        if chosen is not None:
            st.page_link(EVENT_PAGE, label=t("event_ui.open_link"), icon=":material/event:",
                         query_params={"id": str(chosen)})


def event_heading(title: str, starts_at: datetime, venue: str | None,
                  commune_nis: str | None) -> None:
    """An event's title (as typed, plain text) with its day, time and place under it."""
    st.title(plain(title))
    place = [venue or "", commune_name(commune_nis, current_language()) if commune_nis else ""]
    st.caption(plain(" · ".join(p for p in (when(starts_at), *place) if p)))
