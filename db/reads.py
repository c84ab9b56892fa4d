"""The one read path of the pages: every figure goes through run_read, a partner's through
disclose(), so no screen, chart or report can show a partner an undisclosed number."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from db import clock
from db.periods import Period, Scope, partner_periods
from db.permissions import STAFF_AND_UP, PermissionDenied
from db.privacy import disclose
from db.queries.campaign_kpis import (
    campaign_signups,
    campaign_totals,
    channel_figures,
    impressions_series,
    reach_rows,
)
from db.queries.campaign_lists import campaign_figures, campaigns_overview
from db.queries.chart_targets import indicator_targets, target_progress
from db.queries.checkin import checkin_candidates, door_counter
from db.queries.coaching_kpis import coaching_figures, sessions_by_month
from db.queries.coaching_log import advisers, recent_sessions, session_detail
from db.queries.community import (
    members_by_commune,
    members_by_month,
    members_by_place,
    members_growth,
)
from db.queries.community_kpis import community_events, community_figures, community_people
from db.queries.event_lists import event_attendees, event_detail, events_overview, todays_events
from db.queries.follow_ups import my_follow_ups, open_by_owner, open_follow_ups
from db.queries.label import certified_by_sector, label_history
from db.queries.label_kpis import (
    certified_by_month,
    certified_by_place,
    label_figures,
    label_funnel,
)
from db.queries.overview import overview_figures
from db.queries.profile import artisan_options, artisan_profile, artisan_timeline
from db.queries.progress import progress
from db.queries.registry import search_artisans
from db.queries.targets import targets_table
from db.queries.tracks import track_detail, tracks_overview

# Roles that see exact figures; every other role (partner, or one added later) is disclosed to.
EXACT_ROLES = STAFF_AND_UP


@dataclass(frozen=True)
class Read:
    """A named read: its query, the areas whose writes change its result, and its disclosure
    kind (see db.privacy.DISCLOSURES); None means partners may not read it at all."""

    query: Callable[..., Any]
    areas: tuple[str, ...]
    disclosure: str | None


READS: dict[str, Read] = {
    "overview_figures": Read(overview_figures, ("events", "attendance", "label", "campaign",
                                                "coaching"), "figures"),
    "members_by_month": Read(members_by_month, ("events", "attendance"), "growth"),
    "members_by_commune": Read(members_by_commune, ("events", "attendance", "artisans"),
                               "breakdown"),
    "certified_by_sector": Read(certified_by_sector, ("label", "artisans"), "breakdown"),
    # Lists of persons: never disclosed to partners.
    "registry_search": Read(search_artisans, ("artisans", "label"), None),
    "artisan_profile": Read(artisan_profile, ("artisans", "label"), None),
    "artisan_timeline": Read(artisan_timeline, ("artisans", "events", "attendance", "coaching",
                                                "label"), None),
    "label_history": Read(label_history, ("artisans", "label"), None),
    # Events and the door: staff screens (lists of persons, or per-event counts small enough
    # to single someone out), never disclosed to partners.
    # "attendance": registrations and check-ins (a tap leaves the events themselves as they were).
    "events_overview": Read(events_overview, ("events", "attendance"), None),
    "event_detail": Read(event_detail, ("events", "attendance"), None),
    "event_attendees": Read(event_attendees, ("events", "attendance", "artisans", "users"), None),
    "todays_events": Read(todays_events, ("events",), None),
    "checkin_candidates": Read(checkin_candidates, ("events", "attendance", "artisans", "users"),
                               None),
    "door_counter": Read(door_counter, ("events", "attendance"), None),
    "artisan_options": Read(artisan_options, ("artisans",), None),  # the pickers' matches
    # Campaign figures as staff enter and correct them (partners get a dashboard's instead).
    "campaigns": Read(campaigns_overview, ("campaign",), None),
    "campaign_figures": Read(campaign_figures, ("campaign",), None),
    # Coaching: sessions, follow-ups and tracks name artisans; never disclosed to partners.
    "advisers": Read(advisers, ("users",), None),
    "recent_sessions": Read(recent_sessions, ("coaching", "artisans", "users"), None),
    "session_detail": Read(session_detail, ("coaching", "artisans", "users"), None),
    "my_follow_ups": Read(my_follow_ups, ("coaching", "artisans", "users"), None),
    "open_follow_ups": Read(open_follow_ups, ("coaching", "artisans", "users"), None),
    "follow_ups_by_owner": Read(open_by_owner, ("coaching", "artisans", "users"), None),
    "tracks_overview": Read(tracks_overview, ("coaching",), None),
    # Targets: managers' screen; the dashboards show partners the disclosed figures instead.
    "targets_table": Read(targets_table, ("targets",), None),
    "target_progress": Read(progress, ("targets", "events", "attendance", "label", "campaign",
                                       "coaching"), None),
    "track_detail": Read(track_detail, ("coaching", "artisans"), None),
    # Dashboards: aggregates with their disclosure kind; a partner's scope is checked first
    # (partner_arguments: region-wide, fixed periods). The funnel and the breakdowns by commune
    # and sector are staff's (None): with the cards and the Overview's breakdowns, their sums
    # pinned counts (docs/privacy.md).
    "coaching_kpis": Read(coaching_figures, ("coaching", "artisans"), "kpis"),
    "coaching_by_month": Read(sessions_by_month, ("coaching", "artisans"), "series"),
    "community_kpis": Read(community_figures, ("events", "attendance", "artisans"), "kpis"),
    "community_growth": Read(members_growth, ("events", "attendance", "artisans"), "growth"),
    "community_by_place": Read(members_by_place, ("events", "attendance", "artisans"), None),
    # Per event: titles and counts small enough to single someone out; staff only. Staff's
    # figures add up the per-event counts to community_people's (dashboard_data.community_view).
    "community_events": Read(community_events, ("events", "attendance", "artisans"), None),
    "community_people": Read(community_people, ("events", "attendance", "artisans"), None),
    "label_kpis": Read(label_figures, ("label", "artisans"), "kpis"),
    "label_by_month": Read(certified_by_month, ("label", "artisans"), "series"),
    "label_funnel": Read(label_funnel, ("label", "artisans"), None),
    "label_by_place": Read(certified_by_place, ("label", "artisans"), None),
    # Any indicator's targets for its charts, and a flow's progress towards them by month.
    "chart_targets": Read(indicator_targets, ("targets",), None),
    "chart_target_progress": Read(target_progress, ("targets", "coaching", "campaign"), None),
    # Campaign reach: media figures are exact for partners (db.privacy "media": exposures, not
    # persons) but without the campaigns' free text; the sign-ups count persons and are
    # disclosed like every count.
    "dash_campaigns": Read(campaigns_overview, ("campaign",), "media"),
    "campaign_kpis": Read(campaign_totals, ("campaign",), "media"),
    "campaign_channels": Read(channel_figures, ("campaign",), "media"),
    "campaign_rows": Read(reach_rows, ("campaign",), "media"),
    "campaign_series": Read(impressions_series, ("campaign",), "media"),
    "campaign_signups": Read(campaign_signups, ("artisans",), "kpis"),
}


class NotDisclosable(PermissionDenied):
    """A read without a disclosure kind (say, a list of persons) asked for by a partner."""

    def __init__(self, role: str, name: str) -> None:
        PermissionError.__init__(self, f"role {role!r} may not read {name}: no disclosure")
        self.permission = f"read.{name}"


class NotPartnerScope(PermissionDenied):
    """A partner's read narrowed to a commune or sector, or over a period partners do not get
    (db.periods.partner_periods): a small area, or two overlapping periods, could single
    someone out."""

    def __init__(self, role: str, name: str, what: object) -> None:
        PermissionError.__init__(self, f"role {role!r} may not read {name} for {what!r}")
        self.permission = f"read.{name}.scope"


def _partner_periods_now() -> frozenset[Period]:
    """Today's partner periods, and yesterday's: a page drawn just before midnight asks for
    the periods of its own day (the UI offers no way to choose another day)."""
    today = clock.today()
    return partner_periods(today) | partner_periods(today - timedelta(days=1))


def partner_arguments(role: str, name: str, args: tuple[Any, ...]) -> None:
    """Refuse a partner's read that is not region-wide or not over one of today's partner
    periods (checked here, on the server side, whatever the page or its address asked for)."""
    allowed: frozenset[Period] | None = None
    for arg in args:
        if isinstance(arg, Scope) and (arg.commune is not None or arg.sector is not None):
            raise NotPartnerScope(role, name, arg)
        period = arg.period if isinstance(arg, Scope) else arg
        if isinstance(period, Period):
            allowed = allowed or _partner_periods_now()
            if period not in allowed:
                raise NotPartnerScope(role, name, period)


def sees_exact(role: str) -> bool:
    """Whether a role sees exact figures (staff and up) or disclosed ones (everyone else)."""
    return role in EXACT_ROLES


def run_read(session: Session, name: str, role: str, *args: Any) -> Any:
    """A read's result for a role: exact for staff and up, else passed through disclose()."""
    read = READS[name]
    if sees_exact(role):
        return read.query(session, *args)
    if read.disclosure is None:
        raise NotDisclosable(role, name)
    partner_arguments(role, name, args)
    return disclose(read.disclosure, read.query(session, *args))
