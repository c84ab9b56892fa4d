"""Pieces of the coaching screens: the latest sessions as a table (without their notes), and
one session opened with its notes and the follow-ups it made."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components.i18n import fmt_date, fmt_number, t
from components.plain import plain
from db.queries.coaching_log import SessionDetail
from db.queries.profile import ArtisanProfile


def profile_label(profile: ArtisanProfile) -> str:
    """ "Last First — Business", as the artisan search lists a person."""
    label = f"{profile.last_name} {profile.first_name}"
    return f"{label} — {profile.business_name}" if profile.business_name else label


def topic_label(topic: str, other: object) -> str:
    """A session's topic in the user's language; "other" shows its short text."""
    label = t("coaching_topic." + topic)
    return f"{label}: {other}" if topic == "other" and isinstance(other, str) and other else label


def sessions_table(frame: pd.DataFrame) -> None:
    """Day, artisan, coach, topic, format, minutes and follow-ups made of recent sessions."""
    if frame.empty:
        st.info(t("coaching.no_sessions"))
        return
    shown = pd.DataFrame({
        "day": [fmt_date(d) for d in frame["held_on"]],
        "artisan": (frame["last_name"] + " " + frame["first_name"]).str.strip(),
        "coach": frame["coach"],
        "topic": [topic_label(p, o) for p, o in zip(frame["topic"], frame["topic_other"],
                                                    strict=True)],
        "format": [t("format." + f) for f in frame["format"]],
        "minutes": frame["duration_min"].astype(int),
        "track": [t("coaching.yes") if pd.notna(x) else "" for x in frame["track_id"]],
        "follow_ups": frame["follow_ups"].astype(int)})
    st.dataframe(shown, hide_index=True, width="stretch",
                 column_config={c: t(f"coaching.col_{c}") for c in shown.columns})


def session_picker(frame: pd.DataFrame) -> int | None:
    """A choice among the listed sessions, to read one with its notes."""
    if frame.empty:
        return None
    labels = dict(zip(frame["id"].astype(int), [
        f"{fmt_date(d)} · {(ln + ' ' + fn).strip()} · {c}" for d, ln, fn, c in zip(
            frame["held_on"], frame["last_name"], frame["first_name"], frame["coach"],
            strict=True)], strict=True))
    chosen: int | None = st.selectbox(t("coaching.open_session"), list(labels), index=None,
                                      key="coach_open_session",
                                      format_func=lambda i: labels.get(i, str(i)),
                                      placeholder=t("coaching.open_session_hint"))
    return chosen


def session_card(detail: SessionDetail) -> None:
    """Who, when, how long, the topic, the notes (as typed, plain text) and the follow-ups."""
    with st.container(border=True):
        st.markdown(f"**{plain(detail.artisan) or t('coaching.erased_action')}** · "
                    f"{fmt_date(detail.held_on)}")
        st.caption(" · ".join((plain(topic_label(detail.topic, detail.topic_other)),
                               t("format." + detail.format),
                               t("profile.minutes", n=fmt_number(detail.duration_min)),
                               plain(detail.coach))))
        if detail.notes:
            st.text(detail.notes)
        for action, owner, due, status in detail.follow_ups:
            st.markdown(f"- {plain(action) or t('coaching.erased_action')} · {plain(owner)} · "
                        f"{t('coaching.due_on', day=fmt_date(due))} · "
                        f"{t('follow_up.' + status)}")
