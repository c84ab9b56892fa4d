"""Report: every dashboard's figures and charts for a period as one self-contained HTML file,
for managers and partners (partners get the aggregate-only version, as on their Overview)."""

from __future__ import annotations

import streamlit as st

from components.auth import current_actor
from components.chart_export import file_stem
from components.i18n import t
from components.period_filter import filters
from components.report import report_html
from components.report_contents import outdated, prepare_report, prepared_report
from db import clock
from db.reads import sees_exact

actor = current_actor()
today = clock.today()
st.title(t("nav.report"))
st.write(t("report.intro"))
scope = filters(today, sees_exact(actor.role))
# The figures are read when asked for (every dashboard's, 24 reads), not on every visit; the
# charts are drawn and the file made when the download is pressed.
report = prepared_report(scope, today, actor.role)
if report is None:
    if outdated(scope, actor.role):
        st.info(t("report.outdated"))
    slot = st.empty()
    if slot.button(t("report.prepare"), key="report_prepare", type="primary",
                   help=t("report.prepare_help"), icon=":material/summarize:"):
        with st.spinner(t("report.preparing")):
            report = prepare_report(scope, today, actor.role)
        slot.empty()  # prepared: the download takes the button's place
if report is not None:
    ready = report
    st.success(t("report.ready", sections=", ".join(s.title for s in ready.sections)))
    st.download_button(t("report.download"), lambda: report_html(ready).encode("utf-8"),
                       file_name=f"{file_stem(t('report.file'))}-{scope.period.start.isoformat()}"
                                 f"-{scope.period.end.isoformat()}.html",
                       mime="text/html", key="report_download", help=t("report.download_help"),
                       on_click="ignore", type="primary", icon=":material/download:")
if not sees_exact(actor.role):
    st.caption(t("privacy.partner_note"))
