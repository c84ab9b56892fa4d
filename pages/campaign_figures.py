"""Campaign figures: a campaign's rows per channel and period, entered by hand, corrected, or
imported from an ad platform's export; a new campaign."""

from __future__ import annotations

import streamlit as st

from components.auth import current_actor
from components.campaign_data import campaign_figures, campaigns
from components.campaign_forms import campaign_form, correct_form, enter_form
from components.campaign_import_view import figures_import
from components.campaign_view import campaign_picker, figures_table
from components.i18n import t

actor = current_actor()
st.title(t("campaign.title"))
chosen = campaign_picker(campaigns(actor.role))
with st.expander(t("campaign.new"), expanded=chosen is None):
    campaign_form(actor)
if chosen is not None:
    figures = campaign_figures(chosen, actor.role)
    tabs = st.tabs([t("campaign.tab_figures"), t("campaign.tab_enter"), t("campaign.tab_correct"),
                    t("campaign.tab_import")])
    with tabs[0]:
        figures_table(figures)
    with tabs[1]:
        enter_form(actor, chosen)
    with tabs[2]:
        correct_form(actor, figures)
    with tabs[3]:
        figures_import(actor, chosen)
