"""Door check-in, for a tablet at the entrance: today's event, a live counter, a search of two
or three letters, one tap per person, walk-ins added on the spot."""

from __future__ import annotations

import streamlit as st

from components.address import address_id
from components.auth import current_actor
from components.door_view import (
    candidates,
    counter,
    event_choices,
    last_result,
    live_counter,
    new_door,
    walk_in_form,
)
from components.i18n import t
from components.plain import plain
from db import clock
from db.engine import session_scope
from db.queries.checkin import MIN_TEXT, checkin_candidates

actor = current_actor()
st.title(t("door.title"))
choices = event_choices(clock.today(), actor.role)
asked = address_id("event")
if asked is not None and asked not in choices:
    choices = {asked: t("door.other_event"), **choices}
if not choices:
    st.info(t("door.no_event_today"))
    st.page_link("pages/events.py", label=t("nav.events"), icon=":material/event:")
    st.stop()
if len(choices) > 1:
    event_id = st.selectbox(t("door.event"), list(choices), key="door_event",
                            index=list(choices).index(asked) if asked in choices else 0,
                            format_func=lambda i: choices.get(i, str(i)), on_change=new_door)
else:  # the usual evening: one event, nothing to choose
    event_id, label = next(iter(choices.items()))
    st.markdown(f"**{plain(label)}**")
counter(live_counter(event_id, actor.role))
last_result()
st.text_input(t("door.search"), key="door_search", max_chars=60,
              placeholder=t("door.search_hint"))
text = str(st.session_state.get("door_search") or "").strip()
if len(text) >= MIN_TEXT:  # nothing to look up while the box is empty
    with session_scope() as session:
        found = checkin_candidates(session, event_id, text)
    candidates(actor, event_id, found)
walk_in_form(actor, event_id)
