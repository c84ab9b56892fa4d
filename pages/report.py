"""Report: every dashboard's figures and charts for a period as one self-contained HTML file,
for managers and partners (partners get the aggregate-only version, as on their Overview)."""

from __future__ import annotations

import streamlit as st

from components.auth import current_actor
from components.chart_export import file_stem
from components.i18n import t
from components.period_filter import filters
from components.report import report_html
from components.report_contents import report_for
from db import clock
from db.reads import sees_exact

actor = current_actor()
today = clock.today()
st.title(t("nav.report"))
st.write(t("report.intro"))
scope = filters(today, sees_exact(actor.role))
# The figures are read now (cached reads of this run, as the dashboards show them); the charts
# are drawn and the file made only when the button is pressed.
report = report_for(scope, today, actor.role)
st.download_button(t("report.download"), lambda: report_html(report).encode("utf-8"),
                   file_name=f"{file_stem(t('report.file'))}-{scope.period.start.isoformat()}"
                             f"-{scope.period.end.isoformat()}.html",
                   mime="text/html", key="report_download", help=t("report.download_help"),
                   on_click="ignore", type="primary", icon=":material/download:")
st.caption(t("report.contents", sections=", ".join(s.title for s in report.sections)))
if not sees_exact(actor.role):
    st.caption(t("privacy.partner_note"))
