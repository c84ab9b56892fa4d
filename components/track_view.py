"""Pieces of the track screens: the tracks with their completion, a new track with its planned
sessions, enrolling artisans, the attendance of a planned session, each artisan's progress."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import streamlit as st

from components.artisan_picker import search_box
from components.forms import field_error, form_feedback, submit
from components.i18n import fmt_date, fmt_number, labeller, t
from db import clock
from db.engine import session_scope
from db.errors import ValidationError
from db.permissions import Actor
from db.queries.coaching_log import MAX_MINUTES
from db.queries.tracks import (
    MAX_SESSIONS,
    MAX_WEEKS,
    Attendance,
    TrackDetail,
    create_track,
    enrol,
    record_attendance,
    withdraw,
)
from db.vocab import COACHING_TOPICS, SESSION_FORMATS

TRACK_PAGE = "pages/track.py"
NEW, ENROL, PRESENT, WITHDRAW = "track_new", "track_enrol", "track_present", "track_withdraw"


def rate(value: float | None) -> str:
    """A share as a whole percentage, or a dash when there is nothing to divide by."""
    return "–" if value is None or pd.isna(value) else f"{fmt_number(100 * value)} %"


def tracks_table(frame: pd.DataFrame) -> None:
    """Every track: dates, sessions planned and already due, enrolled, completion rate;
    choosing a row opens the track."""
    if frame.empty:
        st.info(t("track.none"))
        return
    shown = pd.DataFrame({
        "title": frame["title"], "starts_on": [fmt_date(d) for d in frame["starts_on"]],
        "ends_on": [fmt_date(d) if pd.notna(d) else "" for d in frame["ends_on"]],
        "sessions": [f"{int(d)} / {int(p)}" for d, p in zip(frame["due"], frame["planned"],
                                                           strict=True)],
        "enrolled": frame["enrolled"].astype(int),
        "completion": [rate(v) for v in frame["completion_rate"]]})
    event = st.dataframe(shown, hide_index=True, width="stretch", key="tracks",
                         on_select="rerun", selection_mode="single-row",
                         column_config={c: t(f"track.col_{c}") for c in shown.columns})
    picked = getattr(getattr(event, "selection", None), "rows", None)
    if picked:
        st.switch_page(TRACK_PAGE, query_params={"id": str(int(frame.iloc[picked[0]]["id"]))})
    names = dict(zip(frame["id"].astype(int), frame["title"], strict=True))
    pick = st.columns([3, 1], vertical_alignment="bottom")
    chosen = pick[0].selectbox(t("track.open"), list(names), key="tracks_open",
                               format_func=lambda i: names.get(i, str(i)))
    if chosen is not None:
        pick[1].page_link(TRACK_PAGE, label=t("track.open_link"), icon=":material/school:",
                          query_params={"id": str(chosen)})


def new_track_form(actor: Actor) -> None:
    """Title, description, first session, number of sessions, weeks between them, topic."""
    state = st.session_state
    state.setdefault(f"{NEW}_first_on", clock.today() + timedelta(days=14))
    state.setdefault(f"{NEW}_sessions", 5)
    state.setdefault(f"{NEW}_every_weeks", 2)

    def create() -> None:
        fields = {name: state.get(f"{NEW}_{name}") for name in (
            "title", "description", "first_on", "sessions", "every_weeks", "topic")}
        with session_scope() as session:
            track = create_track(session=session, actor=actor, fields=fields)
            state["track_opened"] = track.id

    with st.form(NEW):
        st.text_input(t("track.title_field"), key=f"{NEW}_title", max_chars=150)
        field_error(NEW, "title")
        st.text_area(t("track.description"), key=f"{NEW}_description", max_chars=2000)
        field_error(NEW, "description")
        row = st.columns(3)
        with row[0]:
            st.date_input(t("track.first_on"), key=f"{NEW}_first_on", format="DD/MM/YYYY",
                          min_value=date(2000, 1, 1))
            field_error(NEW, "first_on")
        with row[1]:
            st.number_input(t("track.sessions"), key=f"{NEW}_sessions", min_value=1,
                            max_value=MAX_SESSIONS)
            field_error(NEW, "sessions")
        with row[2]:
            st.number_input(t("track.every_weeks"), key=f"{NEW}_every_weeks", min_value=1,
                            max_value=MAX_WEEKS)
            field_error(NEW, "every_weeks")
        st.selectbox(t("track.topic"), COACHING_TOPICS, key=f"{NEW}_topic",
                     format_func=labeller("coaching_topic."))
        field_error(NEW, "topic")
        st.form_submit_button(t("track.create"), type="primary", on_click=submit,
                              args=(NEW, create, "track.created"))
        form_feedback(NEW)
    if (track_id := state.pop("track_opened", None)) is not None:
        st.switch_page(TRACK_PAGE, query_params={"id": str(track_id)})


def sessions_table(detail: TrackDetail) -> None:
    """The planned sessions: number, planned day, topic, day held and artisans present."""
    shown = pd.DataFrame({
        "seq": [s.seq for s in detail.sessions],
        "planned_on": [fmt_date(s.planned_on) for s in detail.sessions],
        "topic": [t("coaching_topic." + s.topic) for s in detail.sessions],
        "held_on": [fmt_date(s.held_on) if s.held_on else "" for s in detail.sessions],
        "present": [len(s.present) for s in detail.sessions]})
    st.dataframe(shown, hide_index=True, width="stretch",
                 column_config={c: t(f"track.col_{c}") for c in shown.columns})


def names_of(detail: TrackDetail) -> dict[int, str]:
    """Enrolled artisans: id -> "Last First"."""
    p = detail.progress
    return dict(zip(p["artisan_id"].astype(int),
                    (p["last_name"] + " " + p["first_name"]).str.strip(), strict=True))


def progress_table(detail: TrackDetail) -> None:
    """Each enrolled artisan: sessions attended of planned, and whether they completed."""
    if detail.progress.empty:
        st.info(t("track.nobody_enrolled"))
        return
    p = detail.progress
    shown = pd.DataFrame({
        "artisan": list(names_of(detail).values()),
        "business": p["business_name"].fillna(""),
        "attended": [f"{int(a)} / {detail.planned}" for a in p["attended"]],
        "completed": [t("coaching.yes") if c else "" for c in p["completed"]]})
    st.dataframe(shown, hide_index=True, width="stretch",
                 column_config={c: t(f"track.col_{c}") for c in shown.columns})


def enrol_form(actor: Actor, detail: TrackDetail) -> None:
    """Find artisans and enrol them in the track."""
    found = search_box(ENROL, t("track.enrol_search"), actor.role)
    st.session_state[f"{ENROL}_ids"] = [i for i in st.session_state.get(f"{ENROL}_ids", [])
                                        if i in found]

    def save() -> None:
        with session_scope() as session:
            enrol(session=session, actor=actor, track_id=detail.id,
                  artisan_ids=list(st.session_state.get(f"{ENROL}_ids") or []))
        st.session_state[f"{ENROL}_ids"] = []

    with st.form(ENROL):
        st.multiselect(t("track.enrol_pick"), list(found), key=f"{ENROL}_ids",
                       format_func=lambda i: found.get(i, str(i)),
                       placeholder=t("coaching.artisan_pick_hint" if found else
                                     "coaching.artisan_type_first"))
        field_error(ENROL, "artisan_ids")
        st.form_submit_button(t("track.enrol"), type="primary", on_click=submit,
                              args=(ENROL, save, "track.enrolled"))
        form_feedback(ENROL)


def attendance_form(actor: Actor, detail: TrackDetail, advisers: dict[int, str],
                    my_id: int | None) -> None:
    """Tick who came to one planned session (enrolled artisans), with how it was held."""
    names = names_of(detail)
    if not names or not detail.sessions:
        st.info(t("track.enrol_first"))
        return
    sessions = {s.id: s for s in detail.sessions}
    labels = {s.id: t("track.session_label", seq=s.seq, day=fmt_date(s.planned_on))
              for s in detail.sessions}
    today = clock.today()
    due = [s.id for s in detail.sessions if s.planned_on <= today] or [detail.sessions[0].id]
    state = st.session_state
    state.setdefault(f"{PRESENT}_session", due[-1])
    chosen = sessions.get(int(state.get(f"{PRESENT}_session") or 0), detail.sessions[0])
    st.selectbox(t("track.which_session"), list(sessions), key=f"{PRESENT}_session",
                 format_func=lambda i: labels.get(i, str(i)))
    key = f"{PRESENT}_{chosen.id}"  # each planned session keeps its own ticks and details
    state.setdefault(f"{key}_ids", [i for i in chosen.present if i in names])
    state.setdefault(f"{key}_held_on", chosen.held_on or min(chosen.planned_on, today))
    state.setdefault(f"{key}_minutes", 150)
    state.setdefault(f"{key}_format", "office")
    state.setdefault(f"{key}_coach", my_id if my_id in advisers else None)
    state.setdefault(f"{key}_seen", chosen.present)  # what the ticks started from

    def save() -> None:
        ids = list(state.get(f"{key}_ids") or [])
        try:
            with session_scope() as session:
                record_attendance(session=session, actor=actor, track_session_id=chosen.id,
                                  attendance=Attendance(
                                      held_on=state[f"{key}_held_on"],
                                      duration_min=state[f"{key}_minutes"],
                                      format=state[f"{key}_format"],
                                      coach_user_id=state[f"{key}_coach"],
                                      artisan_ids=ids, seen=state[f"{key}_seen"]))
        except ValidationError as exc:
            if exc.errors.get("_form") == "track.present_changed":  # start again from theirs
                state.pop(f"{key}_ids", None)
                state.pop(f"{key}_seen", None)
            raise
        state[f"{key}_seen"] = tuple(sorted(ids))

    with st.form(PRESENT):
        st.multiselect(t("track.present"), list(names), key=f"{key}_ids",
                       format_func=lambda i: names.get(i, str(i)),
                       placeholder=t("track.present_hint"))
        field_error(PRESENT, "artisan_ids")
        row = st.columns(3)
        with row[0]:
            st.date_input(t("coaching.held_on"), key=f"{key}_held_on", max_value=today,
                          min_value=date(2000, 1, 1), format="DD/MM/YYYY")
            field_error(PRESENT, "held_on")
        with row[1]:
            st.number_input(t("coaching.duration_min"), key=f"{key}_minutes", min_value=1,
                            max_value=MAX_MINUTES, step=15)
            field_error(PRESENT, "duration_min")
        with row[2]:
            st.selectbox(t("coaching.coach"), list(advisers), key=f"{key}_coach",
                         format_func=lambda u: advisers.get(u, str(u)),
                         placeholder=t("coaching.pick_adviser"))
            field_error(PRESENT, "coach_user_id")
        st.radio(t("coaching.format"), SESSION_FORMATS, key=f"{key}_format", horizontal=True,
                 format_func=labeller("format."))
        st.form_submit_button(t("track.save_present"), type="primary", on_click=submit,
                              args=(PRESENT, save, "track.present_saved"))
        form_feedback(PRESENT)


def withdraw_form(actor: Actor, detail: TrackDetail) -> None:
    """Take one artisan out of the track (what they attended stays on their record)."""
    names = names_of(detail)
    if not names:
        return

    def save() -> None:
        with session_scope() as session:
            withdraw(session=session, actor=actor, track_id=detail.id,
                     artisan_id=st.session_state[f"{WITHDRAW}_artisan"])

    with st.form(WITHDRAW):
        st.selectbox(t("track.withdraw_pick"), list(names), key=f"{WITHDRAW}_artisan",
                     format_func=lambda i: names.get(i, str(i)))
        st.form_submit_button(t("track.withdraw"), on_click=submit,
                              args=(WITHDRAW, save, "track.withdrawn"))
        form_feedback(WITHDRAW)
