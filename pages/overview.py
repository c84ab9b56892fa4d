"""Overview: the plan's headline figures and community growth, aggregates only."""

from __future__ import annotations

from functools import partial

import streamlit as st

from components.auth import current_actor
from components.dash_views import areas, hidden_labels
from components.dash_views import growth as growth_view
from components.data import breakdown, community_growth, overview
from components.i18n import fmt_date, fmt_number, t
from components.targets_data import growth_targets
from components.together import together
from db import clock
from db.privacy import Shown
from db.reads import sees_exact

actor = current_actor()
today = clock.today()
# exact, or disclosed to partners by db/reads.py; the reads at once (cold: faster)
figures, growth, communes, sectors = together(
    partial(overview, today, actor.role), partial(community_growth, today, actor.role),
    partial(breakdown, "members_by_commune", today, actor.role),
    partial(breakdown, "certified_by_sector", today, actor.role))
hidden = hidden_labels()


def shown(value: Shown) -> str:
    """A figure as read: a number in the language's format, or the label of a hidden one."""
    return hidden.get(value, value) if isinstance(value, str) else fmt_number(value)


st.title(t("overview.title"))
st.caption(t("app.subtitle") + " · " + t("overview.as_of", day=fmt_date(today)))

cards = (
    ("overview.members", figures["members"], "overview.members_help"),
    ("overview.certified", figures["certified"], "overview.certified_help"),
    ("overview.impressions", figures["impressions"], "overview.impressions_help"),
)
for column, (label, value, help_key) in zip(st.columns(3), cards, strict=True):
    column.metric(t(label), shown(value), help=t(help_key), border=True)

second_row: tuple[tuple[str, Shown, str | None], ...] = (
    (t("overview.sessions", year=today.year), figures["sessions_this_year"],
     t("overview.sessions_help")),
    (t("overview.follow_ups_open"), figures["follow_ups_open"], None),
    (t("overview.follow_ups_overdue"), figures["follow_ups_overdue"],
     t("overview.follow_ups_overdue_help")),
)
for column, (label, value, help_text) in zip(st.columns(3), second_row, strict=True):
    column.metric(label, shown(value), help=help_text, border=True)

st.subheader(t("overview.growth_title"))
if growth.empty:
    st.info(t("overview.no_data"))
else:
    growth_view(growth, growth_targets(growth, today, actor.role), today)
    st.caption(t("overview.growth_caption"))

areas((communes, sectors), ("overview.by_commune", "overview.by_sector"),
      count_title=t("chart.artisans"), empty=t("overview.no_data"))
if not sees_exact(actor.role):
    st.caption(t("privacy.partner_note"))
