"""The dashboards' filters: a period (quick picks or custom days), a commune and a craft sector,
kept in the page's address (?period=this_year&commune=21004…) so that a manager can send a
link to exactly what they see. Partners get two fixed periods only, region-wide."""

from __future__ import annotations

from datetime import date

import streamlit as st

from components.i18n import current_language, fmt_date, labeller, t
from db.periods import (
    EARLIEST,
    LATEST,
    QUICK_PICKS,
    Period,
    Scope,
    partner_picks,
    quick_period,
)
from db.reference import commune_name, communes, craft_sectors, sector_name

DEFAULT_PICK = "this_year"


def _day(text: str | None) -> date | None:
    try:
        day = date.fromisoformat(text or "")
    except ValueError:
        return None
    return day if EARLIEST <= day <= LATEST else None


def _from_address(today: date, picks: tuple[str, ...]) -> None:
    """Fill the filter widgets from the address once (a shared link), before they are drawn."""
    state, params = st.session_state, st.query_params
    if state.get("filters_loaded"):
        if state.get("filter_period") not in picks:  # a partner signed in after a manager
            state["filter_period"] = DEFAULT_PICK
        return
    state["filters_loaded"] = True
    pick = params.get("period", DEFAULT_PICK)
    state["filter_period"] = pick if pick in picks else DEFAULT_PICK
    first, last = _day(params.get("from")), _day(params.get("to"))
    state["filter_days"] = (first, last) if first and last and first <= last else (
        quick_period(DEFAULT_PICK, today).start, today)
    commune = params.get("commune")
    state["filter_commune"] = commune if commune in {c.nis_code for c in communes()} else None
    sector = params.get("sector")
    state["filter_sector"] = sector if sector in {s.code for s in craft_sectors()} else None


def _to_address(pick: str, period: Period, commune: str | None, sector: str | None) -> None:
    wanted = {"period": pick}
    if pick == "custom":
        wanted |= {"from": period.start.isoformat(), "to": period.end.isoformat()}
    if commune:
        wanted["commune"] = commune
    if sector:
        wanted["sector"] = sector
    for key in ("period", "from", "to", "commune", "sector"):
        if key in wanted and st.query_params.get(key) != wanted[key]:
            st.query_params[key] = wanted[key]
        elif key not in wanted and key in st.query_params:
            del st.query_params[key]


def filters(today: date, exact: bool) -> Scope:
    """Draw the filters and return the scope. Partners get this year and the plan 2023-2024
    only, region-wide (db.periods.partner_picks; db/reads.py refuses them any other scope):
    commune, sector and custom days are for staff and up."""
    picks = QUICK_PICKS if exact else partner_picks(today)
    _from_address(today, picks)
    lang = current_language()
    cells = st.columns([2, 2, 2, 2] if exact else [2, 3])
    pick = cells[0].selectbox(t("filters.period"), picks, key="filter_period",
                              format_func=labeller("filters.pick_"))
    if pick == "custom":
        days = cells[1].date_input(t("filters.days"), key="filter_days", min_value=EARLIEST,
                                   max_value=LATEST, format="DD/MM/YYYY")
        first, last = (days if isinstance(days, tuple) and len(days) == 2
                       else (today, today))
        period = Period(first, last) if first <= last else Period(last, first)
    else:
        period = quick_period(pick, today)
        cells[1].caption(t("filters.span", first=fmt_date(period.start),
                           last=fmt_date(period.end)))
    commune = sector = None
    if exact:
        names = {c.nis_code: commune_name(c.nis_code, lang) for c in communes()}
        everywhere = t("filters.all_communes")
        options: list[str | None] = [None, *sorted(names, key=lambda c: names[c])]
        # None shows the placeholder, not its label: both say "the whole Region"
        commune = cells[2].selectbox(t("filters.commune"), options, placeholder=everywhere,
                                     key="filter_commune",
                                     format_func=lambda c: names.get(c, "") if c else everywhere)
        sectors = {s.code: sector_name(s.code, lang) for s in craft_sectors()}
        every_sector = t("filters.all_sectors")
        kinds: list[str | None] = [None, *sorted(sectors, key=lambda c: sectors[c])]
        sector = cells[3].selectbox(t("filters.sector"), kinds, placeholder=every_sector,
                                    key="filter_sector",
                                    format_func=lambda s: sectors.get(s, "") if s else
                                    every_sector)
    _to_address(pick, period, commune, sector)
    if not exact:
        st.caption(t("privacy.partner_periods"))
    return Scope(period, commune, sector)
