"""An artisan's profile as shown: heading, details, label state and the 360° timeline."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import streamlit as st

from components.coaching_view import topic_label
from components.i18n import current_language, fmt_date, fmt_number, t
from components.plain import plain
from db.identity import format_enterprise_number
from db.queries.profile import ArtisanProfile
from db.reference import commune_name, sector_name


def heading(profile: ArtisanProfile) -> None:
    """The artisan's name as the title, business, commune and sector under it."""
    lang = current_language()
    st.title(plain(f"{profile.first_name} {profile.last_name}"))
    where = [profile.business_name or "",
             commune_name(profile.commune_nis, lang) if profile.commune_nis else "",
             sector_name(profile.sector, lang) if profile.sector else ""]
    st.caption(plain(" · ".join(p for p in where if p)))


def _line(label_key: str, value: str) -> str:
    return f"**{t(label_key)}**: {plain(value) if value else '–'}"


def details(profile: ArtisanProfile) -> None:
    """Contact, identity and consent, then the label state with its expiry date."""
    left, right = st.columns(2)
    with left:
        st.markdown("  \n".join((
            _line("artisans.email", profile.email or ""),
            _line("artisans.phone", profile.phone or ""),
            _line("artisans.enterprise_number",
                  format_enterprise_number(profile.enterprise_number)),
            _line("artisans.postcode", profile.postcode or ""),
            _line("artisans.source", t("source." + profile.source)),
        )))
    with right:
        state = t("label_state." + profile.label_state)
        if profile.label_state_on:
            state += " · " + t("profile.since", day=fmt_date(profile.label_state_on))
        lines = [_line("profile.label", state)]
        if profile.label_expires_on:
            lines.append(_line("profile.expires", fmt_date(profile.label_expires_on)))
        consent = [t(k) for k, given in (("profile.consent_contact", profile.consent_contact),
                   ("profile.consent_newsletter", profile.consent_newsletter)) if given]
        lines.append(_line("profile.consent", ", ".join(consent) or t("profile.consent_none")))
        if profile.consent_recorded_on:
            lines.append(_line("profile.consent_on", fmt_date(profile.consent_recorded_on)))
        st.markdown("  \n".join(lines))
    if profile.notes:
        st.caption(t("artisans.notes"))
        st.text(profile.notes)


def _detail(row: pd.Series) -> str:
    kind, detail = row["kind"], row["detail"]
    if kind == "event":
        return t("attendance." + str(detail))
    if kind == "follow_up":
        due = row.get("due_on")
        status = t("follow_up." + str(detail))
        return t("profile.due", status=status, day=fmt_date(due)) if isinstance(due, date) \
            else status
    if kind == "coaching_session":
        minutes, _, fmt = str(detail).partition(" ")
        return " · ".join(p for p in (t("profile.minutes", n=fmt_number(int(minutes)))
                                      if minutes.isdigit() else "", t("format." + fmt)
                                      if fmt else "") if p)
    return "" if detail is None or pd.isna(detail) else str(detail)


def _title(row: pd.Series) -> str:
    if row["kind"] == "label_step":
        return t("label_state." + str(row["title"]))
    if row["kind"] == "joined":
        return t("source." + str(row["detail"]))
    if row["kind"] == "coaching_session":
        return topic_label(str(row["title"]), row.get("topic_other"))
    return str(row["title"] or "")


def timeline(frame: pd.DataFrame) -> None:
    """Every touchpoint across the four actions, newest first, as a table."""
    if frame.empty:
        st.info(t("profile.timeline_empty"))
        return
    shown = pd.DataFrame({
        "when": [fmt_date(v.date() if isinstance(v, datetime) else v) for v in frame["at"]],
        "action": [t("action." + str(a)) if a else "" for a in frame["action"]],
        "what": [t("timeline." + str(k)) for k in frame["kind"]],
        "title": [_title(r) for _, r in frame.iterrows()],
        "detail": ["" if r["kind"] == "joined" else _detail(r) for _, r in frame.iterrows()],
    })
    st.dataframe(shown, hide_index=True, width="stretch",
                 column_config={c: t(f"profile.col_{c}") for c in shown.columns})


def label_history(steps: pd.DataFrame) -> None:
    """The label journey so far, oldest first, with each step's note as typed."""
    if steps.empty:
        st.caption(t("profile.label_none"))
        return
    shown = pd.DataFrame({
        "day": [fmt_date(d) for d in steps["occurred_on"]],
        "state": [t("label_state." + s) for s in steps["state"]],
        "note": steps["note"].fillna(""),
    })
    st.dataframe(shown, hide_index=True, width="stretch",
                 column_config={c: t(f"profile.step_col_{c}") for c in shown.columns})
