"""The report's contents for a scope and a role, by the same cached reads as the dashboards (a
partner's disclosed and region-wide), translated in this run; its charts are makers, drawn
only when the file is made. The whole report is put together in components/report_contents."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial

import pandas as pd

from components import dashboard_cards as cards_of
from components.campaign_dash_view import channel_table, rows_table, series_table
from components.channel_charts import (
    channel_chart,
    channel_series_chart,
    channel_summary,
    series_summary,
)
from components.charts import (
    breakdown_chart,
    breakdown_summary,
    chart_table,
    drawn,
    monthly_summary,
)
from components.dashboard_data import (
    campaign_channels,
    campaign_figures_kpis,
    campaign_rows,
    campaign_series,
    coaching_by_month,
    coaching_figures,
)
from components.data import overview
from components.i18n import current_language, fmt_date, fmt_number, t
from components.kpi_view import Card, delta, shown
from components.report import ChartPart, Figure, Section
from components.target_charts import monthly_progress_chart, with_targets
from components.targets_data import flow_progress
from db.periods import Scope
from db.privacy import SMALL, UNKNOWN, Withheld
from db.queries.campaign_kpis import series_grain
from db.vocab import CHANNELS

COACHING_CARDS, CAMPAIGN_CARDS = cards_of.COACHING, cards_of.CAMPAIGN


@dataclass(frozen=True)
class Look:
    """How this run shows figures: the language, its thousands separator, hidden cells."""

    lang: str
    comma: bool
    hidden: dict[str, str]


def look() -> Look:
    """The session's language and the labels of hidden cells ("< 5", "not disclosed")."""
    lang = current_language()
    return Look(lang, lang != "en", {SMALL: t("privacy.small_cell"),
                                     UNKNOWN: t("privacy.unknown_cell")})


def figures(cards: Sequence[Card], now: dict[str, object],
            before: dict[str, object]) -> tuple[Figure, ...]:
    """A dashboard's cards as report figures, with their change and their definition; a
    figure the reader does not get (a partner's, db.privacy.PARTNER_KPIS) is left out."""
    return tuple(Figure(t(c.label_key), shown(now.get(c.name), c.kind),
                        delta(now.get(c.name), before.get(c.name), c.kind), t(c.help_key))
                 for c in cards if c.name in now)


def breakdown_part(title: str, frame: pd.DataFrame | Withheld, key: str,
                   name_of: Callable[[str], str], category_title: str, count_title: str,
                   empty: str, seen: Look, in_order: bool = False) -> ChartPart:
    """Counts per category (commune, sector, state) as a bar chart with its table."""
    if isinstance(frame, Withheld):
        return ChartPart(title, None, empty=t("privacy.withheld"))
    if frame.empty:
        return ChartPart(title, None, empty=empty)
    frame = frame.assign(**{key: frame[key].map(name_of)})
    make = partial(breakdown_chart, frame, category=key, category_title=category_title,
                   title=count_title, hidden=seen.hidden, decimal_comma=seen.comma,
                   in_order=in_order)
    return ChartPart(title, make,
                     summary=breakdown_summary(frame, category=key, hidden=seen.hidden,
                                               template=t("chart.breakdown_summary"),
                                               decimal_comma=seen.comma),
                     table=chart_table(frame, {key: category_title, "count": count_title},
                                       seen.hidden, seen.comma))


def overview_section(today: date, role: str, seen: Look) -> Section:
    """The Overview's headline figures, as of today (the plan to date, not the period)."""
    values = overview(today, role)

    def text(value: object) -> str:
        return seen.hidden.get(value, str(value)) if isinstance(value, str) else fmt_number(
            value)  # type: ignore[arg-type]

    rows = (("overview.members", "members", "overview.members_help"),
            ("overview.certified", "certified", "overview.certified_help"),
            ("overview.impressions", "impressions", "overview.impressions_help"),
            ("overview.sessions", "sessions_this_year", "overview.sessions_help"),
            ("overview.follow_ups_open", "follow_ups_open", None),
            ("overview.follow_ups_overdue", "follow_ups_overdue",
             "overview.follow_ups_overdue_help"))
    return Section(t("overview.title"), tuple(
        Figure(t(label, year=today.year), text(values[name]), None, t(help_key) if help_key
               else "") for label, name, help_key in rows),
        intro=t("overview.as_of", day=fmt_date(today)))


