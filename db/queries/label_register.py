"""The FPS Economy's public register of certified artisans (registre des artisans /
ambachtenregister) read against the registry: the labels it lists, granted or withdrawn, are
recorded as label steps, since the official register is authoritative."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from db import audit, clock, identity
from db.errors import ValidationError
from db.models import Artisan, LabelStep
from db.permissions import Actor, authorize
from db.queries.label import apply_step
from db.queries.registry_import import CHUNK, to_code
from db.tabular import annotate, chunks, clean_filename, header_key, records
from db.versioning import bump

STATUSES = ("certify", "withdraw", "unchanged", "unmatched_brussels", "outside", "rejected")
NOTE = "SPF Économie / FOD Economie – registre des artisans:"
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y")
IN_FORCE = date(2016, 6, 1)  # the first labels: the law of 19 March 2014 applies from then
# Header names of the register's exports over the years, in French, Dutch and English.
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("nom", "denomination", "raisonsociale", "naam", "benaming", "name"),
    "street": ("rue", "adresse", "straat", "adres", "street", "address"),
    "postcode": ("codepostal", "cp", "postcode", "postalcode"),
    "municipality": ("commune", "localite", "gemeente", "plaats", "municipality"),
    "enterprise_number": ("numerodentreprise", "ndentreprise", "numerobce", "nbce", "bce",
                          "ondernemingsnummer", "kbonummer", "nkbo", "kbo", "enterprisenumber"),
    "activity": ("activite", "activiteartisanale", "activiteit", "ambachtelijkeactiviteit",
                 "activity"),
    "granted_on": ("datedoctroi", "dateoctroi", "datedereconnaissance", "reconnule",
                   "datumtoekenning", "toegekendop", "datumerkenning", "erkendop",
                   "dategranted", "grantedon"),
    "withdrawn_on": ("datederetrait", "dateretrait", "retirele", "retrait", "datumintrekking",
                     "ingetrokkenop", "intrekking", "datewithdrawn", "withdrawnon"),
}
REQUIRED = ("enterprise_number", "granted_on")


@dataclass(frozen=True)
class RegisterRow:
    """One row of the register and what applying it does; `steps` are the (state, day) to
    record, `reason` the message key of a rejection."""

    row: int
    status: str
    reason: str | None = None
    field: str | None = None
    artisan_id: int | None = None
    commune_nis: str | None = None
    steps: tuple[tuple[str, date], ...] = ()


@dataclass(frozen=True, eq=False)
class RegisterPreview:
    frame: pd.DataFrame
    rows: tuple[RegisterRow, ...]

    def counts(self) -> dict[str, int]:
        """Rows per status, every status present."""
        return {s: sum(r.status == s for r in self.rows) for s in STATUSES}


@dataclass(frozen=True)
class RegisterResult:
    counts: dict[str, int]
    steps: int = 0


def register_columns(headers: Sequence[str]) -> dict[str, str | None]:
    """The header of each of the register's columns, or None; raises ValidationError when the
    enterprise number or the date granted is missing."""
    keys = {h: header_key(h) for h in headers}
    found = {name: next((h for h in headers if keys[h] in names), None)
             for name, names in COLUMNS.items()}
    if any(found[name] is None for name in REQUIRED):
        raise ValidationError({"file": "imports.register_columns"})
    return found


def parse_day(text: str) -> date | None:
    """A date written YYYY-MM-DD or DD/MM/YYYY (also with - or .); None when it is not one."""
    value = text.strip()[:10]
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    return None


def _dates(cells: Mapping[str, str], cols: Mapping[str, str | None]) -> dict[str, Any]:
    """The row's dates, or the field and message key of what is wrong with them."""
    days: dict[str, Any] = {}
    for name in ("granted_on", "withdrawn_on"):
        header = cols[name]
        text = cells[header] if header else ""
        days[name] = parse_day(text) if text else None
        if (text or name == "granted_on") and days[name] is None:
            return {"field": name, "reason": "imports.register_date_invalid"}
        if days[name] and days[name] > clock.today():
            return {"field": name, "reason": "imports.register_date_future"}
        if days[name] and days[name] < IN_FORCE:
            return {"field": name, "reason": "imports.register_date_before_law"}
    if days["withdrawn_on"] and days["withdrawn_on"] < days["granted_on"]:
        return {"field": "withdrawn_on", "reason": "imports.register_withdrawal_before_grant"}
    return days


def _parse(row: int, cells: Mapping[str, str], cols: Mapping[str, str | None]) -> Any:
    """(digits, granted, withdrawn) of a row, or the RegisterRow rejecting it."""
    typed = cells[str(cols["enterprise_number"])]
    problem = ("imports.register_number_missing" if not typed.strip()
               else identity.enterprise_number_problem(typed))
    if problem:
        return RegisterRow(row, "rejected", problem, "enterprise_number")
    days = _dates(cells, cols)
    if "reason" in days:
        return RegisterRow(row, "rejected", days["reason"], days["field"])
    return identity.enterprise_digits(typed), days["granted_on"], days["withdrawn_on"]


def _place(cells: Mapping[str, str], cols: Mapping[str, str | None]) -> str | None:
    """The Brussels commune of an address: by its postcode, else by the municipality's name."""
    postcode = cells[cols["postcode"]].strip() if cols["postcode"] else ""
    if postcode:
        return identity.commune_of_postcode(postcode)
    town = cells[cols["municipality"]] if cols["municipality"] else ""
    return to_code("commune_nis", town) if town.strip() else None


