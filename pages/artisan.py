"""Artisan profile: who they are, their label state, and their whole story with the plan, with
the forms to correct the record, record a label step, record consent and (admins) erase."""

from __future__ import annotations

import streamlit as st

from components.address import address_id
from components.auth import current_actor
from components.data import artisan_profile, artisan_timeline, label_steps
from components.i18n import t
from components.profile_forms import consent_form, edit_form, erase_form, label_form
from components.profile_view import details, heading, label_history, timeline
from db import clock
from db.permissions import ADMINS

actor = current_actor()
if st.session_state.pop("artisan_erased", None):  # the record is gone: back to the registry
    st.switch_page("pages/registry.py")
artisan_id = address_id()
profile = artisan_profile(artisan_id, clock.today(), actor.role) if artisan_id else None
if profile is None:
    st.title(t("nav.artisan"))
    st.warning(t("artisans.not_found"))
    st.page_link("pages/registry.py", label=t("profile.back"), icon=":material/arrow_back:")
    st.stop()

heading(profile)
if flash := st.session_state.pop("artisan_flash", None):
    st.success(t(flash))
links = st.columns(2)
links[0].page_link("pages/registry.py", label=t("profile.back"), icon=":material/arrow_back:")
links[1].page_link("pages/coaching.py", label=t("coaching.to_log"), icon=":material/edit_note:",
                   query_params={"artisan": str(profile.id)})
details(profile)

names = ["profile.tab_timeline", "profile.tab_label", "profile.tab_edit", "profile.tab_consent"]
if actor.role in ADMINS:
    names.append("profile.tab_erase")
tabs = dict(zip(names, st.tabs([t(n) for n in names]), strict=True))
with tabs["profile.tab_timeline"]:
    timeline(artisan_timeline(profile.id, actor.role))
with tabs["profile.tab_label"]:
    label_history(label_steps(profile.id, actor.role))
    label_form(actor, profile)
with tabs["profile.tab_edit"]:
    edit_form(actor, profile)
with tabs["profile.tab_consent"]:
    consent_form(actor, profile)
if "profile.tab_erase" in tabs:
    with tabs["profile.tab_erase"]:
        erase_form(actor, profile)