def coaching_section(scope: Scope, before: Scope, today: date, role: str,
                     seen: Look) -> Section:
    """The coaching dashboard: its figures and sessions per month."""
    title = t("kpi.sessions_by_month")
    monthly = coaching_by_month(scope, role)
    if isinstance(monthly, Withheld):
        part = ChartPart(title, None, empty=t("privacy.withheld"))
    elif monthly.empty or not drawn(monthly, "sessions"):
        part = ChartPart(title, None, empty=t("kpi.no_sessions_in_period"))
    else:
        progress = flow_progress("coaching_sessions", scope, today, role)  # staff and up
        part = ChartPart(
            title, partial(monthly_progress_chart, monthly, progress, column="sessions",
                           month=t("chart.month"), title=t("kpi.sessions"), hidden=seen.hidden,
                           decimal_comma=seen.comma,
                           progress_title=t("chart.sessions_since_start"),
                           target_title=t("chart.target")),
            summary=with_targets(monthly_summary(monthly, column="sessions", hidden=seen.hidden,
                                                 template=t("kpi.sessions_summary"),
                                                 decimal_comma=seen.comma),
                                 progress, template=t("chart.target_summary"),
                                 decimal_comma=seen.comma),
            table=chart_table(monthly, {"month": t("chart.month"), "sessions": t("kpi.sessions"),
                                        "artisans": t("kpi.artisans_coached")},
                              seen.hidden, seen.comma))
    return Section(t("nav.dash_coaching"), figures(
        COACHING_CARDS, coaching_figures(scope, today, role),
        coaching_figures(before, today, role)), (part,))


def campaign_section(scope: Scope, before: Scope, role: str, seen: Look) -> Section:
    """The campaign reach dashboard over all campaigns: figures, impressions per channel and
    over time, and reach per channel and period as entered (never summed)."""
    names, channel_title = {c: t("channel." + c) for c in CHANNELS}, t("campaign_kpi.channel")
    impressions = t("campaign_kpi.impressions")
    channels, title = campaign_channels(scope, None, role), t("campaign_kpi.by_channel")
    if channels.empty:
        parts = [ChartPart(title, None, empty=t("campaign_kpi.no_figures"))]
    elif not channels["impressions"].notna().any():
        parts = [ChartPart(title, None, table=channel_table(channels),
                           empty=t("campaign_kpi.no_impressions"))]
    else:
        parts = [ChartPart(
            title, partial(channel_chart, channels, column="impressions", names=names,
                           title=impressions, channel_title=channel_title,
                           decimal_comma=seen.comma),
            summary=channel_summary(channels, column="impressions", names=names,
                                    template=t("campaign_kpi.channel_summary"),
                                    decimal_comma=seen.comma),
            table=channel_table(channels), caption=t("campaign_kpi.channel_definitions"))]
    weekly = series_grain(scope.period) == "week"
    series, title = campaign_series(scope, None, role), t(
        "campaign_kpi.by_week" if weekly else "campaign_kpi.by_month")
    period_title = t("campaign_kpi.week" if weekly else "chart.month")
    parts.append(ChartPart(title, None, empty=t("campaign_kpi.no_impressions")) if series.empty
                 else ChartPart(title, partial(channel_series_chart, series, names=names,
                                               period_title=period_title,
                                               channel_title=channel_title, title=impressions,
                                               decimal_comma=seen.comma),
                                summary=series_summary(series, decimal_comma=seen.comma,
                                                       template=t("campaign_kpi.series_summary")),
                                table=series_table(series, period_title),
                                caption=t("campaign_kpi.series_caption")))
    rows, title = campaign_rows(scope, None, role), t("campaign_kpi.reach_rows")
    parts.append(ChartPart(title, None, empty=t("campaign_kpi.no_figures")) if rows.empty else
                 ChartPart(title, None, table=rows_table(rows),
                           caption=t("campaign_kpi.reach_caption")))
    return Section(t("nav.dash_campaign"), figures(
        CAMPAIGN_CARDS, campaign_figures_kpis(scope, None, role),
        campaign_figures_kpis(before, None, role)), parts, intro=t("campaign_kpi.rule"))
