"""The registry's reads: a search with filters, a sort and pages, and its export."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd
from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session

from db import audit, identity
from db.clock import BRUSSELS
from db.models import Artisan
from db.permissions import Actor, authorize
from db.queries.label import validity_start
from db.reference import commune_name, communes, craft_sectors, sector_name
from db.vocab import LABEL_STATES, LABEL_VALIDITY_YEARS

SORTS = ("name", "business", "commune", "created", "label")
MAX_PAGE_SIZE = 200
MAX_EXPORT = 200_000
MAX_TEXT = 200  # characters of a search that count: a pasted page makes no endless query
# Column keys of registry_export, in order; the page translates them for the file's header.
EXPORT_COLUMNS = (
    "id", "last_name", "first_name", "business_name", "email", "phone", "enterprise_number",
    "postcode", "commune", "sector", "language", "source", "label_state", "label_state_on",
    "label_expires_on", "consent_contact", "consent_newsletter", "consent_recorded_on",
    "created_at")
ROW_COLUMNS = ["id", "first_name", "last_name", "business_name", "email", "phone",
               "enterprise_number", "commune_nis", "postcode", "sector", "label_state",
               "label_state_on", "label_expires_on", "created_at"]
_NUMBER_NOISE = re.compile(r"[\s.\-/]")


@dataclass(frozen=True)
class RegistryFilter:
    """What the registry screen filters on (hashable: a cache key)."""

    text: str = ""
    commune_nis: str | None = None
    sector: str | None = None
    label_state: str | None = None


@dataclass(frozen=True, eq=False)  # a DataFrame has no single truth value to compare by
class RegistryPage:
    """One page of a search: its rows (columns ROW_COLUMNS), the number of matches, this page
    (1-based) and the page count (at least 1)."""

    rows: pd.DataFrame
    total: int
    page: int
    pages: int


def _number_digits(folded: str) -> str | None:
    """The digits of text typed as (part of) an enterprise number, e.g. 'be 0123.456'."""
    digits = _NUMBER_NOISE.sub("", folded).removeprefix("be")
    return digits if digits.isascii() and digits.isdigit() else None


def text_match(text: str) -> ColumnElement[bool] | None:
    """The condition typed text puts on artisans (every word, or the digits of an enterprise
    number, in search_text); None when nothing searchable was typed."""
    # Control characters (NUL above all, which PostgreSQL refuses) cannot be in search_text.
    clean = "".join(" " if unicodedata.category(c) == "Cc" else c for c in text[:MAX_TEXT])
    folded = identity.fold(clean)
    if not folded:
        return None
    words = and_(*(Artisan.search_text.contains(w, autoescape=True) for w in folded.split()))
    digits = _number_digits(folded)
    if digits is None:
        return words
    return or_(words, Artisan.search_text.contains(digits, autoescape=True))


def expires_on(certified_on: date) -> date:
    """The first day a label granted on `certified_on` is no longer valid (validity_start's
    inverse: a label of 29 February expires on 1 March)."""
    try:
        return certified_on.replace(year=certified_on.year + LABEL_VALIDITY_YEARS)
    except ValueError:
        return date(certified_on.year + LABEL_VALIDITY_YEARS, 3, 1)


def effective_state(state: str | None, since: date | None, today: date) -> str:
    """An artisan's label state on a day: no step is not_informed, an old label expired."""
    if state is None:
        return "not_informed"
    if state == "certified" and since is not None and since <= validity_start(today):
        return "expired"
    return state


def effective_state_sql(today: date) -> ColumnElement[str]:
    """effective_state as a SQL expression over artisans."""
    lapsed = and_(Artisan.label_state == "certified",
                  Artisan.label_state_on <= validity_start(today))
    return case((Artisan.label_state.is_(None), "not_informed"), (lapsed, "expired"),
                else_=Artisan.label_state)


def _state_is(state: str, today: date) -> ColumnElement[bool]:
    """Effective state equals `state`, written so the index on label_state still serves."""
    column, start = Artisan.label_state, validity_start(today)
    if state == "not_informed":
        return or_(column.is_(None), column == state)
    if state == "expired":
        return or_(column == state, and_(column == "certified", Artisan.label_state_on <= start))
    if state == "certified":
        return and_(column == state, Artisan.label_state_on > start)
    return column == state


def _conditions(filters: RegistryFilter, today: date) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [Artisan.erased_at.is_(None)]
    if (match := text_match(filters.text)) is not None:
        conditions.append(match)
    if filters.commune_nis:
        conditions.append(Artisan.commune_nis == filters.commune_nis)
    if filters.sector:
        conditions.append(Artisan.sector == filters.sector)
    if filters.label_state:
        conditions.append(_state_is(filters.label_state, today))
    return conditions