def _history(session: Session, digits: set[str]) -> tuple[dict[str, int], dict[int, set]]:
    """Artisans (not erased) by enterprise number, and the (state, day) steps of each."""
    ids: dict[str, int] = {}
    for part in chunks(sorted(digits), CHUNK):
        ids.update((str(n), i) for n, i in session.execute(
            select(Artisan.enterprise_number, Artisan.id).where(
                Artisan.enterprise_number.in_(part), Artisan.erased_at.is_(None))))
    steps: dict[int, set] = {i: set() for i in ids.values()}
    for part in chunks(sorted(steps), CHUNK):
        for artisan_id, state, day in session.execute(select(
                LabelStep.artisan_id, LabelStep.state, LabelStep.occurred_on).where(
                LabelStep.artisan_id.in_(part))):
            steps[artisan_id].add((state, day))
    return ids, steps


def _plan(row: int, artisan_id: int, known: set, granted: date,
          withdrawn: date | None) -> RegisterRow:
    """The steps a matched row adds; those become `known`, so a repeated row adds nothing."""
    needed = [(s, d) for s, d in (("certified", granted), ("expired", withdrawn))
              if d is not None and (s, d) not in known]
    if not needed:
        return RegisterRow(row, "unchanged", artisan_id=artisan_id)
    if known and min(d for _, d in needed) < max(d for _, d in known):
        return RegisterRow(row, "rejected", "imports.register_out_of_order", "granted_on",
                           artisan_id)
    known.update(needed)
    status = "withdraw" if needed[-1][0] == "expired" else "certify"
    return RegisterRow(row, status, artisan_id=artisan_id, steps=tuple(needed))


def preview_register(session: Session, frame: pd.DataFrame) -> RegisterPreview:
    """What applying the register would do to each of its rows (see STATUSES)."""
    cols = register_columns(list(frame.columns))
    cells_of = dict(zip((int(r) for r in frame.index), records(frame), strict=True))
    outcomes: dict[int, RegisterRow] = {}
    parsed: dict[int, tuple[str, date, date | None]] = {}
    for row, cells in cells_of.items():
        result = _parse(row, cells, cols)
        if isinstance(result, RegisterRow):
            outcomes[row] = result
        else:
            parsed[row] = result
    ids, steps = _history(session, {p[0] for p in parsed.values()})
    # Oldest grant first: a renewal listed above the first label is not out of order.
    for row, (digits, granted, withdrawn) in sorted(parsed.items(), key=lambda p: p[1][1]):
        if digits in ids:
            artisan_id = ids[digits]
            outcomes[row] = _plan(row, artisan_id, steps[artisan_id], granted, withdrawn)
        elif commune := _place(cells_of[row], cols):
            outcomes[row] = RegisterRow(row, "unmatched_brussels", commune_nis=commune)
        else:
            outcomes[row] = RegisterRow(row, "outside")
    return RegisterPreview(frame, tuple(outcomes[row] for row in cells_of))


def register_rows(preview: RegisterPreview, status: str) -> pd.DataFrame:
    """The register's rows of one status, with the outcome (dates ISO, reasons as keys)."""
    rows = [r for r in preview.rows if r.status == status]
    day = {state: [next((d.isoformat() for s, d in r.steps if s == state), "") for r in rows]
           for state in ("certified", "expired")}
    return annotate(preview.frame.loc[[r.row for r in rows]],
                 artisan_id=[r.artisan_id for r in rows],
                 commune_nis=[r.commune_nis for r in rows],
                 certify_on=day["certified"], withdraw_on=day["expired"],
                 field=[r.field for r in rows], reason=[r.reason for r in rows])


def apply_register(*, session: Session, actor: Actor, frame: pd.DataFrame,
                   filename: str) -> RegisterResult:
    """Record the label steps the register adds (classified again inside this transaction),
    each audited, plus one import entry; applying the same file again changes nothing."""
    authorize(session, actor, "label.write")
    bump(session, "label", "artisans")  # first: on SQLite the write lock
    preview = preview_register(session, frame)
    todo = sorted((day, state == "expired", r.artisan_id, state)
                  for r in preview.rows if r.artisan_id and r.status in ("certify", "withdraw")
                  for state, day in r.steps)
    artisans: dict[int, Artisan] = {}
    for part in chunks(sorted({t[2] for t in todo}), CHUNK):
        artisans.update((a.id, a) for a in session.scalars(
            select(Artisan).where(Artisan.id.in_(part))))
    name = clean_filename(filename)  # no invisible character for the flush check to refuse
    note = f"{NOTE} {name}"
    for day, _, artisan_id, state in todo:
        step = apply_step(session, artisans[artisan_id], state, day, note, actor.username)
        audit.record(session, actor=actor.username, action="create", entity="label_steps",
                     entity_id=step.id, before=None, after=audit.snapshot(step))
    result = RegisterResult(preview.counts(), len(todo))
    audit.record(session, actor=actor.username, action="import", entity="label_steps",
                 entity_id=None, before=None,
                 after={"filename": name, "steps": len(todo), **result.counts})
    session.flush()
    return result
