"""Registry: find artisans by name, business, e-mail, enterprise number, commune, sector and
label state; open a profile; export the filtered list."""

from __future__ import annotations

import streamlit as st

from components.auth import current_actor
from components.data import registry_export_file, registry_page
from components.i18n import current_language, fmt_date, fmt_number, labeller, t
from components.registry_view import (
    commune_options,
    open_profile_picker,
    place_labeller,
    result_table,
    sector_options,
    trade_labeller,
)
from db import clock
from db.queries.registry import SORTS, RegistryFilter
from db.vocab import LABEL_STATES

actor = current_actor()
today = clock.today()
lang = current_language()
st.title(t("registry.title"))
if flash := st.session_state.pop("registry_flash", None):  # e.g. after an erasure
    st.success(t(flash))

st.text_input(t("registry.search"), key="registry_text", placeholder=t("registry.search_hint"),
              max_chars=100)
filters = st.columns(3)
with filters[0]:
    commune = st.selectbox(t("artisans.commune"), commune_options(), key="registry_commune",
                           format_func=place_labeller())
with filters[1]:
    sector = st.selectbox(t("artisans.sector"), sector_options(), key="registry_sector",
                          format_func=trade_labeller())
with filters[2]:
    state = st.selectbox(t("registry.label_state"), ["", *LABEL_STATES], key="registry_label",
                         format_func=labeller("label_state.", blank="registry.any"))
order = st.columns([2, 1])
with order[0]:
    sort = st.selectbox(t("registry.sort"), SORTS, key="registry_sort",
                        format_func=labeller("registry.sort_"))
with order[1]:
    descending = st.toggle(t("registry.descending"), key="registry_descending")

chosen = RegistryFilter(text=str(st.session_state.get("registry_text") or ""),
                        commune_nis=commune or None, sector=sector or None,
                        label_state=state or None)
if st.session_state.get("registry_last_filter") != chosen:  # a new search starts on page 1
    st.session_state["registry_last_filter"] = chosen
    st.session_state["registry_page"] = 1
page = registry_page(chosen, today, actor.role, sort, descending,
                     int(st.session_state.get("registry_page", 1)))

st.caption(t("registry.count", count=fmt_number(page.total)) if page.total
           else t("registry.none"))
if page.total:
    result_table(page.rows, lang, today)
    nav = st.columns([1, 2, 1])
    with nav[1]:
        st.number_input(t("registry.page", pages=fmt_number(page.pages)), min_value=1,
                        max_value=page.pages, key="registry_page", step=1)
    open_profile_picker(page.rows)
    st.subheader(t("registry.export"))
    st.caption(t("registry.export_caption", day=fmt_date(today)))
    files = st.columns(2)
    for column, kind in zip(files, ("csv", "xlsx"), strict=True):
        with column:
            name, mime, make = registry_export_file(actor, chosen, today, lang, kind)
            st.download_button(t(f"registry.export_{kind}"), data=make, file_name=name,
                               mime=mime, icon=":material/download:", on_click="ignore")
