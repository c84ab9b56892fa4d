"""The form that logs a coaching session and, in the same submit, its follow-ups (action,
owner, due date). Not an st.form: the artisan search, the "other" topic's text and the
follow-up rows react at once; the values stay in the session until the session is saved."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import streamlit as st

from components.artisan_picker import search_box
from components.forms import field_error, form_feedback, submit
from components.i18n import labeller, t
from db import clock
from db.engine import session_scope
from db.errors import ValidationError
from db.permissions import Actor
from db.queries.coaching_log import MAX_FOLLOW_UPS, MAX_MINUTES, log_session
from db.vocab import COACHING_TOPICS, SESSION_FORMATS

FORM = "coach_log"
FIELDS = ("artisan_id", "coach_user_id", "held_on", "duration_min", "format", "topic",
          "topic_other", "notes")
CLEARED = ("search", "artisan_id", "topic_other", "notes")


def _key(name: str) -> str:
    return f"{FORM}_{name}"


def _rows() -> int:
    return int(st.session_state.get(_key("rows"), 1))


def _defaults(coach_id: int | None, today: date) -> None:
    """First values of a fresh form, and a clean one after a session was saved (a widget's
    value can only be changed before it is drawn)."""
    state = st.session_state
    if state.pop(_key("saved"), False):  # values set, not dropped: the browser keeps those
        for name in CLEARED:
            state[_key(name)] = None if name == "artisan_id" else ""
        for i in range(MAX_FOLLOW_UPS):
            state[_key(f"fu{i}_action")] = ""
            state[_key(f"fu{i}_owner")] = coach_id
            state[_key(f"fu{i}_due")] = state.get(_key("held_on"), today) + timedelta(days=7)
        state[_key("rows")] = 1
    state.setdefault(_key("coach_user_id"), coach_id)
    state.setdefault(_key("held_on"), today)
    state.setdefault(_key("duration_min"), 60)
    state.setdefault(_key("format"), "office")
    state.setdefault(_key("topic"), "business_model")


def _follow_ups() -> tuple[list[int], list[dict[str, Any]]]:
    """The rows with an action typed (a row left blank is no follow-up): their numbers on the
    screen, and their values."""
    state = st.session_state
    shown = [i for i in range(_rows()) if str(state.get(_key(f"fu{i}_action")) or "").strip()]
    return shown, [{"action": state.get(_key(f"fu{i}_action")),
                    "owner_user_id": state.get(_key(f"fu{i}_owner")),
                    "due_on": state.get(_key(f"fu{i}_due"))} for i in shown]


def _on_screen(errors: dict[str, str], shown: list[int]) -> dict[str, str]:
    """Errors of the i-th follow-up sent, keyed by its row on the screen."""
    moved = {}
    for key, message in errors.items():
        parts = key.split("_", 3)  # follow_up_<i>_<field>
        if key.startswith("follow_up_") and len(parts) == 4 and parts[2].isdigit():
            key = f"follow_up_{shown[int(parts[2])]}_{parts[3]}"
        moved[key] = message
    return moved


def _change_rows(step: int) -> None:
    st.session_state[_key("rows")] = max(0, min(MAX_FOLLOW_UPS, _rows() + step))


def session_form(actor: Actor, advisers: dict[int, str], my_id: int | None,
                 preset: dict[int, str] | None = None) -> None:
    """Artisan, coach, day, minutes, format, topic, notes, then zero or more follow-ups;
    `preset` (id -> label) is the artisan the form starts on (say, from their profile)."""
    today = clock.today()
    _defaults(my_id if my_id in advisers else None, today)
    if preset and st.session_state.get(_key("preset")) != list(preset):
        st.session_state[_key("preset")] = list(preset)  # once, not over a later choice
        st.session_state[_key("artisan_id")] = next(iter(preset))

    def save() -> None:
        state = st.session_state
        fields = {name: state.get(_key(name)) for name in FIELDS}
        shown, follow_ups = _follow_ups()
        try:
            with session_scope() as session:
                log_session(session=session, actor=actor, fields=fields, follow_ups=follow_ups)
        except ValidationError as exc:
            raise ValidationError(_on_screen(exc.errors, shown)) from exc
        state[_key("saved")] = True

    found = (preset or {}) | search_box(FORM, t("coaching.artisan_search"), actor.role)
    chosen = st.session_state.get(_key("artisan_id"))
    if chosen is not None and chosen not in found:
        st.session_state.pop(_key("artisan_id"), None)
    st.selectbox(t("coaching.artisan"), list(found), key=_key("artisan_id"), index=None,
                 format_func=lambda i: found.get(i, str(i)),
                 placeholder=t("coaching.artisan_pick_hint" if found else
                               "coaching.artisan_type_first"))
    field_error(FORM, "artisan_id")
    top = st.columns(3)
    with top[0]:
        st.selectbox(t("coaching.coach"), list(advisers), key=_key("coach_user_id"),
                     format_func=lambda i: advisers.get(i, str(i)),
                     placeholder=t("coaching.pick_adviser"))
        field_error(FORM, "coach_user_id")
    with top[1]:
        st.date_input(t("coaching.held_on"), key=_key("held_on"), max_value=today,
                      min_value=date(2000, 1, 1), format="DD/MM/YYYY")
        field_error(FORM, "held_on")
    with top[2]:
        st.number_input(t("coaching.duration_min"), key=_key("duration_min"), min_value=1,
                        max_value=MAX_MINUTES, step=15)
        field_error(FORM, "duration_min")
    st.radio(t("coaching.format"), SESSION_FORMATS, key=_key("format"), horizontal=True,
             format_func=labeller("format."))
    field_error(FORM, "format")
    st.selectbox(t("coaching.topic"), COACHING_TOPICS, key=_key("topic"),
                 format_func=labeller("coaching_topic."))
    field_error(FORM, "topic")
    if st.session_state.get(_key("topic")) == "other":
        st.text_input(t("coaching.topic_other"), key=_key("topic_other"), max_chars=150)
        field_error(FORM, "topic_other")
    st.text_area(t("coaching.notes"), key=_key("notes"), max_chars=5000,
                 help=t("coaching.notes_help"))
    field_error(FORM, "notes")
    _follow_up_rows(advisers, my_id, st.session_state.get(_key("held_on")) or today)
    st.button(t("coaching.save_session"), type="primary", key=_key("save"), on_click=submit,
              args=(FORM, save, "coaching.session_saved"))
    form_feedback(FORM)


def _follow_up_rows(advisers: dict[int, str], my_id: int | None, held_on: date) -> None:
    st.subheader(t("coaching.follow_ups"))
    st.caption(t("coaching.follow_ups_help"))
    for i in range(_rows()):
        st.session_state.setdefault(_key(f"fu{i}_owner"), my_id if my_id in advisers else None)
        st.session_state.setdefault(_key(f"fu{i}_due"), held_on + timedelta(days=7))
        row = st.columns([3, 2, 2])
        with row[0]:
            st.text_input(t("coaching.fu_action", n=i + 1), key=_key(f"fu{i}_action"),
                          max_chars=300)
            field_error(FORM, f"follow_up_{i}_action")
        with row[1]:
            st.selectbox(t("coaching.fu_owner", n=i + 1), list(advisers),
                         key=_key(f"fu{i}_owner"), format_func=lambda u: advisers.get(u, str(u)),
                         placeholder=t("coaching.pick_adviser"))
            field_error(FORM, f"follow_up_{i}_owner_user_id")
        with row[2]:
            st.date_input(t("coaching.fu_due", n=i + 1), key=_key(f"fu{i}_due"),
                          min_value=date(2000, 1, 1), format="DD/MM/YYYY")
            field_error(FORM, f"follow_up_{i}_due_on")
    buttons = st.columns(2)
    buttons[0].button(t("coaching.fu_add"), icon=":material/add:", key=_key("fu_add"),
                      on_click=_change_rows, args=(1,), disabled=_rows() >= MAX_FOLLOW_UPS)
    buttons[1].button(t("coaching.fu_remove"), icon=":material/remove:", key=_key("fu_remove"),
                      on_click=_change_rows, args=(-1,), disabled=_rows() == 0)
