"""Importing a list of artisans: columns mapped to fields, each row classified new, existing
or rejected against the registry, and the new ones added in one transaction, all or nothing."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from db import audit
from db.errors import ValidationError
from db.models import Artisan
from db.permissions import Actor, authorize
from db.queries.artisans import FIELDS, clean_artisan
from db.reference import communes, craft_sectors
from db.tabular import annotate, chunks, clean_filename, clean_text, header_key, records
from db.versioning import bump

CHUNK = 500  # rows per INSERT (and per IN list): well under SQLite's bound-parameter limit
REQUIRED = ("first_name", "last_name")
DEFAULT_SOURCE = "registry_import"
# Header names seen in FR, NL and EN lists, compared by db.tabular.header_key.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "first_name": ("prenom", "prenoms", "voornaam", "firstname", "givenname"),
    "last_name": ("nom", "nomdefamille", "achternaam", "familienaam", "naam", "lastname",
                  "surname", "familyname"),
    "business_name": ("entreprise", "nomdelentreprise", "raisonsociale", "denomination",
                      "enseigne", "bedrijfsnaam", "handelsnaam", "onderneming",
                      "naamonderneming", "businessname", "company", "companyname"),
    "email": ("email", "courriel", "mail", "adresseemail", "adressecourriel", "emailadres",
              "emailaddress"),
    "phone": ("telephone", "tel", "gsm", "portable", "telefoon", "telefoonnummer", "phone",
              "phonenumber", "mobile"),
    "enterprise_number": ("numerodentreprise", "ndentreprise", "numerobce", "nbce", "bce",
                          "ondernemingsnummer", "kbonummer", "nkbo", "kbo", "tva", "numerotva",
                          "btw", "btwnummer", "vat", "vatnumber", "enterprisenumber"),
    "postcode": ("codepostal", "cp", "postcode", "postalcode", "zip", "zipcode"),
    "commune_nis": ("commune", "gemeente", "localite", "ville", "plaats", "municipality",
                    "city", "nis", "codenis", "niscode"),
    "sector": ("secteur", "secteurdactivite", "sector", "sectoractiviteit", "craftsector"),
    "language": ("langue", "taal", "language"),
    "source": ("source", "bron", "origine", "origin"),
    "notes": ("notes", "note", "remarques", "remarque", "commentaire", "commentaires",
              "opmerkingen", "opmerking", "comments", "remarks"),
}
LANGUAGE_NAMES = {"fr": ("fr", "f", "francais", "frans", "french"),
                  "nl": ("nl", "n", "nederlands", "neerlandais", "dutch", "vlaams"),
                  "en": ("en", "e", "english", "anglais", "engels")}
BRUSSELS_CITY = ("bruxellesville", "villedebruxelles", "brusselstad", "stadbrussel", "brussels")


@dataclass(frozen=True)
class RowOutcome:
    """What an import does with one row: `reason` is the message key of a rejection, or how
    an existing artisan matched (enterprise_number, email, name_commune)."""

    row: int
    status: str  # "new", "existing" or "rejected"
    field: str | None = None
    reason: str | None = None
    artisan_id: int | None = None
    values: dict[str, Any] | None = None  # "new": the cleaned column values


@dataclass(frozen=True, eq=False)
class ImportPreview:
    """Every row of a file with its outcome, and the file itself (for the tables)."""

    frame: pd.DataFrame
    rows: tuple[RowOutcome, ...]

    def count(self, status: str) -> int:
        """How many rows have this outcome."""
        return sum(r.status == status for r in self.rows)


@dataclass(frozen=True)
class ImportResult:
    created: int
    existing: int
    rejected: int


@functools.cache
def _codes() -> dict[str, dict[str, str]]:
    """Loose names (header_key) -> codes, for the columns whose values are codes."""
    commune = {header_key(n): c.nis_code for c in communes()
               for n in (c.nis_code, c.name_fr, c.name_nl)}
    commune.update(dict.fromkeys(BRUSSELS_CITY, "21004"))
    sector = {header_key(n): s.code for s in craft_sectors()
              for n in (s.code, s.name_fr, s.name_nl, s.name_en)}
    language = {name: code for code, names in LANGUAGE_NAMES.items() for name in names}
    return {"commune_nis": commune, "sector": sector, "language": language}


def to_code(kind: str, typed: str) -> str | None:
    """The code of a commune, craft sector or language typed by name (FR, NL or EN) or code,
    or by the start of one name ('Céramique', 'Molenbeek'); a commune may follow its postcode
    ('1050 Ixelles'). None when unknown or ambiguous ('Woluwe')."""
    codes, key = _codes()[kind], header_key(typed)
    if key in codes:
        return codes[key]
    key = key.lstrip("0123456789")
    if key in codes or len(key) < 4:
        return codes.get(key)
    starting = {code for name, code in codes.items() if name.startswith(key)}
    return starting.pop() if len(starting) == 1 else None


def guess_mapping(headers: Sequence[str]) -> dict[str, str | None]:
    """The header each field is most likely in (FR, NL or EN names), or None."""
    keys = {h: header_key(h) for h in headers}
    mapping: dict[str, str | None] = {}
    for name in FIELDS:
        free = [h for h in headers if h not in mapping.values()]
        mapping[name] = next((h for h in free if keys[h] in SYNONYMS[name]), None)
    return mapping


def _check_mapping(frame: pd.DataFrame, mapping: Mapping[str, str | None]) -> dict[str, str]:
    chosen = {f: h for f, h in mapping.items() if f in FIELDS and h}
    if any(h not in frame.columns for h in chosen.values()):
        raise ValidationError({"mapping": "imports.mapping_unknown"})
    if any(f not in chosen for f in REQUIRED):
        raise ValidationError({"mapping": "imports.mapping_required"})
    return chosen


def _raw(cells: Mapping[str, str], chosen: Mapping[str, str]) -> dict[str, str]:
    """A row's typed fields, names of communes, sectors and languages turned into codes."""
    raw = {name: str(cells[header]) for name, header in chosen.items()}
    for name in ("commune_nis", "sector", "language"):
        typed = raw.get(name, "")
        raw[name] = to_code(name, typed) or typed  # unknown: clean_artisan says so
    raw["source"] = raw.get("source") or DEFAULT_SOURCE
    return raw


