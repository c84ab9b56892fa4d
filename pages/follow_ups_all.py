"""All follow-ups, for managers: the open ones by owner with the overdue count, the list
filtered by owner and artisan, and a reassignment to another adviser."""

from __future__ import annotations

import streamlit as st

from components.auth import current_actor
from components.coaching_data import advisers, follow_ups_by_owner, open_follow_ups
from components.follow_up_view import items_table, owners_table, reassign_form
from components.i18n import t
from db import clock

actor = current_actor()
today = clock.today()
people = advisers(actor.role)
st.title(t("coaching.all_title"))
st.subheader(t("coaching.by_owner"))
owners_table(follow_ups_by_owner(today, actor.role))

st.subheader(t("coaching.open_list"))
everyone = open_follow_ups(today, actor.role)
artisans = dict(sorted({(i.artisan_id, i.artisan) for i in everyone}, key=lambda p: p[1]))
owners = {i.owner_id: i.owner for i in everyone} | people
anyone = t("coaching.any")  # bound to this run's language, for the format_funcs
pick = st.columns(2)
owner = pick[0].selectbox(t("coaching.filter_owner"), [None, *owners], key="fu_owner",
                          placeholder=anyone,
                          format_func=lambda u: owners.get(u, "") if u else anyone)
artisan = pick[1].selectbox(t("coaching.filter_artisan"), [None, *artisans], key="fu_artisan",
                            placeholder=anyone,
                            format_func=lambda a: artisans.get(a, "") if a else anyone)
items = open_follow_ups(today, actor.role, owner, artisan) if owner or artisan else everyone
items_table(items)
st.subheader(t("coaching.reassign_title"))
reassign_form(actor, items, people)
