"""An attendance list after an event: each row matched to one artisan (e-mail, enterprise number,
then name), previewed, ambiguous rows resolved by hand, then recorded all or nothing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from db import audit, clock
from db.errors import ValidationError
from db.models import Artisan, Attendance, Event
from db.permissions import Actor, authorize
from db.queries.attendance_match import (
    FIELDS,
    AttendanceRow,
    Candidate,
    Registry,
    check_mapping,
    guess_attendance_mapping,
    read_person,
)
from db.queries.events import event_day, load_event
from db.queries.registry_import import CHUNK
from db.tabular import annotate, chunks, clean_filename, clean_text, records
from db.versioning import bump

__all__ = ["FIELDS", "STATUSES", "AttendancePreview", "AttendanceResult", "AttendanceRow",
           "Candidate", "attendance_rows", "commit_attendance", "guess_attendance_mapping",
           "preview_attendance"]
STATUSES = ("matched", "already", "new", "ambiguous", "rejected")


@dataclass(frozen=True, eq=False)
class AttendancePreview:
    """Every row of a list with its outcome, and the list itself (for the tables)."""

    event_id: int
    frame: pd.DataFrame
    rows: tuple[AttendanceRow, ...]

    def count(self, status: str) -> int:
        """How many rows have this outcome."""
        return sum(r.status == status for r in self.rows)


@dataclass(frozen=True)
class AttendanceResult:
    attended: int
    created: int
    already: int
    skipped: int
    rejected: int


def _identities(outcome: AttendanceRow) -> list[tuple[str, Any]]:
    """What makes a later row of the file the same person (and the field it is shown at)."""
    if outcome.artisan_id is not None:
        return [("name", outcome.artisan_id)]
    if outcome.values:
        values = outcome.values
        return [(f, values[k]) for f, k in (("email", "email"), ("enterprise_number",
                "enterprise_number"), ("name", "name_key")) if values[k]]
    return [("name", tuple(c.id for c in outcome.candidates))] if outcome.candidates else []


def preview_attendance(session: Session, event_id: int, frame: pd.DataFrame,
                       mapping: Mapping[str, str | None]) -> AttendancePreview:
    """Each row of the list as it would be recorded: matched, already attended, new artisan,
    ambiguous (with its candidates) or rejected (a field and a message key)."""
    load_event(session, event_id, lock=False)
    chosen = check_mapping(frame, mapping)
    people = [read_person(cells, chosen) for cells in records(frame)]
    registry = Registry(session, event_id, people)
    outcomes, seen = [], set()
    for row, person in zip(frame.index, people, strict=True):
        outcome = registry.classify(int(row), person)
        identities = _identities(outcome)
        if repeated := next((f for f, key in identities if (f, key) in seen), None):
            outcome = AttendanceRow(int(row), "rejected", field=repeated,
                                    reason="attendance_import.duplicate_in_file")
        seen.update(identities)
        outcomes.append(outcome)
    return AttendancePreview(event_id, frame, tuple(outcomes))


def attendance_rows(preview: AttendancePreview, status: str) -> pd.DataFrame:
    """The list's rows with one outcome, then `artisan_id`, `how`, `candidates` (labels),
    `field` and `reason` (keys untranslated)."""
    rows = [r for r in preview.rows if r.status == status]
    return annotate(preview.frame.loc[[r.row for r in rows]],
                    artisan_id=[r.artisan_id for r in rows], how=[r.how for r in rows],
                    candidates=[" | ".join(c.label for c in r.candidates) for r in rows],
                    field=[r.field for r in rows], reason=[r.reason for r in rows])


def _choices(preview: AttendancePreview, resolutions: Mapping[int, int | None]) -> dict[int, int]:
    """The artisan chosen for each ambiguous row (skipped rows left out); refuses a choice that
    is not one of the row's candidates, and an ambiguous row left without an answer."""
    ambiguous = [r for r in preview.rows if r.status == "ambiguous"]
    if any(resolutions.get(r.row) is not None
           and resolutions[r.row] not in {c.id for c in r.candidates} for r in ambiguous):
        raise ValidationError({"resolutions": "attendance_import.resolution_invalid"})
    if any(r.row not in resolutions for r in ambiguous):
        raise ValidationError({"resolutions": "attendance_import.unresolved"})
    return {r.row: pick for r in ambiguous if (pick := resolutions[r.row]) is not None}


