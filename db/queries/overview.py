"""The Overview's headline figures, one small query each, all aggregated in SQL."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from db.queries import campaign, coaching, community, label


def overview_figures(session: Session, today: date) -> dict[str, int]:
    """Members to date, certified today, impressions, sessions this year, follow-ups."""
    follow_ups = coaching.follow_up_counts(session, today)
    return {
        "members": community.members_to_date(session, today),
        "certified": label.certified_count(session, today),
        "impressions": campaign.total_impressions(session),
        "sessions_this_year": coaching.sessions_between(session, date(today.year, 1, 1), today),
        "follow_ups_open": follow_ups["open"],
        "follow_ups_overdue": follow_ups["overdue"],
    }