class _Existing:
    """Non-erased artisans sharing a key with the file's rows: find_duplicates' rules, read
    with a few IN queries instead of one query per row."""

    def __init__(self, session: Session, rows: Sequence[Mapping[str, Any]]) -> None:
        live = Artisan.erased_at.is_(None)
        self.number = self._ids(session, Artisan.enterprise_number,
                                {v["enterprise_number"] for v in rows} - {None}, live)
        self.email = self._ids(session, func.lower(Artisan.email),
                               {v["email"] for v in rows} - {None}, live)
        names = {v["name_key"] for v in rows if v["commune_nis"]}
        self.name: dict[Any, int] = {}
        for part in chunks(sorted(names), CHUNK):
            query = select(Artisan.name_key, Artisan.commune_nis, Artisan.id).where(
                Artisan.name_key.in_(part), Artisan.commune_nis.is_not(None), live)
            for key, nis, artisan_id in session.execute(query.order_by(Artisan.id.desc())):
                self.name[(key, nis)] = artisan_id  # the lowest id wins, as find_duplicates

    @staticmethod
    def _ids(session: Session, column: Any, values: set[str], live: Any) -> dict[Any, int]:
        found: dict[Any, int] = {}
        for part in chunks(sorted(values), CHUNK):
            query = select(column, Artisan.id).where(column.in_(part), live)
            for value, artisan_id in session.execute(query.order_by(Artisan.id.desc())):
                found[value] = artisan_id
        return found

    def match(self, values: Mapping[str, Any]) -> tuple[str, int] | None:
        """The strongest match of a row (enterprise number, then e-mail, then name and commune)."""
        for reason, index, key in (
                ("enterprise_number", self.number, values["enterprise_number"]),
                ("email", self.email, values["email"]),
                ("name_commune", self.name, (values["name_key"], values["commune_nis"]))):
            if key in index:
                return reason, index[key]
        return None


