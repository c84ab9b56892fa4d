"""The whole report for a scope and a role: the Overview's headline figures and every dashboard
(figures with their change and definition, charts with their tables), as the role sees them;
the campaign reach over all campaigns (the dashboard's campaign filter is not applied)."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

import pandas as pd
import streamlit as st

from components import dashboard_cards as cards_of
from components.auth import current_actor
from components.charts import (
    chart_table,
    drawn,
    growth_chart,
    growth_summary,
    new_returning_chart,
    new_returning_summary,
    stock_chart,
    stock_summary,
)
from components.dashboard_data import (
    community_view,
    label_breakdown,
    label_by_month,
    label_figures,
    label_places,
)
from components.data import refresh_versions
from components.i18n import current_language, fmt_date, t
from components.kpi_view import rates
from components.report import ChartPart, Report, Section, Words
from components.report_parts import (
    Look,
    breakdown_part,
    campaign_section,
    coaching_section,
    figures,
    look,
    overview_section,
)
from components.target_charts import with_targets
from components.targets_data import chart_targets
from db import vocab
from db.engine import get_engine
from db.periods import Scope
from db.privacy import Withheld
from db.reads import sees_exact
from db.reference import commune_name, sector_name

COMMUNITY_CARDS, LABEL_CARDS = cards_of.COMMUNITY, cards_of.LABEL


def _areas(prefix: str, frames: tuple[pd.DataFrame, pd.DataFrame], seen: Look,
           count_title: str, empty: str) -> list[ChartPart]:
    """A dashboard's counts per commune and per sector (community_… or label_…)."""
    title_prefix = "community" if prefix == "community" else "label_kpi"
    return [breakdown_part(t(f"{title_prefix}.by_{area}"), frame, key,
                           partial(name_of, lang=seen.lang), t(f"chart.{area}"), count_title,
                           empty, seen)
            for frame, (area, key, name_of) in zip(frames, (
                ("commune", "commune_nis", commune_name), ("sector", "sector", sector_name)),
                strict=True)]


def community_section(scope: Scope, today: date, role: str, seen: Look) -> Section:
    """The community dashboard: figures, members by month, new vs returning, areas."""
    view = community_view(scope, today, role)
    growth = view.growth
    title = t("community.growth_title")
    targets = chart_targets("community_members", scope, role)  # staff and up, whole Region
    parts = [ChartPart(title, None, empty=t("community.no_members")) if growth.empty else
             ChartPart(title, partial(growth_chart, growth, month=t("chart.month"),
                                      total=t("chart.members"), new=t("chart.new_members"),
                                      hidden=seen.hidden, decimal_comma=seen.comma,
                                      targets=targets, target_title=t("chart.target")),
                       summary=with_targets(
                           growth_summary(growth, template=t("chart.growth_summary"),
                                          day=fmt_date(min(scope.period.end, today)),
                                          hidden=seen.hidden, decimal_comma=seen.comma),
                           targets, template=t("chart.target_summary"),
                           decimal_comma=seen.comma),
                       table=chart_table(growth, {"month": t("chart.month"),
                                                  "total": t("chart.members"),
                                                  "new": t("chart.new_members")},
                                         seen.hidden, seen.comma),
                       caption=t("community.growth_caption"))]
    events = view.events  # staff and up: per event, and per commune and sector (partners:
    if events is not None and view.places is not None:  # neither, docs/privacy.md)
        title = t("community.per_event_title")
        columns = {"label": t("community.event_day"), "title": t("community.event"),
                   **{c: t(f"community.{c}") for c in ("attended", "new", "returning",
                                                       "walk_ins", "registrations", "no_shows")},
                   "rate": t("community.no_show_rate")}
        bars = events.assign(rate=rates(events["no_show_rate"]))
        parts.append(ChartPart(title, None, empty=t("community.no_events"))
                     if bars.empty or not drawn(bars, "new", "returning") else ChartPart(
            title, partial(new_returning_chart, bars, label="label",
                           label_title=t("community.event_day"), new=t("community.new"),
                           returning=t("community.returning"), hidden=seen.hidden,
                           decimal_comma=seen.comma),
            summary=new_returning_summary(bars, label="label", hidden=seen.hidden,
                                          template=t("community.new_returning_summary"),
                                          decimal_comma=seen.comma),
            table=chart_table(bars, columns, seen.hidden, seen.comma),
            caption=t("community.per_event_caption")))
        parts += _areas("community", view.places, seen, t("chart.members"),
                        t("community.no_members"))
    return Section(t("nav.dash_community"), figures(COMMUNITY_CARDS, view.figures, view.previous),
                   parts)


