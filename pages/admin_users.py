"""Users (admins): the list, a new user, and role, activation and password of an existing one."""

from __future__ import annotations

import streamlit as st

from components.auth import current_actor
from components.forms import field_error, form_feedback, submit, value
from components.i18n import fmt_moment, labeller, t
from db.engine import session_scope
from db.queries.users import create_user, reset_password, set_active, set_role, users_table
from db.vocab import ROLES

actor = current_actor()
role_name = labeller("role.")
st.title(t("users.title"))

with session_scope() as session:
    users = users_table(session)

# Typed names show only in the table and as selectbox options (plain text, never markdown).
listing, new, edit = st.tabs([t("users.tab_list"), t("users.tab_new"), t("users.tab_edit")])

with listing:
    st.dataframe(
        users.assign(role=users["role"].map(role_name),
                     locked_until=[fmt_moment(v) for v in users["locked_until"]]),
        hide_index=True, width="stretch",
        column_config={
            "id": None, "created_at": None,
            "username": t("users.username"), "display_name": t("users.display_name"),
            "email": t("users.email"), "role": t("users.role"),
            "active": st.column_config.CheckboxColumn(t("users.active")),
            "locked_until": t("users.locked_until"),
        })

NEW = "users_new"


def _create() -> None:
    with session_scope() as session:
        create_user(session=session, actor=actor, username=value(f"{NEW}_username"),
                    display_name=value(f"{NEW}_display_name"), email=value(f"{NEW}_email"),
                    role=value(f"{NEW}_role", "staff"), password=value(f"{NEW}_password"))


with new, st.form(NEW):
    st.text_input(t("users.username"), key=f"{NEW}_username", max_chars=40)
    field_error(NEW, "username")
    st.text_input(t("users.display_name"), key=f"{NEW}_display_name", max_chars=100)
    field_error(NEW, "display_name")
    st.text_input(t("users.email"), key=f"{NEW}_email", max_chars=200)
    field_error(NEW, "email")
    st.selectbox(t("users.role"), ROLES, index=ROLES.index("staff"), key=f"{NEW}_role",
                 format_func=role_name)
    field_error(NEW, "role")
    st.text_input(t("users.password"), type="password", key=f"{NEW}_password",
                  help=t("password.rules"), autocomplete="new-password")
    field_error(NEW, "password")
    st.form_submit_button(t("users.create"), type="primary", on_click=submit,
                          args=(NEW, _create, "users.created", (f"{NEW}_password",)))
    form_feedback(NEW)

EDIT = "users_edit"
with edit:
    ids = users["id"].tolist()
    labels = dict(zip(ids, users["username"] + " – " + users["display_name"], strict=True))
    user_id = st.selectbox(t("users.pick"), ids, key=f"{EDIT}_user",
                           format_func=lambda i: labels[i])
    row = users.set_index("id").loc[user_id] if user_id is not None else None

    def _save() -> None:
        uid = st.session_state[f"{EDIT}_user"]
        with session_scope() as session:  # activation first: an admin demoting themselves
            set_active(session=session, actor=actor, user_id=uid,  # is still one for it
                       active=bool(st.session_state.get(f"{EDIT}_active_{uid}")))
            set_role(session=session, actor=actor, user_id=uid,
                     role=value(f"{EDIT}_role_{uid}"))

    def _reset() -> None:
        with session_scope() as session:
            reset_password(session=session, actor=actor, user_id=st.session_state[f"{EDIT}_user"],
                           password=value(f"{EDIT}_password"))

    if row is not None:
        with st.form(f"{EDIT}_access"):
            st.selectbox(t("users.role"), ROLES, index=ROLES.index(row["role"]),
                         key=f"{EDIT}_role_{user_id}", format_func=role_name)
            field_error(f"{EDIT}_access", "role")
            st.toggle(t("users.active"), value=bool(row["active"]),
                      key=f"{EDIT}_active_{user_id}")
            field_error(f"{EDIT}_access", "active")
            field_error(f"{EDIT}_access", "user")
            st.form_submit_button(t("users.save"), type="primary", on_click=submit,
                                  args=(f"{EDIT}_access", _save, "users.saved"))
            form_feedback(f"{EDIT}_access")
        with st.form(f"{EDIT}_reset"):
            st.text_input(t("users.new_password"), type="password", key=f"{EDIT}_password",
                          help=t("password.rules"), autocomplete="new-password")
            field_error(f"{EDIT}_reset", "password")
            field_error(f"{EDIT}_reset", "user")
            st.form_submit_button(t("users.reset"), on_click=submit,
                                  args=(f"{EDIT}_reset", _reset, "users.password_reset",
                                        (f"{EDIT}_password",)))
            form_feedback(f"{EDIT}_reset")
