"""The forms of an artisan's profile: edit, label step, consent and (admins) erasure."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import streamlit as st

from components.artisan_form import artisan_inputs, load_defaults, typed_fields
from components.forms import field_error, form_feedback, submit, value
from components.i18n import labeller, t
from db import clock
from db.engine import session_scope
from db.permissions import Actor
from db.queries.artisans import FIELDS, set_consent, update_artisan
from db.queries.erasure import erase_artisan
from db.queries.label import next_states, record_label_step
from db.queries.profile import ArtisanProfile

EDIT, STEP, CONSENT, ERASE = "artisan_edit", "artisan_step", "artisan_consent", "artisan_erase"


def _version_key(artisan_id: int) -> str:
    return f"artisan_version_{artisan_id}"


def seen_version(profile: ArtisanProfile) -> int:
    """The record's version when this tab loaded the forms' values: edits are made from it.
    Streamlit forgets a widget's value once a run does not draw it (another page was open):
    then the values are loaded again, and so is their version."""
    if f"{EDIT}_{profile.id}_first_name" not in st.session_state:
        st.session_state[_version_key(profile.id)] = profile.row_version
    return int(st.session_state[_version_key(profile.id)])


def _reload(profile: ArtisanProfile) -> None:
    st.session_state.pop(_version_key(profile.id), None)
    for key in [k for k in st.session_state if str(k).startswith(f"{EDIT}_")]:
        del st.session_state[key]


def edit_form(actor: Actor, profile: ArtisanProfile) -> None:
    """The record's fields as saved, refused if someone else saved a newer version meanwhile."""
    prefix = f"{EDIT}_{profile.id}"
    seen = seen_version(profile)  # pinned with the values loaded now, not at save time
    load_defaults(prefix, {f: getattr(profile, f) for f in FIELDS})

    def save() -> None:
        with session_scope() as session:
            saved = update_artisan(session=session, actor=actor, artisan_id=profile.id,
                                   fields=typed_fields(prefix), expected_version=seen)
            st.session_state[_version_key(profile.id)] = saved.row_version

    with st.form(prefix):
        artisan_inputs(prefix, prefix)
        st.form_submit_button(t("artisans.save"), type="primary", on_click=submit,
                              args=(prefix, save, "artisans.saved"))
        form_feedback(prefix)
    if st.session_state.get(f"{prefix}__errors", {}).get("_form") == "artisans.stale_edit":
        st.button(t("artisans.reload"), icon=":material/refresh:", key=f"{prefix}_reload",
                  on_click=_reload, args=(profile,))


def label_form(actor: Actor, profile: ArtisanProfile) -> None:
    """Record the next step of the label journey (only the steps the law's journey allows)."""
    previous = profile.label_state if profile.label_state_on else None
    options = next_states(previous)

    def record() -> None:
        with session_scope() as session:
            record_label_step(session=session, actor=actor, artisan_id=profile.id,
                              state=value(f"{STEP}_state"),
                              occurred_on=st.session_state[f"{STEP}_day"],
                              note=value(f"{STEP}_note").strip() or None)

    with st.form(STEP):
        st.selectbox(t("profile.step_state"), options, key=f"{STEP}_state",
                     format_func=labeller("label_state."))
        field_error(STEP, "state")
        st.date_input(t("profile.step_day"), key=f"{STEP}_day", value=clock.today(),
                      min_value=date(2000, 1, 1), max_value=clock.today(), format="DD/MM/YYYY")
        field_error(STEP, "occurred_on")
        st.text_area(t("profile.step_note"), key=f"{STEP}_note", max_chars=2000)
        field_error(STEP, "note")
        st.form_submit_button(t("profile.step_record"), type="primary", on_click=submit,
                              args=(STEP, record, "profile.step_recorded", (f"{STEP}_note",)))
        form_feedback(STEP)


def consent_form(actor: Actor, profile: ArtisanProfile) -> None:
    """Record or withdraw the consent answers, with the day they were given."""
    seen = seen_version(profile)  # the version whose answers the checkboxes show

    def save() -> None:
        with session_scope() as session:
            saved = set_consent(session=session, actor=actor, artisan_id=profile.id,
                                contact=bool(st.session_state[f"{CONSENT}_contact"]),
                                newsletter=bool(st.session_state[f"{CONSENT}_newsletter"]),
                                on=st.session_state[f"{CONSENT}_day"],
                                expected_version=seen)
            st.session_state[_version_key(profile.id)] = saved.row_version

    with st.form(CONSENT):
        st.checkbox(t("profile.consent_contact"), value=profile.consent_contact,
                    key=f"{CONSENT}_contact")
        st.checkbox(t("profile.consent_newsletter"), value=profile.consent_newsletter,
                    key=f"{CONSENT}_newsletter")
        st.date_input(t("profile.consent_on"), key=f"{CONSENT}_day", value=clock.today(),
                      min_value=date(2000, 1, 1), max_value=clock.today(), format="DD/MM/YYYY")
        field_error(CONSENT, "consent_recorded_on")
        st.form_submit_button(t("profile.consent_save"), type="primary", on_click=submit,
                              args=(CONSENT, save, "profile.consent_saved"))
        form_feedback(CONSENT)


def erase_form(actor: Actor, profile: ArtisanProfile) -> None:
    """Admins: wipe this person's data on request; the anonymous facts (and KPIs) stay."""

    def erase() -> None:
        with session_scope() as session:
            erase_artisan(session=session, actor=actor, artisan_id=profile.id)

    st.warning(t("profile.erase_explain"))
    with st.form(ERASE):
        st.checkbox(t("profile.erase_confirm"), key=f"{ERASE}_confirm")
        st.form_submit_button(t("profile.erase"), on_click=_erase_if_confirmed,
                          args=(erase, profile.id))
        form_feedback(ERASE)


def _erase_if_confirmed(erase: Callable[[], None], artisan_id: int) -> None:
    if not st.session_state.get(f"{ERASE}_confirm"):
        st.session_state[f"{ERASE}__errors"] = {"_form": "profile.erase_unconfirmed"}
        return
    submit(ERASE, erase, "artisans.erased")
    if st.session_state.pop(f"{ERASE}__success", None):  # committed: the record is gone
        st.session_state["registry_flash"] = "artisans.erased"
        st.session_state["artisan_erased"] = artisan_id
