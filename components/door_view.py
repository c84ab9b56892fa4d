"""The door check-in: the counter, one button per matching artisan, the walk-in form."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import streamlit as st
from sqlalchemy.orm import Session

from components.data import door_counter, todays_events
from components.event_view import when
from components.forms import field_error, form_feedback, submit, value
from components.i18n import current_language, fmt_number, fmt_time, t
from components.plain import plain
from db.engine import session_scope
from db.permissions import Actor
from db.queries.artisans import DuplicatesFound
from db.queries.checkin import (
    Candidates,
    CheckIn,
    DoorCounter,
    check_in,
    door_counter_as_of,
    walk_in,
)
from db.reads import READS

DOOR, WALK_IN = "door", "door_walk_in"
TAPPED = "door_tapped"  # the counter as the last tap's own transaction left it


def event_choices(today: date, role: str) -> dict[int, str]:
    """Today's events as the event picker names them, earliest first: kept in the session
    until an events write changes the data version (every tap reruns the page)."""
    key = (today, role, current_language(), st.session_state.get("data_versions", {}).get(
        "events"))
    kept = st.session_state.get("door_choices")
    if kept is None or kept[0] != key or key[-1] is None:
        events = todays_events(today, role)
        kept = (key, {int(i): f"{when(at)} – {title}" for i, at, title in zip(
            events["id"], events["starts_at"], events["title"], strict=True)})
        st.session_state["door_choices"] = kept
    return dict(kept[1])


def live_counter(event_id: int, role: str) -> DoorCounter:
    """The door's figures: those the last tap's transaction counted after its write, while the
    data versions read at the top of this run are still the ones it left (no write since, at
    any door or on any server); else asked for again (components.data.door_counter)."""
    kept = st.session_state.get(TAPPED)
    now = st.session_state.get("data_versions")
    if kept and now and kept[0] == (event_id, role) and all(
            now.get(area, 0) == version for area, version in kept[1].items()):
        figures: DoorCounter = kept[2]
        return figures
    return door_counter(event_id, role)


def counter(figures: DoorCounter) -> None:
    """Attended / registered / capacity, large enough to read from the door: one element, not
    three in columns (every element costs on every tap)."""
    capacity = fmt_number(figures.capacity) if figures.capacity else "–"
    st.metric(t("door.counter"), f"{fmt_number(figures.attended)} / "
              f"{fmt_number(figures.registered)} / {capacity}")


def new_door() -> None:
    """Another event chosen: nothing of the previous one (result, search, matches) stays."""
    for key in ("door_last", "door_duplicates", TAPPED, f"{DOOR}__errors", f"{WALK_IN}__errors"):
        st.session_state.pop(key, None)
    st.session_state["door_search"] = ""


def _count(session: Session, actor: Actor, event_id: int) -> tuple[object, ...] | None:
    """In the write's transaction, after it: the counter and the data versions it leaves (one
    statement instead of a fresh query, session and read on the run that follows the tap)."""
    figures, versions = door_counter_as_of(session, event_id, READS["door_counter"].areas)
    return ((event_id, actor.role), versions, figures) if versions else None


def _remember(result: CheckIn, name: str, counted: tuple[object, ...] | None) -> None:
    st.session_state["door_last"] = (result, name)
    st.session_state[TAPPED] = counted
    st.session_state["door_search"] = ""  # ready for the next person


def _checker(actor: Actor, event_id: int, artisan_id: int, name: str) -> Callable[[], None]:
    def write() -> None:
        st.session_state.pop("door_last", None)  # an error must not sit under an old success
        with session_scope() as session:
            result = check_in(session=session, actor=actor, event_id=event_id,
                              artisan_id=artisan_id)
            counted = _count(session, actor, event_id)
        _remember(result, name, counted)
    return write


def last_result() -> None:
    """What the last tap did: checked in now, or already in (at what time, by whom)."""
    for form in (DOOR, WALK_IN):  # the banner below says what happened, in full
        st.session_state.pop(f"{form}__success", None)
    form_feedback(DOOR)
    last = st.session_state.get("door_last")
    if not last:
        return
    result, name = last
    if result.already:
        st.warning(t("door.already", name=plain(name), time=fmt_time(result.at),
                     by=plain(result.by)), icon=":material/info:")
    else:
        st.success(t("door.checked_in", name=plain(name), time=fmt_time(result.at)),
                   icon=":material/check_circle:")


def candidates(actor: Actor, event_id: int, found: Candidates) -> None:
    """One full-width button per artisan found: registered ones first; one tap checks in."""
    if not found.people:
        st.caption(t("door.nobody"))
        return
    for person in found.people:
        if person.status == "attended":  # imported from a list: no time of arrival
            at = person.checked_in_at
            state = t("door.state_in", time=fmt_time(at) if at else "–")
        elif person.registered:
            state = t("door.state_registered")
        else:
            state = t("door.state_known")
        st.button(f"{plain(person.label)} · {state}", key=f"door_pick_{person.artisan_id}",
                  width="stretch", type="primary" if person.registered else "secondary",
                  on_click=submit, args=(DOOR, _checker(actor, event_id, person.artisan_id,
                                                         person.label), "door.done"))
    if found.more:
        st.caption(t("door.refine"))


def walk_in_form(actor: Actor, event_id: int) -> None:
    """Someone not in the registry: a few fields, the duplicate check, checked in at once."""

    def add() -> None:
        fields = {name: value(f"{WALK_IN}_{name}") for name in
                  ("first_name", "last_name", "email", "postcode", "business_name")}
        st.session_state.pop("door_duplicates", None)
        try:
            with session_scope() as session:
                result = walk_in(session=session, actor=actor, event_id=event_id,
                                 fields=fields)
                counted = _count(session, actor, event_id)
        except DuplicatesFound as found:
            st.session_state["door_duplicates"] = found.duplicates
            raise
        _remember(result, f"{fields['last_name']} {fields['first_name']}", counted)
        for name in fields:
            st.session_state[f"{WALK_IN}_{name}"] = ""

    # A toggle, not an expander: the form is only built when someone new is at the door.
    if not st.toggle(t("door.walk_in"), key="door_walk_in_open"):
        return
    with st.container(border=True):
        with st.form(WALK_IN, border=False):
            names = st.columns(2)
            for column, name in zip(names, ("first_name", "last_name"), strict=True):
                with column:
                    st.text_input(t(f"artisans.{name}"), key=f"{WALK_IN}_{name}", max_chars=80)
                    field_error(WALK_IN, name)
            st.text_input(t("artisans.business_name"), key=f"{WALK_IN}_business_name",
                          max_chars=150)
            field_error(WALK_IN, "business_name")
            more = st.columns(2)
            with more[0]:
                st.text_input(t("artisans.email"), key=f"{WALK_IN}_email", max_chars=200)
                field_error(WALK_IN, "email")
            with more[1]:
                st.text_input(t("artisans.postcode"), key=f"{WALK_IN}_postcode", max_chars=4)
                field_error(WALK_IN, "postcode")
            st.form_submit_button(t("door.walk_in_add"), type="primary", on_click=submit,
                                  args=(WALK_IN, add, "door.done"))
            form_feedback(WALK_IN)
        for dup in st.session_state.get("door_duplicates") or []:
            label = f"{dup.last_name} {dup.first_name}"
            st.button(f"{plain(label)} · {t('duplicate.' + dup.reason)} · {t('door.this_one')}",
                      key=f"door_dup_{dup.id}", width="stretch", on_click=submit,
                      args=(DOOR, _checker(actor, event_id, dup.id, label), "door.done"))
