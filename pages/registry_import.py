"""Import: a list of artisans (CSV or Excel) into the registry, and the FPS Economy's register
of certified artisans into their label journeys; a preview first, then one write."""

from __future__ import annotations

import streamlit as st

from components.auth import current_actor
from components.i18n import t
from components.import_view import APPLY, COMMIT, label_register, registry_list, upload
from db.queries.artisans import FIELDS

actor = current_actor()
st.title(t("imports.title"))
registry_tab, register_tab = st.tabs([t("imports.tab_registry"), t("imports.tab_register")])
with registry_tab:
    st.caption(t("imports.intro_registry"))
    if chosen := upload("registry", ("import_result", f"{COMMIT}__success",
                                      f"{COMMIT}__errors", *(f"import_{f}" for f in FIELDS))):
        registry_list(actor, *chosen)
with register_tab:
    st.caption(t("imports.intro_register"))
    if chosen := upload("register", ("import_register_result", f"{APPLY}__success",
                                      f"{APPLY}__errors")):
        label_register(actor, *chosen)
