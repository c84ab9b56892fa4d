"""Cached reads keyed on the database and on the data versions of the areas they depend on."""

from __future__ import annotations

import hashlib
import pickle
import sys
from collections.abc import Callable
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from components.downloads import csv_bytes, xlsx_bytes
from components.i18n import translate
from components.settings import production_problems
from db.engine import (
    DatabaseConfigError,
    get_engine,
    run_write,
    session_scope,
    upgrade_to_head,
)
from db.permissions import Actor
from db.privacy import Shown, Withheld
from db.queries.checkin import DoorCounter
from db.queries.event_lists import EventDetail
from db.queries.profile import ArtisanProfile
from db.queries.registry import RegistryFilter, RegistryPage, export_registry, record_export
from db.reads import READS, run_read, sees_exact
from db.versioning import data_versions

PAGE_SIZE = 50  # results per registry page: one screen on a laptop, a short scroll on a tablet


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
def _cached(key: str, _name: str, _role: str, _args: tuple[Any, ...]) -> Any:
    # Keyed on one string (see _key): Streamlit hashes each keyed argument on every call, a hit
    # or a miss (with six arguments, 0.24 ms a call; with one, 0.12).
    with session_scope() as session:
        return run_read(session, _name, _role, *_args)


def _key(name: str, role: str, stamp: tuple[int, ...], args: tuple[Any, ...]) -> str:
    """A read's cache key: the read, the database, the data versions of its areas, the view
    (exact or disclosed: a partner never gets an exact result) and the role, and the digest
    of the arguments (scopes, periods, dates, ids: values, pickled alike whenever they are
    equal; Streamlit's own hashing of a Scope and a date costs 0.2 ms a read, 50 times a
    pickle's). The fields never hold "|" but the database's address, which is second: the
    last four and the first stay apart."""
    digest = hashlib.blake2b(pickle.dumps(args, protocol=5), digest_size=20).hexdigest()
    return "|".join((name, str(get_engine().url), ",".join(map(str, stamp)),
                     "exact" if sees_exact(role) else "disclosed", role, digest))


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
    return _cached(_key(name, role, stamp, args), name, role, args)


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


def registry_page(filters: RegistryFilter, today: date, role: str, sort: str,
                  descending: bool, page: int) -> RegistryPage:
    """One page of registry search results (persons: refused to partners by db/reads.py)."""
    result: RegistryPage = read("registry_search", role, filters, today, sort, descending, page,
                                PAGE_SIZE)
    return result


def registry_export_file(actor: Actor, filters: RegistryFilter, today: date, lang: str,
                         kind: str) -> tuple[str, str, Callable[[], bytes]]:
    """File name, MIME type and a deferred maker of the filtered registry as CSV or Excel:
    the file is built when the button is pressed, not on every run of the page, and the
    actor is checked (and the export audited) then, not when the page ran."""

    def make() -> bytes:  # runs in another thread: no session state, so lang is bound here
        with session_scope() as session:
            frame = export_registry(session, actor, filters, today, lang)
        rows, filtered = len(frame), filters != RegistryFilter()
        run_write(lambda: _audit_export(actor, kind, rows, filtered))
        frame["label_state"] = [translate("label_state." + s, lang) for s in frame["label_state"]]
        frame["source"] = [translate("source." + s, lang) for s in frame["source"]]
        frame = frame.rename(columns={c: translate(f"export.{c}", lang) for c in frame.columns})
        return csv_bytes(frame) if kind == "csv" else xlsx_bytes(frame, translate(
            "registry.title", lang)[:31])

    name = f"registry-{today.isoformat()}.{kind}"
    mime = "text/csv" if kind == "csv" else (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    return name, mime, make


def _audit_export(actor: Actor, kind: str, rows: int, filtered: bool) -> None:
    with session_scope() as session:
        record_export(session=session, actor=actor, kind=kind, rows=rows, filtered=filtered)


def artisan_profile(artisan_id: int, today: date, role: str) -> ArtisanProfile | None:
    """One artisan's record as a profile screen shows it (None: missing or erased)."""
    result: ArtisanProfile | None = read("artisan_profile", role, artisan_id, today)
    return result


def artisan_timeline(artisan_id: int, role: str) -> pd.DataFrame:
    """Every touchpoint of one artisan across the four actions, newest first."""
    return pd.DataFrame(read("artisan_timeline", role, artisan_id))


def label_steps(artisan_id: int, role: str) -> pd.DataFrame:
    """One artisan's label journey, oldest first."""
    return pd.DataFrame(read("label_history", role, artisan_id))


def events_list(today: date, upcoming: bool, role: str) -> pd.DataFrame:
    """Upcoming (soonest first) or past (newest first) events with their attendance counts."""
    return pd.DataFrame(read("events_overview", role, today, upcoming))


def event_detail(event_id: int, role: str) -> EventDetail | None:
    """One event's fields and attendance counts (None: no such event)."""
    result: EventDetail | None = read("event_detail", role, event_id)
    return result


def event_attendees(event_id: int, role: str) -> pd.DataFrame:
    """Every registration of one event, with who checked the person in and when."""
    return pd.DataFrame(read("event_attendees", role, event_id))


def todays_events(today: date, role: str) -> pd.DataFrame:
    """The events of a day, earliest first (the door page opens on the first)."""
    return pd.DataFrame(read("todays_events", role, today))


def door_counter(event_id: int, role: str) -> DoorCounter:
    """Attended / registered / capacity of one event, recomputed after every check-in. Kept in
    the session, not the shared cache: every tap changes it, and one small query (0.5 ms)
    costs less than a cache miss (hashing, pickling: 1.5-2 ms at the door)."""
    versions = st.session_state.get("data_versions") or refresh_versions()
    key = (event_id, role, tuple(versions.get(area, 0) for area in READS["door_counter"].areas))
    kept = st.session_state.get("door_counter")
    if kept is None or kept[0] != key:
        with session_scope() as session:
            kept = (key, run_read(session, "door_counter", role, event_id))
        st.session_state["door_counter"] = kept
    result: DoorCounter = kept[1]
    return result
