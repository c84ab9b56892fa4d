"""New artisan: the record's fields, a duplicate check before saving, then the new profile."""

from __future__ import annotations

import streamlit as st

from components.artisan_form import artisan_inputs, typed_fields
from components.auth import current_actor
from components.forms import form_feedback, submit
from components.i18n import current_language, t
from components.plain import plain
from db.engine import session_scope
from db.queries.artisans import DuplicatesFound, create_artisan
from db.reference import commune_name

actor = current_actor()
FORM = "artisan_new"
st.title(t("artisans.new_title"))
st.caption(t("artisans.new_caption"))


def _create() -> None:
    allow = bool(st.session_state.get(f"{FORM}_allow_duplicates"))
    st.session_state.pop(f"{FORM}_duplicates", None)
    try:
        with session_scope() as session:
            artisan = create_artisan(session=session, actor=actor, fields=typed_fields(FORM),
                                     allow_duplicates=allow)
            st.session_state[f"{FORM}_created"] = artisan.id
    except DuplicatesFound as found:  # shown below the form, with a link to each record
        st.session_state[f"{FORM}_duplicates"] = found.duplicates
        raise


with st.form(FORM):
    st.session_state.setdefault(f"{FORM}_source", "other")
    artisan_inputs(FORM, FORM)
    duplicates = st.session_state.get(f"{FORM}_duplicates") or []
    if any(d.reason == "name_commune" for d in duplicates) and all(
            d.reason == "name_commune" for d in duplicates):
        st.checkbox(t("artisans.allow_duplicate"), key=f"{FORM}_allow_duplicates")
    st.form_submit_button(t("artisans.create"), type="primary", on_click=submit,
                          args=(FORM, _create, "artisans.created"))
    form_feedback(FORM)

if duplicates:
    st.subheader(t("artisans.duplicates_title"))
    lang = current_language()
    for dup in duplicates:
        place = commune_name(dup.commune_nis, lang) if dup.commune_nis else ""
        label = " · ".join(p for p in (f"{dup.first_name} {dup.last_name}",
                                        dup.business_name or "", place) if p)
        st.page_link("pages/artisan.py", label=f"{plain(label)} ({t('duplicate.' + dup.reason)})",
                     icon=":material/open_in_new:", query_params={"id": str(dup.id)})

if created := st.session_state.pop(f"{FORM}_created", None):
    for key in [k for k in st.session_state if str(k).startswith(f"{FORM}_")]:
        del st.session_state[key]  # a clean form for the next artisan
    st.session_state["artisan_flash"] = "artisans.created"
    st.switch_page("pages/artisan.py", query_params={"id": str(created)})
