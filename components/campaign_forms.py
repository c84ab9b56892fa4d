"""The campaign figures screen's forms: a new campaign; a channel's figures for a period, entered
or corrected from the row as it was read. Not st.forms: the values stay in the session, so a
refused save keeps what was typed and shows each message at its field."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pandas as pd
import streamlit as st

from components.campaign_view import period_label
from components.forms import field_error, form_feedback, submit
from components.i18n import labeller, t
from db import clock
from db.engine import session_scope
from db.permissions import Actor
from db.queries.campaign_figures import (
    FIELDS,
    FIGURES,
    MAX_WHOLE,
    MONEY,
    correct_figures,
    record_figures,
)
from db.queries.campaigns import CAMPAIGN_FIELDS, create_campaign
from db.vocab import CHANNELS

NEW, ENTER, FIX = "campaign_new", "campaign_enter", "campaign_fix"


def _key(form: str, name: str) -> str:
    return f"{form}_{name}"


def _values(form: str, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: st.session_state.get(_key(form, name)) for name in names}


def _number_input(form: str, name: str, label: str) -> None:
    st.session_state.setdefault(_key(form, name), None)  # blank: not measured
    if name in MONEY or name == "budget_eur":
        st.number_input(label, key=_key(form, name), min_value=0.0, step=1.0, format="%.2f")
    else:
        st.number_input(label, key=_key(form, name), min_value=0, max_value=MAX_WHOLE, step=1)
    field_error(form, name)


def figure_inputs(form: str) -> None:
    """Channel, period and the eight figures, each with its message under it."""
    st.selectbox(t("campaign.field.channel"), CHANNELS, key=_key(form, "channel"),
                 format_func=labeller("channel."))
    field_error(form, "channel")
    period = st.columns(2)
    for column, name in zip(period, ("period_start", "period_end"), strict=True):
        with column:
            st.date_input(t(f"campaign.field.{name}"), key=_key(form, name),
                          min_value=date(2000, 1, 1), format="DD/MM/YYYY")
            field_error(form, name)
    st.caption(t("campaign.figures_help"))
    columns = st.columns(4)
    for i, name in enumerate(FIGURES):
        with columns[i % 4]:
            _number_input(form, name, t(f"campaign.field.{name}"))


def campaign_form(actor: Actor) -> None:
    """Name, slogan, dates and budget of a new campaign; the screen then opens on it."""
    state = st.session_state
    if state.pop(_key(NEW, "saved"), False):
        for name in ("name", "slogan"):
            state[_key(NEW, name)] = ""
        state[_key(NEW, "budget_eur")] = None

    def save() -> None:
        with session_scope() as session:
            made = create_campaign(session=session, actor=actor,
                                   fields=_values(NEW, CAMPAIGN_FIELDS))
            state["campaign_created"] = made.id
        state[_key(NEW, "saved")] = True

    st.text_input(t("campaign.name"), key=_key(NEW, "name"), max_chars=150)
    field_error(NEW, "name")
    st.text_input(t("campaign.slogan"), key=_key(NEW, "slogan"), max_chars=200)
    field_error(NEW, "slogan")
    row = st.columns(3)
    for column, name in zip(row[:2], ("starts_on", "ends_on"), strict=True):
        with column:
            state.setdefault(_key(NEW, name), clock.today())
            st.date_input(t(f"campaign.{name}"), key=_key(NEW, name),
                          min_value=date(2000, 1, 1), format="DD/MM/YYYY")
            field_error(NEW, name)
    with row[2]:
        _number_input(NEW, "budget_eur", t("campaign.budget_eur"))
    st.button(t("campaign.create"), key=_key(NEW, "save"), on_click=submit,
              args=(NEW, save, "campaign.created"))
    form_feedback(NEW)


def enter_form(actor: Actor, campaign_id: int) -> None:
    """A channel's figures for a period; after a save, the form moves on to the next period
    of the same length, figures blank (weekly figures are entered week after week)."""
    state, today = st.session_state, clock.today()
    if state.pop(_key(ENTER, "saved"), False):
        start, end = state[_key(ENTER, "period_start")], state[_key(ENTER, "period_end")]
        state[_key(ENTER, "period_start")] = end + timedelta(days=1)
        state[_key(ENTER, "period_end")] = end + (end - start) + timedelta(days=1)
        for name in FIGURES:
            state[_key(ENTER, name)] = None
    monday = today - timedelta(days=today.weekday() + 7)  # last week, Monday to Sunday
    state.setdefault(_key(ENTER, "period_start"), monday)
    state.setdefault(_key(ENTER, "period_end"), monday + timedelta(days=6))
    state.setdefault(_key(ENTER, "channel"), "social")

    def save() -> None:
        with session_scope() as session:
            record_figures(session=session, actor=actor, campaign_id=campaign_id,
                           fields=_values(ENTER, FIELDS))
        state[_key(ENTER, "saved")] = True

    figure_inputs(ENTER)
    st.button(t("campaign.save"), type="primary", key=_key(ENTER, "save"), on_click=submit,
              args=(ENTER, save, "campaign.saved"))
    form_feedback(ENTER)


def _load(row: Any) -> None:
    """The row's saved values into the form, and the version a correction must still find."""
    state = st.session_state
    for name in ("channel", "period_start", "period_end"):
        state[_key(FIX, name)] = getattr(row, name)
    for name in FIGURES:
        value = getattr(row, name)
        missing = value is None or pd.isna(value)
        state[_key(FIX, name)] = None if missing else (
            float(value) if name in MONEY else int(value))
    state[_key(FIX, "loaded")] = (int(row.id), int(row.row_version))


def _reload() -> None:
    st.session_state[_key(FIX, "reload")] = True
    st.session_state.pop(f"{FIX}__errors", None)


def correct_form(actor: Actor, frame: pd.DataFrame) -> None:
    """One row chosen, its values shown as saved, corrected; refused when someone saved the
    row since it was loaded here (then "reload" shows their values)."""
    state = st.session_state
    if frame.empty:
        st.info(t("campaign.no_rows"))
        return
    rows = {int(i): r for i, r in zip(frame["id"], frame.itertuples(), strict=True)}
    if state.get(_key(FIX, "row")) not in rows:
        state[_key(FIX, "row")] = next(iter(rows))
    labels = {i: period_label(r) for i, r in rows.items()}  # in this run's language
    chosen = st.selectbox(t("campaign.pick_row"), list(rows), key=_key(FIX, "row"),
                          format_func=lambda i: labels.get(i, str(i)))
    loaded = state.get(_key(FIX, "loaded"))
    if state.pop(_key(FIX, "reload"), False) or not loaded or loaded[0] != chosen:
        _load(rows[chosen])

    def save() -> None:
        metric_id, version = state[_key(FIX, "loaded")]
        with session_scope() as session:
            correct_figures(session=session, actor=actor, metric_id=metric_id,
                            version=version, fields=_values(FIX, FIELDS))
        state[_key(FIX, "reload")] = True  # the new version, as saved

    figure_inputs(FIX)
    buttons = st.columns(2)
    buttons[0].button(t("campaign.save_correction"), type="primary", key=_key(FIX, "save"),
                      on_click=submit, args=(FIX, save, "campaign.corrected"))
    buttons[1].button(t("campaign.reload"), key=_key(FIX, "reload_button"),
                      icon=":material/refresh:", on_click=_reload)
    form_feedback(FIX)