def _create(session: Session, actor: Actor, new: list[dict[str, Any]]) -> list[int]:
    """Insert the list's new artisans (no consent recorded), audited one by one."""
    ids: list[int] = []
    for part in chunks(new, CHUNK):
        rows = [{**v, "consent_contact": False, "consent_newsletter": False, "row_version": 1}
                for v in part]
        made = session.scalars(insert(Artisan).returning(
            Artisan.id, sort_by_parameter_order=True), rows).all()
        for artisan_id, values in zip(made, rows, strict=True):
            audit.record(session, actor=actor.username, action="create", entity="artisans",
                         entity_id=artisan_id, before=None, after={"id": artisan_id, **values})
        ids += made
    return ids


def _attend(session: Session, actor: Actor, event: Event, artisan_ids: list[int]) -> None:
    """Registrations turned into attendance at the event's start; others added as walk-ins."""
    ids = set(artisan_ids)
    rows = {a.artisan_id: a for a in session.scalars(select(Attendance).where(
        Attendance.event_id == event.id)) if a.artisan_id in ids}
    changed: list[tuple[dict[str, Any] | None, Attendance]] = []
    for artisan_id in artisan_ids:
        if (row := rows.get(artisan_id)) is None:
            row = Attendance(event_id=event.id, artisan_id=artisan_id, status="attended",
                             walk_in=True, checked_in_at=event.starts_at,
                             checked_in_by=actor.username, recorded_by=actor.username)
            session.add(row)
            changed.append((None, row))
            continue
        changed.append((audit.snapshot(row), row))
        row.status, row.checked_in_at = "attended", event.starts_at
        row.checked_in_by = row.recorded_by = actor.username
    session.flush()
    for before, row in changed:
        audit.record(session, actor=actor.username, action="update" if before else "create",
                     entity="attendances", entity_id=row.id, before=before,
                     after=audit.snapshot(row))


def _check_types(frame: object, mapping: object, resolutions: object, filename: object) -> None:
    """A page hands these over as read; anything else is refused with a message, not a crash."""
    problems = {
        "frame": not isinstance(frame, pd.DataFrame),
        "mapping": not isinstance(mapping, Mapping) or not all(
            isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in mapping.items()),
        "resolutions": not isinstance(resolutions, Mapping) or not all(
            isinstance(k, int) and (v is None or (isinstance(v, int) and not isinstance(v, bool)))
            for k, v in resolutions.items()),
        "filename": not isinstance(filename, str)}
    if errors := {name: "form.invalid_value" for name, bad in problems.items() if bad}:
        raise ValidationError(errors)


def commit_attendance(*, session: Session, actor: Actor, event_id: int, frame: pd.DataFrame,
                      mapping: Mapping[str, str | None], resolutions: Mapping[int, int | None],
                      filename: str) -> AttendanceResult:
    """Record a held event's list, classified again in this transaction: matched and chosen
    artisans attended, new ones added first; one import audit entry; twice adds nothing."""
    authorize(session, actor, "events.write")
    authorize(session, actor, "artisans.write")  # new people join the registry
    _check_types(frame, mapping, resolutions, filename)
    # First: on SQLite the write lock, so the preview holds; "attendance" as every door write.
    bump(session, "events", "artisans", "attendance")
    event = load_event(session, event_id)
    if event_day(event) > clock.today():
        raise ValidationError({"_form": "attendance_import.event_not_started"})
    preview = preview_attendance(session, event_id, frame, mapping)
    picks = _choices(preview, resolutions)
    chosen: list[int] = []
    for r in preview.rows:
        artisan_id = picks.get(r.row) if r.status == "ambiguous" else r.artisan_id
        if r.status in ("matched", "ambiguous") and artisan_id and artisan_id not in chosen:
            chosen.append(artisan_id)
    picked = sum(r.status == "ambiguous" and r.row in picks for r in preview.rows)
    matched = preview.count("matched") + picked
    created = _create(session, actor, [r.values for r in preview.rows if r.values
                                       and r.status == "new"])
    _attend(session, actor, event, chosen + created)
    result = AttendanceResult(
        attended=len(chosen) + len(created), created=len(created),
        already=preview.count("already") + matched - len(chosen),
        skipped=preview.count("ambiguous") - picked, rejected=preview.count("rejected"))
    audit.record(session, actor=actor.username, action="import", entity="events",
                 entity_id=event.id, before=None,
                 after={"filename": clean_filename(filename), **vars(result), "mapping": {
                     f: clean_text(str(h)) for f, h in check_mapping(frame, mapping).items()}})
    session.flush()
    return result
