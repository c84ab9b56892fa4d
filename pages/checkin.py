"""Door check-in, for a tablet at the entrance: today's event, a live counter, a search of two
or three letters, one tap per person, walk-ins added on the spot."""

from __future__ import annotations

import streamlit as st

from components.address import address_id
from components.auth import current_actor
from components.data import door_counter, todays_events
from components.door_view import candidates, counter, last_result, new_door, walk_in_form
from components.event_view import when
from components.i18n import t
from db import clock
from db.engine import session_scope
from db.queries.checkin import checkin_candidates

actor = current_actor()
st.title(t("door.title"))
events = todays_events(clock.today(), actor.role)
asked = address_id("event")
choices = {int(r["id"]): f"{when(r['starts_at'])} – {r['title']}"
           for r in events.to_dict("records")}
if asked is not None and asked not in choices:
    choices = {asked: t("door.other_event"), **choices}
if not choices:
    st.info(t("door.no_event_today"))
    st.page_link("pages/events.py", label=t("nav.events"), icon=":material/event:")
    st.stop()
event_id = st.selectbox(t("door.event"), list(choices), key="door_event",
                        index=list(choices).index(asked) if asked in choices else 0,
                        format_func=lambda i: choices.get(i, str(i)), on_change=new_door)
counter(door_counter(event_id, actor.role))
last_result()
st.text_input(t("door.search"), key="door_search", max_chars=60,
              placeholder=t("door.search_hint"))
text = str(st.session_state.get("door_search") or "").strip()
if len(text) >= 2:
    with session_scope() as session:
        found = checkin_candidates(session, event_id, text)
    candidates(actor, event_id, found)
walk_in_form(actor, event_id)