def _order(sort: str, descending: bool, today: date) -> list[Any]:
    """Sort keys: the chosen ones (missing values last either way), then name and id."""
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}; expected one of {SORTS}")
    rank = case({s: i for i, s in enumerate(LABEL_STATES)}, value=effective_state_sql(today))
    # (key, may be missing): NULLS LAST only where needed, as it keeps an index from serving.
    chosen: dict[str, list[tuple[Any, bool]]] = {
        "name": [(Artisan.last_name, False), (Artisan.first_name, False)],
        "business": [(Artisan.business_name, True)],
        # NIS codes 21001-21019 follow the communes' French names alphabetically.
        "commune": [(Artisan.commune_nis, True)],
        "created": [(Artisan.created_at, False)],
        "label": [(rank, False), (Artisan.label_state_on, True)],
    }
    keys = []
    for key, nullable in chosen[sort]:
        ordered = key.desc() if descending else key.asc()
        keys.append(ordered.nulls_last() if nullable else ordered)
    ties = [Artisan.id] if sort == "name" else [Artisan.last_name, Artisan.first_name, Artisan.id]
    return [*keys, *ties]


def _columns(today: date) -> list[Any]:
    return [Artisan.id, Artisan.first_name, Artisan.last_name, Artisan.business_name,
            Artisan.email, Artisan.phone, Artisan.enterprise_number, Artisan.commune_nis,
            Artisan.postcode, Artisan.sector, effective_state_sql(today).label("label_state"),
            Artisan.label_state_on, Artisan.created_at]


def _frame(rows: Sequence[Any], columns: list[str]) -> pd.DataFrame:
    """Rows as a frame: formatted enterprise number, expiry of valid labels, Brussels time."""
    frame = pd.DataFrame([tuple(r) for r in rows], columns=columns, dtype=object)
    frame["enterprise_number"] = [identity.format_enterprise_number(n) if n else None
                                  for n in frame["enterprise_number"]]
    frame["label_expires_on"] = [expires_on(on) if state == "certified" else None
                                 for state, on in zip(frame["label_state"],
                                                      frame["label_state_on"], strict=True)]
    # SQLite hands back naive UTC, PostgreSQL aware times: both become Brussels time.
    frame["created_at"] = pd.to_datetime(frame["created_at"], utc=True).dt.tz_convert(BRUSSELS)
    return frame


def search_artisans(session: Session, filters: RegistryFilter, today: date, sort: str = "name",
                    descending: bool = False, page: int = 1,
                    page_size: int = 50) -> RegistryPage:
    """One page of the artisans (not erased) matching the filters, with their label state on
    `today`; the page is clamped into the pages there are."""
    conditions = _conditions(filters, today)
    size = min(max(page_size, 1), MAX_PAGE_SIZE)
    total = int(session.scalar(select(func.count()).select_from(Artisan)
                               .where(*conditions)) or 0)
    pages = max(1, math.ceil(total / size))
    page = min(max(page, 1), pages)
    columns = _columns(today)
    rows = session.execute(select(*columns).where(*conditions)
                           .order_by(*_order(sort, descending, today))
                           .limit(size).offset((page - 1) * size)).all()
    frame = _frame(rows, [c.key for c in columns])
    return RegistryPage(frame[ROW_COLUMNS], total, page, pages)


def registry_export(session: Session, filters: RegistryFilter, today: date,
                    lang: str) -> pd.DataFrame:
    """Every artisan matching the filters (at most MAX_EXPORT, by name) for a CSV or Excel
    file: columns EXPORT_COLUMNS, commune and sector named in `lang`; no notes."""
    columns = [*_columns(today), Artisan.language, Artisan.source, Artisan.consent_contact,
               Artisan.consent_newsletter, Artisan.consent_recorded_on]
    rows = session.execute(select(*columns).where(*_conditions(filters, today))
                           .order_by(*_order("name", False, today)).limit(MAX_EXPORT)).all()
    frame = _frame(rows, [c.key for c in columns])
    place = {c.nis_code: commune_name(c.nis_code, lang) for c in communes()}
    trade = {s.code: sector_name(s.code, lang) for s in craft_sectors()}
    frame["commune"] = [place.get(n, n) if n else None for n in frame["commune_nis"]]
    frame["sector"] = [trade.get(s, s) if s else None for s in frame["sector"]]
    return frame[list(EXPORT_COLUMNS)]


def export_registry(session: Session, actor: Actor, filters: RegistryFilter, today: date,
                    lang: str) -> pd.DataFrame:
    """registry_export for a file made now: the actor is checked when the file is made (a
    download may come long after the page ran, from a since deactivated account)."""
    authorize(session, actor, "artisans.export")
    return registry_export(session, filters, today, lang)


def record_export(*, session: Session, actor: Actor, kind: str, rows: int,
                  filtered: bool) -> None:
    """Audit a file of persons (format and row count; never the search text, which may be a
    person's name). No data changed, so no area's version is bumped."""
    authorize(session, actor, "artisans.export")
    audit.record(session, actor=actor.username, action="export", entity="artisans",
                 entity_id=None, before=None,
                 after={"format": kind, "rows": rows, "filtered": filtered})
