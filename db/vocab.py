"""Closed vocabularies of the domain; the models turn each into a CHECK constraint."""

from __future__ import annotations

LANGUAGES = ("fr", "nl", "en")
SOURCES = ("event", "campaign", "referral", "registry_import", "other")
EVENT_KINDS = (
    "networking",
    "workshop_visit",
    "conference",
    "coaching_group",
    "label_info_session",
    "other",
)
ACTIONS = ("community", "campaign", "coaching", "label")
ATTENDANCE_STATUSES = ("registered", "attended", "no_show", "cancelled")
SESSION_FORMATS = ("on_site", "office", "online", "phone")
COACHING_TOPICS = ("business_model", "pricing", "digital_presence", "label_application",
                   "sustainability", "financing", "other")
FOLLOW_UP_STATUSES = ("open", "done", "cancelled")
CHANNELS = ("posters", "radio", "flyers", "social", "search", "other")
LABEL_STATES = (
    "not_informed",
    "informed",
    "interested",
    "file_in_preparation",
    "submitted",
    "certified",
    "refused",
    "expired",
)
LABEL_VALIDITY_YEARS = 6
INDICATORS = (
    "community_members",
    "certified_artisans",
    "campaign_impressions",
    "artisans_coached",
    "coaching_sessions",
)
ROLES = ("admin", "manager", "staff", "partner")
AUDIT_ACTIONS = ("create", "update", "delete", "login", "login_failed", "logout", "erase",
                 "import", "export")
# Areas whose data version is bumped by writes, so cached reads can be keyed on it.
AREAS = ("artisans", "events", "coaching", "campaign", "label", "targets", "users",
         "attendance")


def sql_in(column: str, values: tuple[str, ...]) -> str:
    """SQL text `column IN ('a', 'b')` for a CHECK constraint over a closed vocabulary."""
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"{column} IN ({quoted})"
