"""Follow-ups on screen: an adviser's own, grouped overdue / due this week / later, each closed
in one tap (or with a note, cancelled, or given a new date); for managers, the open ones by
owner and a reassignment. Every action goes through one feedback line at the top of the list,
so a follow-up that someone else just closed still gets its message."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd
import streamlit as st

from components.forms import form_feedback, submit
from components.i18n import fmt_date, fmt_number, t
from components.plain import plain
from db.engine import session_scope
from db.errors import ValidationError
from db.permissions import Actor
from db.queries.follow_ups import (
    GROUPS,
    FollowUpItem,
    close_follow_up,
    reassign_follow_up,
    reschedule_follow_up,
)

LIST = "follow_ups"  # the one feedback line of the list
PER_GROUP = 15  # cards shown per group before "show more"
PROFILE = "pages/artisan.py"


def _close(actor: Actor, item: FollowUpItem, outcome: str, with_note: bool = False) -> None:
    note = st.session_state.get(f"fu_note_{item.id}") if with_note else None
    with session_scope() as session:
        close_follow_up(session=session, actor=actor, follow_up_id=item.id,
                        version=item.version, outcome=outcome, note=note)


def _reschedule(actor: Actor, item: FollowUpItem) -> None:
    with session_scope() as session:
        reschedule_follow_up(session=session, actor=actor, follow_up_id=item.id,
                             version=item.version, due_on=st.session_state[f"fu_due_{item.id}"])


def when_due(item: FollowUpItem) -> str:
    """'Due 3 Dec 2026', with '· 5 days late' when overdue."""
    text = t("coaching.due_on", day=fmt_date(item.due_on))
    if item.days_late:
        text += " · " + t("coaching.days_late", n=fmt_number(item.days_late))
    return text


def _card(actor: Actor, item: FollowUpItem) -> None:
    with st.container(border=True):
        st.markdown(f"**{plain(item.action) or t('coaching.erased_action')}**")
        details = [when_due(item)]
        if item.session_held_on:
            details.append(t("coaching.from_session", day=fmt_date(item.session_held_on)))
        st.caption(" · ".join(details))
        row = st.columns([2, 3], vertical_alignment="center")
        row[0].button(t("coaching.done"), key=f"fu_done_{item.id}", type="primary",
                      icon=":material/check:", width="stretch", on_click=submit,
                      args=(LIST, lambda: _close(actor, item, "done"), "coaching.closed_done"))
        row[1].page_link(PROFILE, label=plain(item.artisan) or t("coaching.erased_action"),
                         icon=":material/badge:", query_params={"id": str(item.artisan_id)})
        # The other actions' widgets are drawn for a card switched open only (a switch: its
        # state is announced): a date and a text field on each of 45 cards took most of the
        # page's time.
        if not st.toggle(t("coaching.more_actions"), key=f"fu_open_{item.id}"):
            return
        with st.container():
            if item.artisan.strip():  # no note about an erased artisan (the server drops it)
                st.text_input(t("coaching.close_note"), key=f"fu_note_{item.id}",
                              max_chars=1000)
            more = st.columns(2)
            more[0].button(t("coaching.done_with_note"), key=f"fu_done_note_{item.id}",
                           on_click=submit, args=(LIST, lambda: _close(
                               actor, item, "done", with_note=True), "coaching.closed_done"))
            more[1].button(t("coaching.cancel_follow_up"), key=f"fu_cancel_{item.id}",
                           on_click=submit, args=(LIST, lambda: _close(
                               actor, item, "cancelled", with_note=True),
                               "coaching.closed_cancelled"))
            st.session_state.setdefault(f"fu_due_{item.id}", item.due_on)
            move = st.columns([2, 1], vertical_alignment="bottom")
            move[0].date_input(t("coaching.new_due"), key=f"fu_due_{item.id}",
                               min_value=date(2000, 1, 1), format="DD/MM/YYYY")
            move[1].button(t("coaching.reschedule"), key=f"fu_move_{item.id}", on_click=submit,
                           args=(LIST, lambda: _reschedule(actor, item),
                                 "coaching.rescheduled"))


def my_list(actor: Actor, items: Sequence[FollowUpItem]) -> None:
    """The adviser's open follow-ups: overdue first, then due this week, then later."""
    form_feedback(LIST)
    if not items:
        st.success(t("coaching.nothing_open"))
        return
    for group in GROUPS:
        shown = [i for i in items if i.group == group]
        st.subheader(t(f"coaching.group_{group}", n=fmt_number(len(shown))))
        if not shown:
            st.caption(t(f"coaching.group_{group}_none"))
        # A few cards at a time: every card holds widgets, and a page of hundreds is slow.
        limit = st.session_state.get(f"fu_more_{group}", PER_GROUP)
        for item in shown[:limit]:
            _card(actor, item)
        if len(shown) > limit:
            st.button(t("coaching.show_more", n=fmt_number(min(PER_GROUP, len(shown) - limit)),
                        left=fmt_number(len(shown) - limit)), key=f"fu_more_{group}_button",
                      icon=":material/expand_more:", on_click=_show_more, args=(group, limit))


