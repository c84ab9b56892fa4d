"""Matching an attendance list's rows to artisans: the columns, a row's name, e-mail and
enterprise number, and the live artisans they point to (a few IN queries for the whole list)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.errors import ValidationError
from db.identity import enterprise_digits, enterprise_number_valid, fold, normalize_email
from db.models import Artisan, Attendance
from db.queries.artisans import clean_artisan
from db.queries.registry_import import CHUNK, guess_mapping
from db.tabular import chunks, clean_text, header_key
from db.validation import email_problem

FIELDS = ("first_name", "last_name", "name", "business_name", "email", "phone",
          "enterprise_number")
# A single column holding the whole name (ticketing exports, sign-in sheets), by header_key.
NAME_SYNONYMS = ("name", "fullname", "nomcomplet", "nometprenom", "prenometnom", "nomprenom",
                 "prenomnom", "participant", "participante", "volledigenaam", "naamvoornaam",
                 "voornaamnaam", "naamenvoornaam", "voornaamennaam", "deelnemer", "attendee",
                 "attendeename", "participantname")


@dataclass(frozen=True)
class Candidate:
    """An artisan a row may be: id and a label (name, business, e-mail) to choose by."""

    id: int
    label: str


@dataclass(frozen=True)
class AttendanceRow:
    """One row's outcome; `how` is the match (email, enterprise_number, name), `reason` the
    message key of a rejection at `field`, `values` the cleaned fields of a new artisan."""

    row: int
    status: str
    artisan_id: int | None = None
    how: str | None = None
    candidates: tuple[Candidate, ...] = ()
    field: str | None = None
    reason: str | None = None
    values: dict[str, Any] | None = None


@dataclass
class Person:
    """A row as typed: the fields clean_artisan takes, and the name keys to look up."""

    typed: dict[str, str]
    email: str | None = None
    number: str | None = None
    keys: list[str] = field(default_factory=list)


def guess_attendance_mapping(headers: Sequence[str]) -> dict[str, str | None]:
    """The registry import's guesses, plus a whole-name column; a lone 'Nom' or 'Naam' column
    on a sign-in sheet holds the whole name."""
    guess = guess_mapping(headers)
    mapping: dict[str, str | None] = {f: guess.get(f) for f in FIELDS if f != "name"}
    taken = set(mapping.values())
    mapping["name"] = next((h for h in headers if h not in taken
                            and header_key(h) in NAME_SYNONYMS), None)
    if mapping["last_name"] and not mapping["first_name"] and not mapping["name"]:
        mapping["name"], mapping["last_name"] = mapping["last_name"], None
    return {f: mapping[f] for f in FIELDS}


def check_mapping(frame: pd.DataFrame, mapping: Mapping[str, str | None]) -> dict[str, str]:
    """The mapped fields and their headers; refuses an unknown header, or no column at all
    that identifies a person (e-mail, enterprise number, whole name, or first and last name)."""
    chosen = {f: h for f, h in mapping.items() if f in FIELDS and h}
    if any(h not in frame.columns for h in chosen.values()):
        raise ValidationError({"mapping": "attendance_import.mapping_unknown"})
    if not ({"email", "enterprise_number", "name"} & chosen.keys()
            or {"first_name", "last_name"} <= chosen.keys()):
        raise ValidationError({"mapping": "attendance_import.mapping_required"})
    return chosen


def split_name(full: str) -> tuple[str, str]:
    """First and last name of a whole name: 'Dupré, Éloïse', 'DUPRÉ Éloïse' (capitals first
    are the last name, as on Belgian lists) or 'Éloïse Dupré'."""
    if "," in full:
        last, first = (" ".join(p.split()) for p in full.split(",", 1))
        return first, last
    words = full.split()
    capitals = next((i for i, w in enumerate(words) if not (w.isupper() and len(w) > 1)),
                    len(words))
    if 0 < capitals < len(words):
        return " ".join(words[capitals:]), " ".join(words[:capitals])
    return (words[0], " ".join(words[1:])) if words else ("", "")


def read_person(cells: Mapping[str, str], chosen: Mapping[str, str]) -> Person:
    """A row's typed fields; its e-mail and number kept only when valid (an invalid one
    matches nobody: it is clean_artisan's to refuse if the row is a new artisan)."""
    typed = {f: clean_text(str(cells[h])) for f, h in chosen.items()}
    first, last, whole = typed.get("first_name", ""), typed.get("last_name", ""), typed.pop(
        "name", "")
    keys = [fold(f"{first} {last}")] if first and last else []
    if not keys and whole:
        first, last = split_name(whole)
        words = fold(whole.replace(",", " ")).split()  # 'last first' as well as 'first last'
        keys = list(dict.fromkeys(" ".join(words[i:] + words[:i]) for i in range(len(words))))
    person = Person({**typed, "first_name": first, "last_name": last, "source": "event"},
                     keys=keys)
    email = normalize_email(typed.get("email", ""))
    person.email = email if email and not email_problem(email) else None
    number = enterprise_digits(typed.get("enterprise_number", ""))
    person.number = number if enterprise_number_valid(number) else None
    return person


