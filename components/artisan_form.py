"""The inputs of an artisan's record, shared by the new-artisan and the edit forms."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from components.forms import field_error
from components.i18n import current_language, labeller, t
from components.registry_view import place_labeller, trade_labeller
from db.identity import format_enterprise_number
from db.queries.artisans import FIELDS, MAX_NOTES
from db.reference import communes, craft_sectors
from db.vocab import LANGUAGES, SOURCES

LANGUAGE_NAMES = {"fr": "Français", "nl": "Nederlands", "en": "English"}
AUTO = ""  # the commune option "from the postcode"


def load_defaults(prefix: str, values: Mapping[str, Any]) -> None:
    """Put a record's values in the widgets of a form (once; typed values are kept after)."""
    for name in FIELDS:
        value = values.get(name)
        if name == "enterprise_number":
            value = format_enterprise_number(value)
        if name == "commune_nis" and values.get("postcode"):
            value = AUTO  # with a postcode, the commune follows it
        st.session_state.setdefault(f"{prefix}_{name}", "" if value is None else value)


def artisan_inputs(prefix: str, form: str) -> None:
    """Every field of an artisan inside a st.form, each followed by its error message."""
    st.session_state.setdefault(f"{prefix}_language", current_language())
    names = st.columns(2)
    for column, name, limit in ((names[0], "first_name", 80), (names[1], "last_name", 80)):
        with column:
            st.text_input(t(f"artisans.{name}"), key=f"{prefix}_{name}", max_chars=limit)
            field_error(form, name)
    st.text_input(t("artisans.business_name"), key=f"{prefix}_business_name", max_chars=150)
    field_error(form, "business_name")
    contact = st.columns(2)
    with contact[0]:
        st.text_input(t("artisans.email"), key=f"{prefix}_email", max_chars=200)
        field_error(form, "email")
    with contact[1]:
        st.text_input(t("artisans.phone"), key=f"{prefix}_phone", max_chars=30,
                      placeholder="+32 470 12 34 56")
        field_error(form, "phone")
    st.text_input(t("artisans.enterprise_number"), key=f"{prefix}_enterprise_number",
                  max_chars=20, placeholder="0123.456.789", help=t("artisans.enterprise_help"))
    field_error(form, "enterprise_number")
    place = st.columns(2)
    with place[0]:
        st.text_input(t("artisans.postcode"), key=f"{prefix}_postcode", max_chars=4,
                      placeholder="1000")
        field_error(form, "postcode")
    with place[1]:
        st.selectbox(t("artisans.commune"), [AUTO, *(c.nis_code for c in communes())],
                     key=f"{prefix}_commune_nis",
                     format_func=place_labeller("artisans.commune_auto"),
                     help=t("artisans.commune_help"))
        field_error(form, "commune_nis")
    st.selectbox(t("artisans.sector"), ["", *(s.code for s in craft_sectors())],
                 key=f"{prefix}_sector", format_func=trade_labeller("artisans.no_sector"))
    field_error(form, "sector")
    more = st.columns(2)
    with more[0]:
        st.selectbox(t("artisans.language"), LANGUAGES, key=f"{prefix}_language",
                     format_func=LANGUAGE_NAMES.__getitem__)
    with more[1]:
        st.selectbox(t("artisans.source"), SOURCES, key=f"{prefix}_source",
                     format_func=labeller("source."))
        field_error(form, "source")
    st.text_area(t("artisans.notes"), key=f"{prefix}_notes", max_chars=MAX_NOTES,
                 help=t("artisans.notes_help"))
    field_error(form, "notes")


def typed_fields(prefix: str) -> dict[str, str]:
    """What the form holds now, as typed (the write cleans and checks it)."""
    return {name: str(st.session_state.get(f"{prefix}_{name}") or "") for name in FIELDS}