def _show_more(group: str, limit: int) -> None:
    st.session_state[f"fu_more_{group}"] = limit + PER_GROUP


def owners_table(frame: pd.DataFrame) -> None:
    """Open follow-ups per owner with the overdue count, most overdue first."""
    if frame.empty:
        st.success(t("coaching.nothing_open_anyone"))
        return
    shown = pd.DataFrame({
        "owner": frame["owner"], "open": frame["open"].astype(int),
        "overdue": frame["overdue"].astype(int), "this_week": frame["this_week"].astype(int),
        "oldest_due": [fmt_date(d) for d in frame["oldest_due"]]})
    st.dataframe(shown, hide_index=True, width="stretch",
                 column_config={c: t(f"coaching.col_{c}") for c in shown.columns})


def items_table(items: Sequence[FollowUpItem]) -> None:
    """Open follow-ups as a table: due, state, action, artisan, owner."""
    if not items:
        st.info(t("coaching.none_match"))
        return
    shown = pd.DataFrame({
        "due": [fmt_date(i.due_on) for i in items],
        "state": [t(f"coaching.state_{i.group}") for i in items],
        "action": [i.action for i in items], "artisan": [i.artisan for i in items],
        "owner": [i.owner for i in items]})
    st.dataframe(shown, hide_index=True, width="stretch",
                 column_config={c: t(f"coaching.col_{c}") for c in shown.columns})


def reassign_form(actor: Actor, items: Sequence[FollowUpItem], advisers: dict[int, str]) -> None:
    """Give chosen open follow-ups to another adviser, all at once or none."""
    form = "fu_reassign"
    by_id = {i.id: i for i in items}
    labels = {i.id: f"{fmt_date(i.due_on)} · {i.action[:60]} · {i.artisan} ({i.owner})"
              for i in items}

    def save() -> None:
        chosen = [by_id[i] for i in st.session_state.get(f"{form}_ids", []) if i in by_id]
        owner = st.session_state.get(f"{form}_owner")
        if not chosen:
            raise ValidationError({"_form": "coaching.reassign_none"})
        with session_scope() as session:
            for item in chosen:
                reassign_follow_up(session=session, actor=actor, follow_up_id=item.id,
                                   version=item.version, owner_user_id=owner)
        st.session_state[f"{form}_ids"] = []

    st.session_state[f"{form}_ids"] = [i for i in st.session_state.get(f"{form}_ids", [])
                                       if i in by_id]
    with st.form(form):
        st.multiselect(t("coaching.reassign_pick"), list(by_id), key=f"{form}_ids",
                       format_func=lambda i: labels.get(i, str(i)),
                       placeholder=t("coaching.reassign_pick_hint"))
        st.selectbox(t("coaching.reassign_to"), list(advisers), key=f"{form}_owner",
                     format_func=lambda u: advisers.get(u, str(u)))
        st.form_submit_button(t("coaching.reassign"), type="primary", on_click=submit,
                              args=(form, save, "coaching.reassigned"))
        form_feedback(form)