class Registry:
    """The live (not erased) artisans the list's e-mails, numbers and names point to, read
    with a few IN queries, and this event's attendance statuses."""

    def __init__(self, session: Session, event_id: int, people: Sequence[Person]) -> None:
        live = Artisan.erased_at.is_(None)
        self.email = self._ids(session, func.lower(Artisan.email), live,
                               {p.email for p in people if p.email})
        self.number = self._ids(session, Artisan.enterprise_number, live,
                                {p.number for p in people if p.number})
        self.names = self._names(session, live, {k for p in people for k in p.keys})
        came = select(Attendance.artisan_id, Attendance.status).where(
            Attendance.event_id == event_id)
        self.status = {artisan_id: status for artisan_id, status in session.execute(came)}

    @staticmethod
    def _names(session: Session, live: Any, keys: set[str]) -> dict[str, list[Candidate]]:
        """Everyone with one of these name keys, with a label telling namesakes apart."""
        names: dict[str, list[Candidate]] = {}
        for part in chunks(sorted(keys), CHUNK):
            query = select(Artisan.id, Artisan.name_key, Artisan.first_name, Artisan.last_name,
                           Artisan.business_name, Artisan.email).where(
                Artisan.name_key.in_(part), live).order_by(Artisan.id)
            for row in session.execute(query):
                label = " · ".join(p for p in (f"{row.first_name} {row.last_name}",
                                               row.business_name, row.email, f"#{row.id}") if p)
                names.setdefault(row.name_key, []).append(Candidate(row.id, label))
        return names

    @staticmethod
    def _ids(session: Session, column: Any, live: Any, values: set[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        for part in chunks(sorted(values), CHUNK):
            query = select(column, Artisan.id).where(column.in_(part), live)
            found.update((value, artisan_id) for value, artisan_id in session.execute(query))
        return found

    def classify(self, row: int, person: Person) -> AttendanceRow:
        """Matched by e-mail, else enterprise number, else one name; several names: ambiguous,
        unless one of them already attended (then the list adds nothing)."""
        for how, index, key in (("email", self.email, person.email),
                                ("enterprise_number", self.number, person.number)):
            if key in index:
                return self._matched(row, index[key], how)
        found = {c.id: c for k in person.keys for c in self.names.get(k, [])}
        candidates = tuple(sorted(found.values(), key=lambda c: c.id))
        if len(candidates) == 1:
            return self._matched(row, candidates[0].id, "name")
        came = [c.id for c in candidates if self.status.get(c.id) == "attended"]
        if came:
            return AttendanceRow(row, "already", came[0], "name", candidates)
        if candidates:
            return AttendanceRow(row, "ambiguous", how="name", candidates=candidates)
        return new_row(row, person)

    def _matched(self, row: int, artisan_id: int, how: str) -> AttendanceRow:
        status = "already" if self.status.get(artisan_id) == "attended" else "matched"
        return AttendanceRow(row, status, artisan_id, how)


def new_row(row: int, person: Person) -> AttendanceRow:
    """A row nobody matched: a new artisan (source 'event'), or rejected without a name or
    with a field clean_artisan refuses."""
    if not (person.typed["first_name"] or person.typed["last_name"]):
        return AttendanceRow(row, "rejected", field="name", reason="attendance_import.no_name")
    try:
        return AttendanceRow(row, "new", values=clean_artisan(person.typed))
    except ValidationError as exc:
        wrong, key = next(iter(exc.errors.items()))
        return AttendanceRow(row, "rejected", field=wrong, reason=key)


