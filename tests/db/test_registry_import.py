"""Importing a list of artisans: mapping, classification, commit (all or nothing, twice)."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from db import versioning
from db.engine import session_scope
from db.errors import ValidationError
from db.identity import format_enterprise_number
from db.models import Artisan, AuditEntry
from db.permissions import PermissionDenied
from db.queries import registry_import
from db.queries.artisans import clean_artisan, find_duplicates
from db.queries.registry_import import (
    commit_import,
    guess_mapping,
    preview_import,
    rejected_rows,
)
from db.tabular import read_table
from seed.common import enterprise_number
from tests.conftest import actor

STAFF = actor("staff")
HEADER = "Prénom;Nom;Entreprise;Courriel;GSM;N° BCE;Code postal;Commune;Secteur;Langue\n"


def _known(engine: Engine) -> list[Artisan]:
    """Three seeded artisans with an enterprise number, an e-mail and a commune."""
    with session_scope(engine) as s:
        return list(s.scalars(select(Artisan).where(
            Artisan.enterprise_number.is_not(None), Artisan.email.is_not(None),
            Artisan.commune_nis.is_not(None)).order_by(Artisan.id).limit(3)))


def _file(engine: Engine) -> bytes:
    """A list as a partner sends it: new people, known ones (by number, e-mail, name and
    commune), mistakes, and a repeated line."""
    a, b, c = _known(engine)
    lines = [
        f"Éloïse;Dupré;Céramique Dupré;eloise@atelier-dupre.be;0470 12 34 56;"
        f"{format_enterprise_number(enterprise_number(11_111_111))};1050;Ixelles;Céramique;FR",
        "Joris;Peeters;;joris@peeters.be;;;1030;Schaarbeek;Hout;Nederlands",
        f"X;Y;;;;BE{a.enterprise_number};;;;",
        f"Other;Person;;{(b.email or '').upper()};;;;;;",
        f"{c.first_name.upper()};{c.last_name};;;;;;{c.commune_nis};;",
        "Marc;Lenoir;;;;0123.456.788;;;;",
        "Lise;Moreau;;;;;4000;;;",
        "Joris;Peeters;;JORIS@peeters.be;;;;;;",
        ";Sans Prénom;;;;;;;;",
    ]
    return (HEADER + "\n".join(lines) + "\n").encode("utf-8")


def _preview(engine: Engine) -> registry_import.ImportPreview:
    frame = read_table(_file(engine), "list.csv")
    with session_scope(engine) as s:
        return preview_import(s, frame, guess_mapping(list(frame.columns)))


def _commit(engine: Engine, data: bytes, **kwargs: object) -> registry_import.ImportResult:
    frame = read_table(data, "list.csv")
    with session_scope(engine, write=True) as s:
        return commit_import(session=s, actor=STAFF, frame=frame,
                             mapping=guess_mapping(list(frame.columns)), filename="list.csv",
                             **kwargs)  # type: ignore[arg-type]


def _count(engine: Engine) -> int:
    with session_scope(engine) as s:
        return int(s.scalar(select(func.count()).select_from(Artisan)) or 0)


@pytest.mark.parametrize("headers", [
    ["Prénom", "Nom", "E-mail", "Numéro d'entreprise", "Code postal", "Commune", "Secteur"],
    ["Voornaam", "Achternaam", "E-mailadres", "Ondernemingsnummer", "Postcode", "Gemeente",
     "Sector"],
    ["First name", "Last name", "Email", "VAT", "Postal code", "Municipality", "Sector"],
])
def test_guess_mapping_in_three_languages(headers: list[str]) -> None:
    mapping = guess_mapping(headers)
    fields = ["first_name", "last_name", "email", "enterprise_number", "postcode",
              "commune_nis", "sector"]
    assert [mapping[f] for f in fields] == headers
    assert mapping["phone"] is None and mapping["notes"] is None


def test_guess_mapping_knows_bce_kbo_and_courriel() -> None:
    mapping = guess_mapping(["KBO", "Courriel", "Nom de l'entreprise", "Nom", "Prénom"])
    assert mapping["enterprise_number"] == "KBO" and mapping["email"] == "Courriel"
    assert mapping["business_name"] == "Nom de l'entreprise" and mapping["last_name"] == "Nom"


def test_first_and_last_name_must_be_mapped(seeded: Engine) -> None:
    frame = read_table(b"Nom;Courriel\nSmet;a@b.be\n", "list.csv")
    with session_scope(seeded) as s, pytest.raises(ValidationError) as err:
        preview_import(s, frame, guess_mapping(list(frame.columns)))
    assert err.value.errors == {"mapping": "imports.mapping_required"}


def test_preview_classifies_every_row(seeded: Engine) -> None:
    known = _known(seeded)
    rows = _preview(seeded).rows
    assert [r.status for r in rows] == ["new", "new", "existing", "existing", "existing",
                                        "rejected", "rejected", "rejected", "rejected"]
    assert [(r.artisan_id, r.reason) for r in rows[2:5]] == [
        (known[0].id, "enterprise_number"), (known[1].id, "email"),
        (known[2].id, "name_commune")]
    assert [(r.field, r.reason) for r in rows[5:]] == [
        ("enterprise_number", "artisans.enterprise_check_digit"),
        ("postcode", "artisans.postcode_outside"),
        ("email", "imports.duplicate_in_file"),
        ("first_name", "form.required")]


def test_names_of_communes_sectors_and_languages_become_codes(seeded: Engine) -> None:
    first, second = [r.values for r in _preview(seeded).rows[:2]]
    assert first and second
    assert (first["commune_nis"], first["sector"], first["language"]) == ("21009", "ceramics",
                                                                        "fr")
    assert (second["commune_nis"], second["sector"], second["language"]) == ("21015", "wood",
                                                                          "nl")
    assert first["enterprise_number"] == enterprise_number(11_111_111)
    assert first["source"] == second["source"] == "registry_import"


def test_bulk_matching_agrees_with_find_duplicates(seeded: Engine) -> None:
    preview = _preview(seeded)
    frame, mapping = preview.frame, guess_mapping(list(preview.frame.columns))
    with session_scope(seeded) as s:
        for outcome in preview.rows[:5]:
            cells = frame.loc[outcome.row].to_dict()
            values = clean_artisan(registry_import._raw(cells, {
                f: h for f, h in mapping.items() if h}))
            found = find_duplicates(s, values)
            assert (found[0].id if found else None) == outcome.artisan_id


def test_commit_adds_the_new_rows_without_consent_and_audits(seeded: Engine) -> None:
    before, version = _count(seeded), _version(seeded)
    result = _commit(seeded, _file(seeded))
    assert (result.created, result.existing, result.rejected) == (2, 3, 4)
    assert _count(seeded) == before + 2 and _version(seeded) > version
    with session_scope(seeded) as s:
        added = s.scalars(select(Artisan).where(Artisan.email == "eloise@atelier-dupre.be")).one()
        assert (added.consent_contact, added.consent_newsletter) == (False, False)
        assert (added.name_key, added.row_version) == ("eloise dupre", 1)
        entries = s.scalars(select(AuditEntry).where(AuditEntry.username == "staff")).all()
    assert sorted(e.action for e in entries) == ["create", "create", "import"]
    summary = json.loads(next(e.after_json for e in entries if e.action == "import") or "{}")
    assert summary["filename"] == "list.csv" and summary["created"] == 2


def _version(engine: Engine) -> int:
    with session_scope(engine) as s:
        return versioning.data_versions(s)["artisans"]


def test_importing_the_same_file_twice_adds_nothing(seeded: Engine) -> None:
    data = _file(seeded)
    first = _commit(seeded, data)
    count = _count(seeded)
    second = _commit(seeded, data)
    assert second.created == 0 and _count(seeded) == count
    assert second.existing == first.created + first.existing


def test_the_commit_classifies_again_instead_of_trusting_the_preview(seeded: Engine) -> None:
    preview = _preview(seeded)
    assert preview.count("new") == 2
    with session_scope(seeded) as s:  # someone adds Joris meanwhile
        s.add(Artisan(**clean_artisan({"first_name": "Jo", "last_name": "P",
                                       "email": "joris@peeters.be", "source": "event"})))
    assert _commit(seeded, _file(seeded)).created == 1


def test_a_failure_mid_commit_leaves_no_artisan(seeded: Engine,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry_import, "CHUNK", 2)
    body = "".join(f"Anne{i};Smet{i};anne{i}@example.be\n" for i in range(7))
    data = ("Prénom;Nom;E-mail\n" + body).encode()
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done == 4:
            raise RuntimeError("the connection dropped")

    before = _count(seeded)
    with pytest.raises(RuntimeError):
        _commit(seeded, data, progress=progress)
    assert seen == [(2, 7), (4, 7)] and _count(seeded) == before
    assert _commit(seeded, data, progress=lambda d, t: seen.append((d, t))).created == 7
    assert seen[-1] == (7, 7)


def test_rejected_rows_keep_the_file_columns_and_a_reason(seeded: Engine) -> None:
    table = rejected_rows(_preview(seeded))
    assert list(table.columns) == ["row", *HEADER.strip().split(";"), "field", "reason"]
    assert table["row"].tolist() == [7, 8, 9, 10]
    assert table["reason"].tolist()[0] == "artisans.enterprise_check_digit"
    assert table["Nom"].tolist()[0] == "Lenoir"


def test_partners_may_not_import(seeded: Engine) -> None:
    with pytest.raises(PermissionDenied):
        _commit_as(seeded, "partner")


def _commit_as(engine: Engine, role: str) -> None:
    frame = read_table(b"Prenom;Nom\nAnne;Smet\n", "list.csv")
    with session_scope(engine, write=True) as s:
        commit_import(session=s, actor=actor(role), frame=frame,
                      mapping=guess_mapping(list(frame.columns)), filename="x.csv")


def test_an_explicit_source_is_kept(session: Session) -> None:
    frame = read_table(b"Prenom;Nom;Source\nAnne;Smet;campaign\nJan;Peeters;\n", "x.csv")
    preview = preview_import(session, frame, guess_mapping(list(frame.columns)))
    assert [r.values["source"] for r in preview.rows if r.values] == ["campaign",
                                                                      "registry_import"]


@pytest.mark.parametrize(("kind", "typed", "code"), [
    ("commune_nis", "21009", "21009"), ("commune_nis", "Elsene", "21009"),
    ("commune_nis", "1050 Ixelles", "21009"), ("commune_nis", "Molenbeek", "21012"),
    ("commune_nis", "Woluwe", None), ("commune_nis", "Bruxelles-Ville", "21004"),
    ("commune_nis", "Liège", None), ("sector", "Keramiek en glas", "ceramics"),
    ("sector", "bijouterie", "luxury_jewellery"), ("language", "N", "nl"),
])
def test_to_code_reads_names_in_both_languages(kind: str, typed: str,
                                               code: str | None) -> None:
    assert registry_import.to_code(kind, typed) == code


def test_invisible_characters_of_headers_and_file_name_stay_out_of_the_audit(
        seeded: Engine) -> None:
    frame = pd.DataFrame({"\u200bPrénom": ["Zénobe", "Marie"], "Nom": ["Gramme", None]},
                         index=pd.Index([2, 3], name="row"))
    with session_scope(seeded) as s:
        result = commit_import(session=s, actor=STAFF, frame=frame,
                               mapping={"first_name": "\u200bPrénom", "last_name": "Nom",
                                        "email": None},
                               filename="liste \u202e\U0001F468\u200d\U0001F3A8.csv")
    assert (result.created, result.rejected) == (1, 1)
    with session_scope(seeded) as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "import",
                                                   AuditEntry.username == "staff")).one()
        summary = json.loads(entry.after_json or "{}")
    assert summary["filename"] == "liste \U0001F468\U0001F3A8.csv"
    assert summary["mapping"] == {"first_name": "Prénom", "last_name": "Nom"}
