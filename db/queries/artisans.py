"""The registry's writes: an artisan's fields checked and cleaned, duplicates found before a
create, stale edits refused, consent recorded; each write role-checked, audited, versioned."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db import audit, clock, identity, vocab
from db.errors import ValidationError
from db.ids import valid_id
from db.models import Artisan
from db.permissions import Actor, authorize
from db.reference import communes, craft_sectors
from db.validation import email_problem, text_problem
from db.versioning import bump

MAX_NOTES = 2000
# What a form or an import row may set; everything else is derived or kept by other writes.
FIELDS = ("first_name", "last_name", "business_name", "email", "phone", "enterprise_number",
          "postcode", "commune_nis", "sector", "language", "source", "notes")


@dataclass(frozen=True)
class Duplicate:
    """An existing artisan a new record may be the same person as, and why."""

    id: int
    reason: str  # "enterprise_number", "email" or "name_commune"
    first_name: str
    last_name: str
    business_name: str | None
    commune_nis: str | None


class DuplicatesFound(ValidationError):
    """A new artisan looks like one already in the registry: offer to open it instead."""

    def __init__(self, duplicates: list[Duplicate]) -> None:
        super().__init__({"_form": "artisans.duplicates_found"})
        self.duplicates = duplicates


def _text(raw: Mapping[str, Any], name: str) -> str:
    value = raw.get(name)
    return "" if value is None else " ".join(str(value).split())


def _place(raw: Mapping[str, Any], errors: dict[str, str]) -> tuple[str | None, str | None]:
    """The postcode (a Brussels one) and the commune it fills in, or the commune alone."""
    postcode, commune = _text(raw, "postcode"), _text(raw, "commune_nis") or None
    if commune and commune not in {c.nis_code for c in communes()}:
        errors["commune_nis"] = "artisans.commune_unknown"
        return None, None
    if not postcode:
        return None, commune
    of_postcode = identity.commune_of_postcode(postcode)
    if of_postcode is None:
        errors["postcode"] = "artisans.postcode_outside"
    elif commune and commune != of_postcode:
        errors["postcode"] = "artisans.postcode_commune_mismatch"
    return postcode, of_postcode or commune


def clean_artisan(raw: Mapping[str, Any]) -> dict[str, Any]:
    """The column values of an artisan from typed fields (strings; missing means empty),
    with its derived keys; raises ValidationError with a message key per wrong field."""
    errors: dict[str, str] = {name: "form.invalid_value" for name in FIELDS
                              if raw.get(name) is not None and not isinstance(raw[name], str)}
    if errors:  # a form or an import gives text; anything else is not a value to store
        raise ValidationError(errors)
    values: dict[str, Any] = {}
    for name, limit, required in (("first_name", 80, True), ("last_name", 80, True),
                                  ("business_name", 150, False)):
        values[name] = _text(raw, name) or (None if not required else "")
        if problem := text_problem(values[name] or "", limit, required):
            errors[name] = problem
    values["email"] = identity.normalize_email(_text(raw, "email")) or None
    if problem := email_problem(values["email"] or ""):
        errors["email"] = problem
    values["phone"] = identity.normalize_phone(_text(raw, "phone")) or None
    if problem := identity.phone_problem(values["phone"] or ""):
        errors["phone"] = problem
    number = _text(raw, "enterprise_number")
    values["enterprise_number"] = identity.enterprise_digits(number) or None
    if problem := identity.enterprise_number_problem(number):
        errors["enterprise_number"] = problem
    values["postcode"], values["commune_nis"] = _place(raw, errors)
    values["sector"] = _text(raw, "sector") or None
    if values["sector"] and values["sector"] not in {s.code for s in craft_sectors()}:
        errors["sector"] = "artisans.sector_unknown"
    values["language"] = _text(raw, "language") or "fr"
    if values["language"] not in vocab.LANGUAGES:
        errors["language"] = "artisans.language_unknown"
    values["source"] = _text(raw, "source") or "other"
    if values["source"] not in vocab.SOURCES:
        errors["source"] = "artisans.source_unknown"
    notes = str(raw.get("notes") or "").strip()
    values["notes"] = notes or None
    if problem := text_problem(notes, MAX_NOTES, required=False, multiline=True):
        errors["notes"] = problem
    if errors:
        raise ValidationError(errors)
    values["name_key"] = identity.name_key(values["first_name"], values["last_name"])
    values["search_text"] = identity.search_text(
        values["first_name"], values["last_name"], values["business_name"], values["email"],
        values["enterprise_number"])
    return values


def find_duplicates(session: Session, values: Mapping[str, Any],
                    exclude_id: int | None = None) -> list[Duplicate]:
    """Artisans (not erased) with the same enterprise number, the same e-mail (ignoring case),
    or the same folded first and last name in the same commune; strongest reason first."""
    tests = []
    if values.get("enterprise_number"):
        tests.append(("enterprise_number",
                      Artisan.enterprise_number == values["enterprise_number"]))
    if values.get("email"):
        tests.append(("email", func.lower(Artisan.email) == values["email"].lower()))
    if values.get("name_key") and values.get("commune_nis"):
        tests.append(("name_commune", (Artisan.name_key == values["name_key"])
                      & (Artisan.commune_nis == values["commune_nis"])))
    if not tests:
        return []
    query = select(Artisan).where(or_(*(test for _, test in tests)),
                                  Artisan.erased_at.is_(None))
    if exclude_id is not None:
        query = query.where(Artisan.id != exclude_id)
    found: list[Duplicate] = []
    for artisan in session.scalars(query.order_by(Artisan.id).limit(20)):
        reason = next(name for name, _ in tests if _matches(artisan, name, values))
        found.append(Duplicate(artisan.id, reason, artisan.first_name, artisan.last_name,
                               artisan.business_name, artisan.commune_nis))
    order = {"enterprise_number": 0, "email": 1, "name_commune": 2}
    return sorted(found, key=lambda d: (order[d.reason], d.id))


def _matches(artisan: Artisan, reason: str, values: Mapping[str, Any]) -> bool:
    if reason == "enterprise_number":
        return artisan.enterprise_number == values.get("enterprise_number")
    if reason == "email":
        return (artisan.email or "").lower() == (values.get("email") or "").lower()
    return True


def create_artisan(*, session: Session, actor: Actor, fields: Mapping[str, Any],
                   allow_duplicates: bool = False) -> Artisan:
    """Add an artisan to the registry; raises DuplicatesFound unless allowed, and even then
    refuses a second record with the same enterprise number or e-mail (the database would)."""
    authorize(session, actor, "artisans.write")
    values = clean_artisan(fields)
    # First: on SQLite the write lock, on PostgreSQL a row lock all registry writes take, so
    # two advisers adding the same person at once are checked one after the other.
    bump(session, "artisans")
    duplicates = find_duplicates(session, values)
    hard = [d for d in duplicates if d.reason != "name_commune"]
    if duplicates and (not allow_duplicates or hard):
        raise DuplicatesFound(duplicates)
    artisan = Artisan(**values, consent_contact=False, consent_newsletter=False,
                      row_version=1)
    try:
        with session.begin_nested():  # a unique index is the last word (e.g. an import)
            session.add(artisan)
            session.flush()
    except IntegrityError:
        raise DuplicatesFound(find_duplicates(session, values)) from None
    audit.record(session, actor=actor.username, action="create", entity="artisans",
                 entity_id=artisan.id, before=None, after=audit.snapshot(artisan))
    return artisan


def _load(session: Session, artisan_id: int) -> Artisan:
    if not valid_id(artisan_id):  # never a query with an id no row can have
        raise ValidationError({"_form": "artisans.not_found"})
    artisan = session.get(Artisan, artisan_id, populate_existing=True, with_for_update=True)
    if artisan is None or artisan.erased_at is not None:
        raise ValidationError({"_form": "artisans.not_found"})
    return artisan


def update_artisan(*, session: Session, actor: Actor, artisan_id: int,
                   fields: Mapping[str, Any], expected_version: int) -> Artisan:
    """Save an edit made from version `expected_version`; refused if someone saved since."""
    authorize(session, actor, "artisans.write")
    bump(session, "artisans")  # first: on SQLite the write lock, so the version check holds
    artisan = _load(session, artisan_id)
    if artisan.row_version != expected_version:
        raise ValidationError({"_form": "artisans.stale_edit"})
    values = clean_artisan({**{f: getattr(artisan, f) for f in FIELDS}, **fields})
    errors = {}
    for dup in find_duplicates(session, values, exclude_id=artisan.id):
        if dup.reason != "name_commune":
            errors[dup.reason] = f"artisans.{dup.reason}_taken"
    if errors:
        raise ValidationError(errors)
    audit.record_update(session, actor=actor.username, entity="artisans", obj=artisan,
                        values=values)
    return artisan


def set_consent(*, session: Session, actor: Actor, artisan_id: int, contact: bool,
                newsletter: bool, on: date, expected_version: int) -> Artisan:
    """Record (or withdraw) the consent answers as given on a day."""
    authorize(session, actor, "artisans.write")
    errors = {name: "form.invalid_value" for name, answer in
              (("consent_contact", contact), ("consent_newsletter", newsletter))
              if not isinstance(answer, bool)}
    if not isinstance(on, date) or isinstance(on, datetime):
        errors["consent_recorded_on"] = "form.invalid_value"
    elif on > clock.today() or on.year < 2000:
        errors["consent_recorded_on"] = "artisans.date_out_of_range"
    if errors:
        raise ValidationError(errors)
    bump(session, "artisans")
    artisan = _load(session, artisan_id)
    if artisan.row_version != expected_version:
        raise ValidationError({"_form": "artisans.stale_edit"})
    audit.record_update(session, actor=actor.username, entity="artisans", obj=artisan,
                        values={"consent_contact": contact, "consent_newsletter": newsletter,
                                "consent_recorded_on": on})
    return artisan