def _keys(values: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """What makes two rows of one file the same person, and the field it is shown at."""
    keys = [("enterprise_number", values["enterprise_number"]), ("email", values["email"])]
    if values["commune_nis"]:
        keys.append(("last_name", (values["name_key"], values["commune_nis"])))
    return [(field, key) for field, key in keys if key]


def preview_import(session: Session, frame: pd.DataFrame,
                   mapping: Mapping[str, str | None]) -> ImportPreview:
    """Each row of the file as it would be imported: new, existing (and which artisan) or
    rejected (the first wrong field and its message key, or a repeat of an earlier row)."""
    chosen = _check_mapping(frame, mapping)
    cleaned: dict[int, dict[str, Any]] = {}
    outcomes: dict[int, RowOutcome] = {}
    for row, cells in zip(frame.index, records(frame), strict=True):
        try:
            cleaned[int(row)] = clean_artisan(_raw(cells, chosen))
        except ValidationError as exc:
            field, key = next(iter(exc.errors.items()))
            outcomes[int(row)] = RowOutcome(int(row), "rejected", field, key)
    existing = _Existing(session, list(cleaned.values()))
    seen: set[tuple[str, Any]] = set()
    for row, values in cleaned.items():
        keys = _keys(values)
        if repeated := next((field for field, key in keys if (field, key) in seen), None):
            outcomes[row] = RowOutcome(row, "rejected", repeated, "imports.duplicate_in_file")
            continue
        seen.update(keys)
        if match := existing.match(values):
            outcomes[row] = RowOutcome(row, "existing", reason=match[0], artisan_id=match[1])
        else:
            outcomes[row] = RowOutcome(row, "new", values=values)
    return ImportPreview(frame, tuple(outcomes[int(r)] for r in frame.index))


def rows_of(preview: ImportPreview, status: str) -> pd.DataFrame:
    """The file's rows with one outcome, with the outcome's columns (reason keys untranslated)."""
    rows = [r for r in preview.rows if r.status == status]
    part = preview.frame.loc[[r.row for r in rows]]
    if status == "rejected":
        return annotate(part, field=[r.field for r in rows], reason=[r.reason for r in rows])
    if status == "existing":
        return annotate(part, artisan_id=[r.artisan_id for r in rows],
                        match=[r.reason for r in rows])
    return annotate(part)


def rejected_rows(preview: ImportPreview) -> pd.DataFrame:
    """The rejected rows: row number, the file's columns, `field` and `reason` (message keys)."""
    return rows_of(preview, "rejected")


def commit_import(*, session: Session, actor: Actor, frame: pd.DataFrame,
                  mapping: Mapping[str, str | None], filename: str,
                  progress: Callable[[int, int], None] | None = None) -> ImportResult:
    """Add the file's new artisans (without consent), classified again inside this transaction;
    audited per artisan plus one import entry; a file imported twice adds nothing."""
    authorize(session, actor, "artisans.write")
    bump(session, "artisans")  # first: on SQLite the write lock, so the classification holds
    preview = preview_import(session, frame, mapping)
    chosen = _check_mapping(frame, mapping)
    new = [r.values for r in preview.rows if r.status == "new" and r.values]
    done = 0
    for part in chunks(new, CHUNK):
        rows = [{**v, "consent_contact": False, "consent_newsletter": False, "row_version": 1}
                for v in part]
        ids = session.scalars(insert(Artisan).returning(Artisan.id, sort_by_parameter_order=True),
                              rows).all()
        for artisan_id, values in zip(ids, rows, strict=True):
            audit.record(session, actor=actor.username, action="create", entity="artisans",
                         entity_id=artisan_id, before=None, after={"id": artisan_id, **values})
        done += len(part)
        if progress:
            progress(done, len(new))
    result = ImportResult(done, preview.count("existing"), preview.count("rejected"))
    audit.record(session, actor=actor.username, action="import", entity="artisans",
                 entity_id=None, before=None,
                 after={"filename": clean_filename(filename), **vars(result),
                        "mapping": {f: clean_text(str(h)) for f, h in chosen.items()}})
    session.flush()
    return result
