"""The figures each dashboard shows as cards, in order: one list per dashboard, used by its
page and by the report, so that both always show the same figures with the same definitions."""

from __future__ import annotations

from components.kpi_view import Card

COACHING = (
    Card("artisans_coached", "kpi.artisans_coached", "kpi.artisans_coached_help"),
    Card("sessions", "kpi.sessions", "kpi.sessions_help"),
    Card("hours", "kpi.hours", "kpi.hours_help", "hours"),
    Card("follow_ups_done", "kpi.follow_ups_done", "kpi.follow_ups_due_help"),
    Card("follow_ups_open", "kpi.follow_ups_open", "kpi.follow_ups_due_help"),
    Card("follow_ups_overdue", "kpi.follow_ups_overdue", "kpi.follow_ups_overdue_help",
         worse_up=True),
    Card("done_on_time", "kpi.done_on_time", "kpi.done_on_time_help", "rate"),
    Card("median_days_to_close", "kpi.median_days", "kpi.median_days_help", "days",
         worse_up=True),
)
COMMUNITY = tuple(Card(name, f"community.{name}", f"community.{name}_help", kind,
                       worse_up=name in ("no_shows", "cancelled", "no_show_rate"))
                  for name, kind in (
    ("members", "count"), ("new_members", "count"), ("active_members", "count"),
    ("returning_members", "count"), ("events_held", "count"), ("attendances", "count"),
    ("walk_ins", "count"), ("registrations", "count"), ("no_shows", "count"),
    ("cancelled", "count"), ("repeat_rate", "rate"), ("no_show_rate", "rate")))
LABEL = tuple(Card(name, f"label_kpi.{key}", f"label_kpi.{key}_help", kind,
                   worse_up=name in ("refusals", "median_days_to_decision"))
              for name, key, kind in (
    ("certified", "certified", "count"), ("registry", "registry", "count"),
    ("uptake_rate", "uptake_rate", "rate"), ("new_certified", "new_certified", "count"),
    ("renewals", "renewals", "count"), ("refusals", "refusals", "count"),
    ("decisions", "decisions", "count"), ("median_days_to_decision", "median_days", "days")))
CAMPAIGN = (
    Card("impressions", "campaign_kpi.impressions", "campaign_kpi.impressions_help"),
    Card("clicks", "campaign_kpi.clicks", "campaign_kpi.clicks_help"),
    Card("spend_eur", "campaign_kpi.spend", "campaign_kpi.spend_help"),
    Card("campaign_signups", "campaign_kpi.signups", "campaign_kpi.signups_help"),
)
