"""Disclosure control for partners: every count rounded to base 5, "< 5", audited breakdowns;
campaign media figures (exposures the agency reports, not persons) exact (see "media")."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

BASE = 5
SMALL = "small"  # a count from 1 to 4, shown as "< 5" and never as a number
UNKNOWN = "unknown"  # a derived figure the disclosed ones do not determine
Shown = int | str  # a disclosed count: 0, a multiple of 5, or SMALL (UNKNOWN when derived)
Range = tuple[int, int]


@dataclass(frozen=True)
class Withheld:
    """A breakdown partners do not get: even rounded, a cell could be worked out from totals."""


def disclose_count(count: int) -> Shown:
    """0 stays 0, 1 to 4 become SMALL, 5 and more the nearest multiple of 5 (7 -> 5, 8 -> 10)."""
    if count < 0:
        raise ValueError(f"a count cannot be negative: {count}")
    if count == 0:
        return 0
    if count < BASE:
        return SMALL
    return BASE * ((count + BASE // 2) // BASE)


def interval(shown: Shown) -> Range:
    """Every count a partner cannot tell apart from a disclosed value, as [lowest, highest]."""
    if shown == SMALL:
        return (1, BASE - 1)
    if not isinstance(shown, int):
        raise ValueError(f"not a disclosed count: {shown!r}")
    if shown == 0:
        return (0, 0)
    return (max(BASE, shown - BASE // 2), shown + BASE // 2)


def feasible(cells: Sequence[Range], total: Range, known: int = 0) -> tuple[list[Range], Range]:
    """Each cell's and the total's range when every cell lies in its interval and the cells plus
    `known` (uncharted rows, assumed known exactly: the cautious side) add up to the total."""
    low, high = total[0] - known, total[1] - known
    sum_lo, sum_hi = sum(lo for lo, _ in cells), sum(hi for _, hi in cells)
    ranges = [(max(lo, low - (sum_hi - hi)), min(hi, high - (sum_lo - lo))) for lo, hi in cells]
    return ranges, (max(low, sum_lo) + known, min(high, sum_hi) + known)


def recoverable(cells: Sequence[Range], total: Range, known: int = 0) -> bool:
    """True when the audit pins a cell, or the total, that its own interval left open."""
    ranges, total_range = feasible(cells, total, known)
    pairs = [*zip(cells, ranges, strict=True), (total, total_range)]
    return any(lo == hi and given[0] < given[1] for given, (lo, hi) in pairs)


def _columns(name: str, shown: Sequence[Shown]) -> dict[str, Any]:
    """A disclosed column: its numbers (missing when hidden), and `<name>_hidden` (why)."""
    return {name: pd.array([s if isinstance(s, int) else None for s in shown], dtype="Int64"),
            f"{name}_hidden": [s if isinstance(s, str) else "" for s in shown]}


def disclose_figures(figures: dict[str, int]) -> dict[str, Shown]:
    """Headline figures, each rounded on its own."""
    return {name: disclose_count(int(value)) for name, value in figures.items()}


def _difference(before: Shown, after: Shown) -> Shown:
    """New members between two disclosed totals, derived from those two values alone."""
    if isinstance(before, int) and isinstance(after, int):
        return after - before
    return SMALL if after == SMALL else UNKNOWN  # from 0 or "< 5" to "< 5": fewer than 5


def disclose_growth(frame: pd.DataFrame) -> pd.DataFrame:
    """Cumulative members per month, rounded; new members are differences of rounded totals.

    Months without new members are filled in: a month's mere presence would reveal >= 1."""
    if frame.empty:
        return pd.DataFrame({"month": pd.to_datetime([]), **_columns("total", []),
                             **_columns("new", [])})
    totals = frame.set_index("month")["total"].asfreq("MS").ffill().astype(int)
    shown = [disclose_count(int(total)) for total in totals]
    new = [_difference(before, after) for before, after in zip([0, *shown], shown, strict=False)]
    return pd.DataFrame({"month": totals.index, **_columns("total", shown),
                         **_columns("new", new)})


def disclose_breakdown(frame: pd.DataFrame) -> pd.DataFrame | Withheld:
    """Cells rounded, then audited against the disclosed total (all rows, uncategorised ones
    too, the same number as the headline card): withheld when any cell could be recovered."""
    category = str(frame.columns[0])
    charted = frame[frame[category].notna()]
    counts = [int(c) for c in charted["count"]]
    uncharted = int(frame.loc[frame[category].isna(), "count"].sum())
    shown = [disclose_count(c) for c in counts]
    total = interval(disclose_count(sum(counts) + uncharted))
    if shown and recoverable([interval(s) for s in shown], total, uncharted):
        return Withheld()
    out = pd.DataFrame({category: charted[category].tolist(), **_columns("count", shown)})
    # the order of exact counts would tell apart cells rounded alike
    order = out.assign(_at=out["count"].fillna(0)).sort_values(["_at", category],
                                                              ascending=[False, True]).index
    return out.loc[order].reset_index(drop=True)


# A derived figure (a share, a median, the hours) a partner may see only when the count it is
# taken over, as a partner sees it (rounded), is at least MIN_BASE. Every such decision is
# taken on rounded counts only, so that "not disclosed" tells nothing the rounded figures do
# not already tell (a gate on the exact base would say "8 or 9" beside a card of 10).
MIN_BASE = 10
# A share, its base and its numerator: shown as the rounded numerator over the rounded base.
RATE_BASES = {"done_on_time": "follow_ups_done", "uptake_rate": "registry",
              "repeat_rate": "active_members", "no_show_rate": "registrations"}
