"""Cached reads keyed on the database and on the data versions of the areas they depend on."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from components.i18n import translate
from components.settings import production_problems
from db.engine import DatabaseConfigError, get_engine, session_scope, upgrade_to_head
from db.privacy import suppress_small
from db.queries.community import members_by_commune, members_by_month
from db.queries.label import certified_by_sector
from db.queries.overview import overview_figures
from db.versioning import data_versions

# read name -> (query function, areas whose writes change its result)
READS: dict[str, tuple[Callable[..., Any], tuple[str, ...]]] = {
    "overview_figures": (overview_figures, ("events", "label", "campaign", "coaching")),
    "members_by_month": (members_by_month, ("events",)),
    "members_by_commune": (members_by_commune, ("events", "artisans")),
    "certified_by_sector": (certified_by_sector, ("label", "artisans")),
}


@st.cache_resource(show_spinner=False)
def _ready(url: str) -> bool:
    """Upgrade the schema once per process and database."""
    upgrade_to_head(get_engine())
    return True


@st.cache_resource(show_spinner=False)
def _startup_problems(url: str) -> tuple[str, ...]:
    problems = tuple(production_problems())
    for key in problems:  # also in the server log, where whoever deploys looks
        print(f"refusing to serve: {translate(key, 'en')}", file=sys.stderr)
    return problems


def startup_problems() -> tuple[str, ...]:
    """Translation keys of what makes a production start unsafe (checked once per process)."""
    return _startup_problems(str(get_engine().url))


def ensure_database() -> str | None:
    """None when the database is reachable and at the newest schema, else the problem."""
    try:
        _ready(str(get_engine().url))
    except DatabaseConfigError as exc:
        return str(exc)
    return None


@st.cache_data(ttl="10m", show_spinner=False, max_entries=256)
def _cached(name: str, url: str, stamp: tuple[int, ...], args: tuple[Any, ...]) -> Any:
    query = READS[name][0]
    with session_scope() as session:
        return query(session, *args)


def refresh_versions() -> dict[str, int]:
    """Read every area's data version: once per run, by app.py, before the page."""
    with session_scope() as session:
        versions = data_versions(session)
    st.session_state["data_versions"] = versions
    return versions


def read(name: str, *args: Any) -> Any:
    """A read from the cache, recomputed once any of its areas has been written to."""
    versions = st.session_state.get("data_versions") or refresh_versions()
    stamp = tuple(versions.get(area, 0) for area in READS[name][1])
    return _cached(name, str(get_engine().url), stamp, args)


def overview(today: date) -> dict[str, int]:
    """Headline figures for the Overview."""
    return dict(read("overview_figures", today))


def community_growth(today: date) -> pd.DataFrame:
    """Members by month for the growth chart."""
    return pd.DataFrame(read("members_by_month", today))


def breakdown(name: str, today: date, role: str) -> pd.DataFrame:
    """A count per category; for partners, cells under 5 artisans are suppressed here."""
    frame = pd.DataFrame(read(name, today))
    if role == "partner":
        return suppress_small(frame)
    return frame.assign(suppressed=False, hidden_as="")
