"""Pieces of the registry screen: filter options, the result table, opening a profile."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pandas as pd
import streamlit as st

from components.i18n import current_language, fmt_date, t, translate
from db.reference import commune_name, communes, craft_sectors, sector_name

PROFILE = "pages/artisan.py"


def commune_options() -> list[str]:
    """'' (any commune) then the 19 NIS codes."""
    return ["", *(c.nis_code for c in communes())]


def place_labeller(blank: str = "registry.any") -> Callable[[str], str]:
    """A format_func naming commune options in this run's language ('' is `blank`)."""
    lang = current_language()
    return lambda nis: translate(blank, lang) if not nis else commune_name(nis, lang)


def sector_options() -> list[str]:
    """'' (any sector) then the craft sector codes."""
    return ["", *(s.code for s in craft_sectors())]


def trade_labeller(blank: str = "registry.any") -> Callable[[str], str]:
    """A format_func naming craft sector options in this run's language ('' is `blank`)."""
    lang = current_language()
    return lambda code: translate(blank, lang) if not code else sector_name(code, lang)


def _display(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The page of results as shown: names joined, codes named, states translated."""
    return pd.DataFrame({
        "name": rows["last_name"] + " " + rows["first_name"],
        "business": rows["business_name"].fillna(""),
        "commune": [commune_name(c, lang) if c else "" for c in rows["commune_nis"]],
        "sector": [sector_name(s, lang) if s else "" for s in rows["sector"]],
        "label": [t("label_state." + s) for s in rows["label_state"]],
        "expires": [fmt_date(d) if isinstance(d, date) else "" for d in rows["label_expires_on"]],
        "email": rows["email"].fillna(""),
        "phone": rows["phone"].fillna(""),
        "enterprise_number": rows["enterprise_number"].fillna(""),
    })


def result_table(rows: pd.DataFrame, lang: str, today: date) -> None:
    """The results; choosing a row opens that artisan's profile."""
    shown = _display(rows, lang)
    event = st.dataframe(
        shown, hide_index=True, width="stretch", key="registry_results",
        on_select="rerun", selection_mode="single-row",
        column_config={name: t(f"registry.col_{name}") for name in shown.columns})
    picked = getattr(getattr(event, "selection", None), "rows", None)
    if picked:
        st.switch_page(PROFILE, query_params={"id": str(int(rows.iloc[picked[0]]["id"]))})


def open_profile_picker(rows: pd.DataFrame) -> None:
    """The keyboard way to a profile: pick a result of this page, follow the link."""
    ids = [int(i) for i in rows["id"]]
    names = dict(zip(ids, rows["last_name"] + " " + rows["first_name"], strict=True))
    pick = st.columns([3, 1], vertical_alignment="bottom")
    with pick[0]:
        chosen = st.selectbox(t("registry.open"), ids, key="registry_open",
                              format_func=lambda i: names.get(i, str(i)))
    with pick[1]:
        if chosen is not None:
            st.page_link(PROFILE, label=t("registry.open_link"), icon=":material/badge:",
                         query_params={"id": str(chosen)})
