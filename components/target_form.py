"""The forms of the targets screen: set the target of an indicator and period (quick picks for
a calendar year or the plan 2023-2024), and change or delete one. Each remembers the value it
showed, so a target someone changed meanwhile is refused rather than overwritten."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from components.forms import field_error, form_feedback, submit
from components.i18n import fmt_number, labeller, t
from components.targets_view import period_text
from db.engine import session_scope
from db.errors import ValidationError
from db.permissions import Actor
from db.queries.targets import (
    FIRST_DAY,
    LAST_DAY,
    MAX_VALUE,
    delete_target,
    from_table,
    set_target,
)
from db.vocab import INDICATORS

SET, EDIT = "targets_set", "targets_edit"
PLAN = (date(2023, 1, 1), date(2024, 12, 31))
FIRST_YEAR = 2023  # the plan's first year


def _key(form: str, name: str) -> str:
    return f"{form}_{name}"


def _picks(today: date) -> dict[str, tuple[date, date] | None]:
    """Quick picks -> their period: each calendar year of the plan to next year, the plan."""
    years: dict[str, tuple[date, date] | None] = {
        str(y): (date(y, 1, 1), date(y, 12, 31)) for y in range(FIRST_YEAR, today.year + 2)}
    return years | {"plan": PLAN, "custom": None}


def _existing(frame: pd.DataFrame, indicator: object, start: object, end: object
              ) -> tuple[int, float] | None:
    """The id and value of the target of exactly this indicator and period, if any."""
    match = frame[(frame["indicator"] == indicator) & (frame["period_start"] == start)
                  & (frame["period_end"] == end)]
    return None if match.empty else (int(match["id"].iloc[0]),
                                     float(match["target_value"].iloc[0]))


def _pick_changed(picks: dict[str, tuple[date, date] | None]) -> None:
    period = picks.get(st.session_state.get(_key(SET, "pick")) or "custom")
    if period:
        st.session_state[_key(SET, "start")], st.session_state[_key(SET, "end")] = period


def _dates_changed(picks: dict[str, tuple[date, date] | None]) -> None:
    period = (st.session_state.get(_key(SET, "start")), st.session_state.get(_key(SET, "end")))
    st.session_state[_key(SET, "pick")] = next(
        (name for name, p in picks.items() if p == period), "custom")


def _seen(selection: tuple[object, ...]) -> float | None:
    """The value the set form showed for the selection; a selection it did not show (changed
    in the same click as the save) is refused rather than guessed."""
    shown, value = st.session_state.get(_key(SET, "seen"), (None, None))
    if shown != selection:
        raise ValidationError({"_form": "targets.changed_meanwhile"})
    return value  # type: ignore[no-any-return]


def set_form(actor: Actor, frame: pd.DataFrame, today: date) -> None:
    """Indicator, period (quick pick or two dates) and value; saving creates the target of that
    period or changes its value."""
    state, picks = st.session_state, _picks(today)
    year = str(today.year)
    state.setdefault(_key(SET, "indicator"), INDICATORS[0])
    state.setdefault(_key(SET, "pick"), year)
    state.setdefault(_key(SET, "start"), picks[year][0])  # type: ignore[index]
    state.setdefault(_key(SET, "end"), picks[year][1])  # type: ignore[index]

    def save() -> None:
        selection = (state[_key(SET, "indicator")], state[_key(SET, "start")],
                     state[_key(SET, "end")])
        seen = _seen(selection)
        with session_scope() as session:
            set_target(session=session, actor=actor, indicator=selection[0],
                       period_start=selection[1], period_end=selection[2],
                       target_value=state.get(_key(SET, "value")), seen=seen)

    st.selectbox(t("targets.indicator"), INDICATORS, key=_key(SET, "indicator"),
                 format_func=labeller("indicator."))
    field_error(SET, "indicator")
    names = {name: t(f"targets.pick_{name}") if not name.isdigit() else name for name in picks}
    st.radio(t("targets.quick_pick"), list(picks), key=_key(SET, "pick"), horizontal=True,
             format_func=lambda name: names.get(name, name), on_change=_pick_changed,
             args=(picks,))
    dates = st.columns(2)
    for column, name in zip(dates, ("start", "end"), strict=True):
        with column:
            st.date_input(t(f"targets.period_{name}"), key=_key(SET, name), min_value=FIRST_DAY,
                          max_value=LAST_DAY, format="DD/MM/YYYY", on_change=_dates_changed,
                          args=(picks,))
            field_error(SET, f"period_{name}")
    selection = (state[_key(SET, "indicator")], state[_key(SET, "start")],
                 state[_key(SET, "end")])
    existing = _existing(frame, *selection)
    if state.get(_key(SET, "selection")) != selection:  # a new choice: show its target
        state[_key(SET, "selection")] = selection
        state[_key(SET, "value")] = int(existing[1]) if existing else 0
    state[_key(SET, "seen")] = (selection, existing[1] if existing else None)
    st.caption(t("targets.current_target", value=_number(existing[1])) if existing
               else t("targets.no_target_yet"))
    st.number_input(t("targets.value"), key=_key(SET, "value"), min_value=0,
                    max_value=MAX_VALUE, step=1)
    field_error(SET, "target_value")
    st.button(t("targets.save"), type="primary", key=_key(SET, "save"), on_click=submit,
              args=(SET, save, "targets.saved"))
    form_feedback(SET)


def _number(value: float) -> str:
    return fmt_number(round(value))


def edit_form(actor: Actor, frame: pd.DataFrame) -> None:
    """A target chosen from the list: a new value for it, or its deletion."""
    form_feedback(EDIT)
    if frame.empty:
        st.info(t("targets.none"))
        return
    rows = {target.id: target for target in from_table(frame)}
    labels = {i: f"{t('indicator.' + r.indicator)} · {period_text(r.period_start, r.period_end)}"
              f" · {_number(r.target_value)}" for i, r in rows.items()}
    state = st.session_state
    if state.get(_key(EDIT, "id")) not in rows:  # deleted meanwhile (here or elsewhere)
        state.pop(_key(EDIT, "id"), None)
    chosen = st.selectbox(t("targets.pick_target"), list(rows), key=_key(EDIT, "id"),
                          index=None, format_func=lambda i: labels.get(i, str(i)),
                          placeholder=t("targets.pick_target_hint"))
    if chosen is None:
        return
    row = rows[chosen]
    if state.get(_key(EDIT, "shown")) != chosen:
        state[_key(EDIT, "shown")] = chosen
        state[_key(EDIT, "value")] = int(row.target_value)
    seen = row.target_value  # as shown: the callbacks run on the next run

    def change() -> None:
        with session_scope() as session:
            set_target(session=session, actor=actor, indicator=row.indicator,
                       period_start=row.period_start, period_end=row.period_end,
                       target_value=state.get(_key(EDIT, "value")), seen=seen)

    def delete() -> None:
        with session_scope() as session:
            delete_target(session=session, actor=actor, target_id=chosen, seen=seen)
        state.pop(_key(EDIT, "id"), None)

    st.number_input(t("targets.new_value"), key=_key(EDIT, "value"), min_value=0,
                    max_value=MAX_VALUE, step=1)
    field_error(EDIT, "target_value")
    buttons = st.columns(2)
    buttons[0].button(t("targets.save_change"), type="primary", key=_key(EDIT, "save"),
                      on_click=submit, args=(EDIT, change, "targets.saved"))
    buttons[1].button(t("targets.delete"), icon=":material/delete:", key=_key(EDIT, "delete"),
                      on_click=submit, args=(EDIT, delete, "targets.deleted"))