def label_section(scope: Scope, before: Scope, today: date, role: str, seen: Look) -> Section:
    """The label uptake dashboard: figures, certified over time, the funnel, areas."""
    months, title = label_by_month(scope, today, role), t("label_kpi.over_time")
    if isinstance(months, Withheld):
        parts = [ChartPart(title, None, empty=t("privacy.withheld"))]
    elif months.empty or not drawn(months, "certified"):
        parts = [ChartPart(title, None, empty=t("label_kpi.no_months" if months.empty
                                                  else "label_kpi.no_certified"))]
    else:
        # read now: the chart is drawn in another thread
        targets = chart_targets("certified_artisans", scope, role)
        parts = [ChartPart(
            title, partial(stock_chart, months, column="certified", month=t("chart.month"),
                           title=t("label_kpi.certified"), targets=targets,
                           target_title=t("label_kpi.target"), hidden=seen.hidden,
                           decimal_comma=seen.comma),
            summary=stock_summary(months, column="certified", hidden=seen.hidden,
                                  template=t("label_kpi.over_time_summary"),
                                  decimal_comma=seen.comma),
            table=chart_table(months, {"month": t("chart.month"),
                                       "certified": t("label_kpi.certified")},
                              seen.hidden, seen.comma),
            caption=t("label_kpi.over_time_caption"))]
    if sees_exact(role):  # the funnel and the areas: staff and up (docs/privacy.md)
        funnel = label_breakdown("label_funnel", scope, today, role)
        if not drawn(funnel, "count"):
            funnel = funnel.iloc[0:0]  # nobody on the journey: said as such, not empty bars
        parts.append(breakdown_part(t("label_kpi.funnel"), funnel, "state",
                                    lambda s: t("label_state." + s), t("label_kpi.state"),
                                    t("chart.artisans"), t("label_kpi.no_artisans"), seen,
                                    in_order=True))
        parts += _areas("label", label_places(scope, today, role), seen, t("chart.artisans"),
                        t("label_kpi.no_breakdown"))
    return Section(t("nav.dash_label"), figures(LABEL_CARDS, label_figures(scope, today, role),
                                                label_figures(before, today, role)), parts,
                   intro=t("label_kpi.as_of", day=fmt_date(min(scope.period.end, today))))


def report_for(scope: Scope, today: date, role: str) -> Report:
    """Everything the role's dashboards show for the scope, ready to be made into a file:
    put together once per scope, day, role, language and data versions (its 24 reads are
    cached one by one too; together, a warm run of the page unpickles one result)."""
    return _report(*_key(scope, today, role))


# The areas whose figures the report shows: all but the accounts (every login bumps "users",
# which changes no figure).
AREAS = tuple(area for area in vocab.AREAS if area != "users")


def _key(scope: Scope, today: date, role: str) -> tuple[Any, ...]:
    versions = st.session_state.get("data_versions") or refresh_versions()
    return (str(get_engine().url), tuple((a, versions.get(a, 0)) for a in AREAS), scope,
            today, role, current_language())


READY = "report_ready"  # this session's prepared report: (username, key, report)


def prepared_report(scope: Scope, today: date, role: str) -> Report | None:
    """The report this user prepared in this session for these filters, figures and language,
    if any, kept in the session: a visit of the page reads no figure until someone asks for
    the report (prepare_report), even once the shared cache has let it go."""
    ready = st.session_state.get(READY)
    if ready and ready[0] == current_actor().username and ready[1] == _key(scope, today, role):
        report: Report = ready[2]
        return report
    return None


def prepare_report(scope: Scope, today: date, role: str) -> Report:
    """Read every figure of the report (24 reads) and keep it as this user's, in the session."""
    key = _key(scope, today, role)
    report = _report(*key)
    st.session_state[READY] = (current_actor().username, key, report)
    return report


def outdated(scope: Scope, role: str) -> bool:
    """This user prepared a report for these filters, but the figures have changed since."""
    ready = st.session_state.get(READY)
    if not ready or ready[0] != current_actor().username:
        return False
    key = ready[1]
    return bool(key[2] == scope and key[4] == role and key[1] != _key(scope, key[3], role)[1])


@st.cache_data(ttl="10m", show_spinner=False, max_entries=64)
def _report(url: str, stamp: tuple[tuple[str, int], ...], scope: Scope, today: date, role: str,
            lang: str) -> Report:
    # Keyed on the data versions of every area it shows (any write there may change a figure),
    # the role (a partner gets disclosed figures) and the language (every text is translated
    # in here).
    return _contents(scope, today, role)


def _contents(scope: Scope, today: date, role: str) -> Report:
    seen = look()
    before = Scope(scope.period.previous(), scope.commune, scope.sector)
    place = [commune_name(scope.commune, seen.lang) if scope.commune else "",
             sector_name(scope.sector, seen.lang) if scope.sector else ""]
    where = " · ".join(p for p in place if p) if sees_exact(role) else ""
    period = t("filters.span", first=fmt_date(scope.period.start),
               last=fmt_date(scope.period.end)) + (f" · {where}" if where else "")
    sections = (overview_section(today, seen=seen, role=role),
                coaching_section(scope, before, today, role, seen),
                community_section(scope, today, role, seen),
                label_section(scope, before, today, role, seen),
                campaign_section(scope, before, role, seen))
    notes = () if sees_exact(role) else (t("privacy.partner_note"),
                                         t("campaign_kpi.partner_note"))
    return Report(lang=seen.lang, title=t("report.title"), period=period,
                  made=t("report.made", day=fmt_date(today)),
                  words=Words(t("report.figure"), t("report.value"), t("report.change"),
                              t("report.definitions"), t("chart.data")),
                  sections=sections, notes=notes)
