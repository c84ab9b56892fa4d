"""My account: who I am, and changing my own password."""

from __future__ import annotations

import streamlit as st

from components.auth import current_actor, renew_session
from components.forms import field_error, form_feedback, submit, value
from components.i18n import t
from db.engine import session_scope
from db.queries.auth import change_own_password

FORM = "account_password"
actor = current_actor()

st.title(t("account.title"))
who, role = st.columns(2)
who.text_input(t("account.username"), value=actor.username, disabled=True)
role.text_input(t("account.role"), value=t("role." + actor.role), disabled=True)


def _change() -> None:
    with session_scope() as session:
        since = change_own_password(
            session=session, actor=actor, current=value(f"{FORM}_current"),
            new=value(f"{FORM}_new"), confirm=value(f"{FORM}_confirm"))
    renew_session(since)  # the user's other sessions end; this one goes on


st.subheader(t("account.change_password"))
with st.form(FORM):
    st.text_input(t("account.current"), type="password", key=f"{FORM}_current",
                  autocomplete="current-password")
    field_error(FORM, "current")
    st.text_input(t("account.new"), type="password", key=f"{FORM}_new",
                  help=t("password.rules"), autocomplete="new-password")
    field_error(FORM, "new")
    st.text_input(t("account.confirm"), type="password", key=f"{FORM}_confirm",
                  autocomplete="new-password")
    field_error(FORM, "confirm")
    st.form_submit_button(t("account.save"), type="primary", on_click=submit,
                          args=(FORM, _change, "account.saved",
                                (f"{FORM}_current", f"{FORM}_new", f"{FORM}_confirm")))
form_feedback(FORM)
