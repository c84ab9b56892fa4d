"""Audit log (admins): who changed what and when, filtered, exported to CSV; read-only."""

from __future__ import annotations

from datetime import timedelta

import streamlit as st

from components.auth import current_actor
from components.i18n import t
from db import clock
from db.engine import session_scope
from db.queries.audit import audit_entries, audit_filter_values

actor = current_actor()
st.title(t("audit.title"))
st.caption(t("audit.caption"))

with session_scope() as session:
    choices = audit_filter_values(session, actor=actor)

every, every_label = "", t("audit.all")
left, middle, right = st.columns(3)
username = left.selectbox(t("audit.user"), [every, *choices["username"]], key="audit_user",
                          format_func=lambda u: u or every_label)
entity = middle.selectbox(t("audit.entity"), [every, *choices["entity"]], key="audit_entity",
                          format_func=lambda e: e or every_label)
today = clock.today()
days = right.date_input(t("audit.days"), (today - timedelta(days=30), today), key="audit_days",
                        max_value=today, format="DD/MM/YYYY")
start, end = (days if isinstance(days, tuple) and len(days) == 2 else (None, None))

with session_scope() as session:
    export = audit_entries(session, actor=actor, username=username or None,
                           entity=entity or None, start=start, end=end, limit=None)
shown = export.head(500)

st.download_button(t("audit.export"), export.to_csv(index=False).encode("utf-8"),
                   file_name=f"audit-log-{today.isoformat()}.csv", mime="text/csv",
                   icon=":material/download:", key="audit_download")
if shown.empty:
    st.info(t("audit.empty"))
else:
    st.caption(t("audit.count", shown=len(shown), total=len(export)))
    st.dataframe(
        shown, hide_index=True, width="stretch",
        column_config={
            "id": None,
            "at": st.column_config.DatetimeColumn(t("audit.at"), format="DD/MM/YYYY HH:mm:ss"),
            "username": t("audit.user"), "action": t("audit.action"),
            "entity": t("audit.entity"), "entity_id": t("audit.entity_id"),
            "before_json": t("audit.before"), "after_json": t("audit.after"),
        })