# A median and the count of the values it is taken over (the same set, not a neighbour's).
MEDIAN_BASES = {"median_days_to_close": "follow_ups_closed",
                "median_days_to_decision": "decisions_timed"}
# An amount summed over persons' sessions, and the count of those sessions.
AMOUNT_BASES = {"hours": "sessions"}
DERIVED_BASES = RATE_BASES | MEDIAN_BASES | AMOUNT_BASES
RATES = frozenset(RATE_BASES)

# The dashboards' figures a partner gets (db/queries/*_kpis.py), chosen so that no two of them,
# nor one of them and a figure of the Overview or of a chart a partner sees, add up to another:
# rounded on its own, each is then safe, where sums of rounded figures pinned counts of 1 to 4
# (members to date = before + new; members of the period = new + returning; decisions = new +
# renewals + refusals; a breakdown's cells = its card; the Overview's open follow-ups = those
# due in each period). Any other figure of a read is dropped, so a figure added to a read later
# is not shown to partners until it is listed here, after that check.
PARTNER_KPIS = frozenset({
    "members", "active_members", "events_held", "attendances", "repeat_rate", "no_show_rate",
    "artisans_coached", "sessions", "hours", "follow_ups_done", "done_on_time",
    "median_days_to_close",
    "certified", "registry", "uptake_rate", "decisions", "median_days_to_decision",
    "campaign_signups"})


def _shown_base(figures: dict[str, float | None], name: str) -> Shown:
    return disclose_count(round(figures.get(DERIVED_BASES[name]) or 0))


def _derived(name: str, value: float, figures: dict[str, float | None]) -> Shown | float:
    """A rate, a median or the hours as a partner sees them, or UNKNOWN, decided on rounded
    counts only: a share is its rounded numerator over its rounded base, in whole percent,
    unless the numerator is "< 5"; a median, in whole days, and the hours, rounded to 5, need
    a rounded base of MIN_BASE; no session is 0 hours."""
    base = _shown_base(figures, name)
    if base == 0 and name in AMOUNT_BASES:
        return 0
    if not isinstance(base, int) or base < MIN_BASE:
        return UNKNOWN
    if name in AMOUNT_BASES:
        return disclose_count(round(value))
    if name in MEDIAN_BASES:
        return float(round(value))
    numerator = disclose_count(round(value * int(figures[RATE_BASES[name]] or 0)))
    return UNKNOWN if numerator == SMALL else round(int(numerator) / base, 2)


def disclose_kpis(figures: dict[str, float | None]) -> dict[str, Shown | float | None]:
    """A dashboard's figures as a partner gets them: only the PARTNER_KPIS, counts rounded on
    their own, derived figures as _derived says; a missing one stays missing."""
    shown: dict[str, Shown | float | None] = {}
    for name, value in figures.items():
        if name not in PARTNER_KPIS:
            continue
        if value is None:
            shown[name] = None
        elif name in DERIVED_BASES:
            shown[name] = _derived(name, value, figures)
        else:
            shown[name] = disclose_count(round(value))
    return shown


def disclose_series(frame: pd.DataFrame) -> pd.DataFrame | Withheld:
    """Counts per month (column `month`, then count columns): each rounded, every month kept
    (its presence says nothing), and withheld when a month's count could be worked out from
    the rounded months and their rounded total."""
    out = pd.DataFrame({"month": frame["month"]})
    for column in [c for c in frame.columns if c != "month"]:
        counts = [int(c) for c in frame[column]]
        shown = [disclose_count(c) for c in counts]
        if counts and recoverable([interval(x) for x in shown],
                                  interval(disclose_count(sum(counts)))):
            return Withheld()
        out = out.assign(**_columns(column, shown))
    return out


# Campaign media figures (db/queries/campaign_kpis.py) count exposures that the media agency
# reports (impressions, reach, clicks, spend, flyers, posters, spots, GRP, their ratios), not
# persons of the registry: partners see them exactly. Only these fields pass, so a person's
# column added to such a read later is refused, never shown; campaign sign-ups count persons
# and go through "kpis" like every count of persons.
MEDIA_FIELDS = frozenset({
    "id", "name", "slogan", "starts_on", "ends_on", "budget_eur", "rows", "first_day",
    "last_day", "campaign", "channel", "period_start", "period_end", "start", "impressions",
    "reach", "largest_reach", "frequency", "clicks", "spend_eur", "flyers_distributed",
    "poster_face_days", "spots_aired", "grp", "ctr", "cpm", "cpc"})


# Free text staff type about a campaign (its name and slogan): partners get the campaign's
# number and dates instead, as a name could be anything, a person's too.
MEDIA_TEXT = frozenset({"name", "slogan", "campaign"})


def disclose_media(result: pd.DataFrame | dict[str, Any]) -> pd.DataFrame | dict[str, Any]:
    """Campaign media figures as they are, once every field is a media one (else ValueError),
    without the campaigns' free text (MEDIA_TEXT: emptied)."""
    fields = set(result.columns if isinstance(result, pd.DataFrame) else result)
    if unknown := fields - MEDIA_FIELDS:
        raise ValueError(f"not media figures: {sorted(unknown)}")
    if isinstance(result, pd.DataFrame):
        return result.assign(**{f: None for f in fields & MEDIA_TEXT})
    return result | dict.fromkeys(fields & MEDIA_TEXT)


DISCLOSURES: dict[str, Callable[[Any], Any]] = {
    "figures": disclose_figures,
    "growth": disclose_growth,
    "breakdown": disclose_breakdown,
    "kpis": disclose_kpis,
    "series": disclose_series,
    "media": disclose_media,
}


def disclose(kind: str, result: Any) -> Any:
    """What a partner may see of a read's result: every partner-facing figure passes here."""
    return DISCLOSURES[kind](result)
