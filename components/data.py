"""Cached reads keyed on the database and on the data versions of the areas they depend on."""

from __future__ import annotations

import sys
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from components.i18n import translate
from components.settings import production_problems
from db.engine import DatabaseConfigError, get_engine, session_scope, upgrade_to_head
from db.privacy import Shown, Withheld
from db.reads import READS, run_read, sees_exact
from db.versioning import data_versions


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
    """None when the database is reachable and at the newest schema, else the reference of the
    error: the masked one-line reason goes to the server log, never to the browser."""
    from components.errors import report

    try:
        _ready(str(get_engine().url))
    except DatabaseConfigError as exc:
        return report(exc)
    return None


@st.cache_data(ttl="10m", show_spinner=False, max_entries=256)
def _cached(name: str, url: str, stamp: tuple[int, ...], exact: bool, role: str,
            args: tuple[Any, ...]) -> Any:
    # Keyed on the view (exact or disclosed) and the role: a partner never gets an exact result.
    with session_scope() as session:
        return run_read(session, name, role, *args)


def refresh_versions() -> dict[str, int]:
    """Read every area's data version: once per run, by app.py, before the page."""
    with session_scope() as session:
        versions = data_versions(session)
    st.session_state["data_versions"] = versions
    return versions


def read(name: str, role: str, *args: Any) -> Any:
    """A read for a role (exact, or disclosed by db.reads.run_read) from the cache, recomputed
    once any of its areas has been written to."""
    versions = st.session_state.get("data_versions") or refresh_versions()
    stamp = tuple(versions.get(area, 0) for area in READS[name].areas)
    return _cached(name, str(get_engine().url), stamp, sees_exact(role), role, args)


def overview(today: date, role: str) -> dict[str, Shown]:
    """Headline figures for the Overview, as the role may see them."""
    return dict(read("overview_figures", role, today))


def community_growth(today: date, role: str) -> pd.DataFrame:
    """Members by month for the growth chart, as the role may see them."""
    return pd.DataFrame(read("members_by_month", role, today))


def breakdown(name: str, today: date, role: str) -> pd.DataFrame | Withheld:
    """A count per category as the role may see it; rows without a category are not charted."""
    result = read(name, role, today)
    if isinstance(result, Withheld):
        return result
    frame = pd.DataFrame(result)
    return frame[frame[frame.columns[0]].notna()].reset_index(drop=True)
