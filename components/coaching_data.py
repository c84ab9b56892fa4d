"""Cached reads of the coaching screens (sessions, follow-ups, tracks), keyed on the data
versions like every read (components.data.read); partners are refused them by db/reads.py."""

from __future__ import annotations

from datetime import date

import pandas as pd

from components.data import read
from db.queries.coaching_log import SessionDetail
from db.queries.follow_ups import FollowUpItem
from db.queries.tracks import TrackDetail


def advisers(role: str) -> dict[int, str]:
    """Who may coach a session or own a follow-up: id -> display name."""
    return {user_id: name for user_id, name, _ in read("advisers", role)}


def adviser_id(username: str, role: str) -> int | None:
    """The id of an adviser by username (None: not an active adviser)."""
    return next((i for i, _, name in read("advisers", role) if name == username), None)


def recent_sessions(role: str) -> pd.DataFrame:
    """The latest coaching sessions logged, newest first (without their notes)."""
    frame: pd.DataFrame = read("recent_sessions", role)
    return frame


def session_detail(session_id: int, role: str) -> SessionDetail | None:
    """One logged session with its notes and the follow-ups it made."""
    result: SessionDetail | None = read("session_detail", role, session_id)
    return result


def my_follow_ups(username: str, today: date, role: str) -> list[FollowUpItem]:
    """The open follow-ups an adviser owns, soonest due first."""
    return list(read("my_follow_ups", role, username, today))


def open_follow_ups(today: date, role: str, owner_id: int | None = None,
                    artisan_id: int | None = None) -> list[FollowUpItem]:
    """Open follow-ups, optionally of one owner or one artisan, soonest due first."""
    return list(read("open_follow_ups", role, today, owner_id, artisan_id))


def follow_ups_by_owner(today: date, role: str) -> pd.DataFrame:
    """Per owner: open, overdue and due-this-week follow-ups."""
    frame: pd.DataFrame = read("follow_ups_by_owner", role, today)
    return frame


def tracks(today: date, role: str) -> pd.DataFrame:
    """Every track with its enrolment and completion figures, newest first."""
    frame: pd.DataFrame = read("tracks_overview", role, today)
    return frame


def track(track_id: int, role: str) -> TrackDetail | None:
    """One track with its planned sessions and each enrolled artisan's progress."""
    result: TrackDetail | None = read("track_detail", role, track_id)
    return result
