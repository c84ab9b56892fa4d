"""The FPS Economy's register of certified artisans applied to the registry's label journeys."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

import pandas as pd
import pytest
from sqlalchemy import Engine, exists, func, select

from db.engine import session_scope
from db.errors import ValidationError
from db.identity import format_enterprise_number
from db.models import Artisan, AuditEntry, LabelStep
from db.permissions import PermissionDenied
from db.queries.label_register import (
    apply_register,
    parse_day,
    preview_register,
    register_rows,
)
from db.tabular import read_table
from seed.common import enterprise_number
from tests.conftest import actor

STAFF = actor("staff")
HEADERS = {
    "fr": ["Dénomination", "Rue", "Code postal", "Commune", "Numéro d'entreprise",
           "Activité artisanale", "Date d'octroi", "Date de retrait"],
    "nl": ["Benaming", "Straat", "Postcode", "Gemeente", "Ondernemingsnummer",
           "Ambachtelijke activiteit", "Datum toekenning", "Datum intrekking"],
}


@dataclass
class Register:
    """A register file and what it holds, for the assertions."""

    data: bytes
    certify: list[int]  # artisan ids to be certified
    withdrawn: int  # the artisan id certified then withdrawn
    unchanged: int  # an artisan whose certification is already recorded
    late: int  # an artisan whose history goes past the register's (old) date


def _fresh(engine: Engine, count: int) -> list[Artisan]:
    """Seeded artisans with an enterprise number and no label step yet."""
    with session_scope(engine) as s:
        none = ~exists().where(LabelStep.artisan_id == Artisan.id)
        return list(s.scalars(select(Artisan).where(
            Artisan.enterprise_number.is_not(None), none).order_by(Artisan.id).limit(count)))


def _certified(engine: Engine) -> tuple[Artisan, LabelStep]:
    with session_scope(engine) as s:
        step = s.scalars(select(LabelStep).join(Artisan).where(
            LabelStep.state == "certified", Artisan.enterprise_number.is_not(None))
            .order_by(LabelStep.id)).first()
        assert step is not None
        return s.get_one(Artisan, step.artisan_id), step


def register_file(engine: Engine, lang: str = "fr") -> Register:
    """A realistic export: Brussels artisans known to the registry, Brussels ones not yet in
    it, artisans of other regions, one withdrawal, a typo in a number, a bad date."""
    fresh = _fresh(engine, 5)
    known, step = _certified(engine)
    fr = lang == "fr"

    def day(d: date) -> str:
        return d.isoformat() if fr else d.strftime("%d/%m/%Y")

    def line(name: str, postcode: str, town: str, number: str, granted: str,
             withdrawn: str = "") -> list[str]:
        return [name, "Rue Haute 12", postcode, town, number, "Ébénisterie", granted, withdrawn]

    numbers = [format_enterprise_number(a.enterprise_number) for a in fresh]
    rows = [line("Atelier A", "1000", "Bruxelles", numbers[0], day(date(2025, 3, 10))),
            line("Atelier B", "1050", "Ixelles", f"BE{fresh[1].enterprise_number}",
                 day(date(2024, 11, 5))),
            line("Atelier C", "1060", "Saint-Gilles", numbers[2], day(date(2019, 5, 2)),
                 day(date(2025, 6, 30))),
            line("Atelier D", "1030", "Schaerbeek", known.enterprise_number or "",
                 day(step.occurred_on)),
            line("Atelier E", "1080", "Molenbeek", numbers[3], day(date(2025, 1, 15))),
            line("Nouvel atelier", "1190", "Forest",
                 format_enterprise_number(enterprise_number(12_222_222)), day(date(2025, 2, 1))),
            line("Atelier liégeois", "4000", "Liège", enterprise_number(13_333_333),
                 day(date(2024, 9, 9))),
            line("Gentse werkplaats", "9000", "Gent", enterprise_number(14_444_444),
                 day(date(2023, 4, 4))),
            line("Faute de frappe", "1000", "Bruxelles", "0123.456.788", day(date(2025, 1, 1))),
            line("Date illisible", "1000", "Bruxelles", enterprise_number(15_555_555),
                 "31/02/2025")]
    text = "\n".join(";".join(r) for r in [HEADERS[lang], *rows]) + "\n"
    _history(engine, fresh[3].id, date(2025, 6, 1))  # a step after the register's date
    return Register(text.encode("cp1252" if fr else "utf-8-sig"),
                    [fresh[0].id, fresh[1].id], fresh[2].id, known.id, fresh[3].id)


def _history(engine: Engine, artisan_id: int, day: date) -> None:
    with session_scope(engine) as s:
        s.add(LabelStep(artisan_id=artisan_id, state="informed", occurred_on=day))


def _apply(engine: Engine, data: bytes, role: str = "staff") -> dict[str, int]:
    frame = read_table(data, "registre.csv")
    with session_scope(engine, write=True) as s:
        return apply_register(session=s, actor=actor(role), frame=frame,
                              filename="registre.csv").counts


def _steps(engine: Engine, artisan_id: int) -> list[tuple[str, date]]:
    with session_scope(engine) as s:
        return [tuple(r) for r in s.execute(  # type: ignore[misc]
            select(LabelStep.state, LabelStep.occurred_on).where(
                LabelStep.artisan_id == artisan_id).order_by(LabelStep.occurred_on))]


EXPECTED = {"certify": 2, "withdraw": 1, "unchanged": 1, "unmatched_brussels": 1,
            "outside": 2, "rejected": 3}


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_preview_classifies_the_register(seeded: Engine, lang: str) -> None:
    register = register_file(seeded, lang)
    with session_scope(seeded) as s:
        preview = preview_register(s, read_table(register.data, "registre.csv"))
    assert preview.counts() == EXPECTED
    statuses = [r.status for r in preview.rows]
    assert statuses == ["certify", "certify", "withdraw", "unchanged", "rejected",
                        "unmatched_brussels", "outside", "outside", "rejected", "rejected"]
    assert [(r.field, r.reason) for r in preview.rows if r.status == "rejected"] == [
        ("granted_on", "imports.register_out_of_order"),
        ("enterprise_number", "artisans.enterprise_check_digit"),
        ("granted_on", "imports.register_date_invalid")]


def test_apply_records_certifications_and_the_withdrawal(seeded: Engine) -> None:
    register = register_file(seeded)
    assert _apply(seeded, register.data) == EXPECTED
    assert _steps(seeded, register.certify[0]) == [("certified", date(2025, 3, 10))]
    assert _steps(seeded, register.withdrawn) == [("certified", date(2019, 5, 2)),
                                                  ("expired", date(2025, 6, 30))]
    assert _steps(seeded, register.late) == [("informed", date(2025, 6, 1))]
    with session_scope(seeded) as s:
        withdrawn = s.get_one(Artisan, register.withdrawn)
        assert (withdrawn.label_state, withdrawn.label_state_on) == ("expired", date(2025, 6, 30))
        entries = s.scalars(select(AuditEntry).where(AuditEntry.username == "staff")).all()
    assert sorted((e.action, e.entity) for e in entries) == [
        ("create", "label_steps")] * 4 + [("import", "label_steps")]
    summary = json.loads(next(e.after_json for e in entries if e.action == "import") or "{}")
    assert summary["steps"] == 4 and summary["filename"] == "registre.csv"


def test_a_second_run_changes_nothing(seeded: Engine) -> None:
    register = register_file(seeded)
    _apply(seeded, register.data)
    with session_scope(seeded) as s:
        steps = s.scalar(select(func.count()).select_from(LabelStep))
    again = _apply(seeded, register.data)
    assert again["certify"] == again["withdraw"] == 0 and again["unchanged"] == 4
    with session_scope(seeded) as s:
        assert s.scalar(select(func.count()).select_from(LabelStep)) == steps


def test_a_repeated_row_is_recorded_once(seeded: Engine) -> None:
    (artisan,) = _fresh(seeded, 1)
    row = f"A;1000;{artisan.enterprise_number};2025-03-10\n"
    data = ("Nom;Code postal;N° BCE;Date d'octroi\n" + row + row).encode()
    with session_scope(seeded) as s:
        preview = preview_register(s, read_table(data, "r.csv"))
    assert [r.status for r in preview.rows] == ["certify", "unchanged"]


def test_unmatched_brussels_rows_are_listed_with_their_commune(seeded: Engine) -> None:
    register = register_file(seeded)
    with session_scope(seeded) as s:
        preview = preview_register(s, read_table(register.data, "registre.csv"))
    table = register_rows(preview, "unmatched_brussels")
    assert table["Dénomination"].tolist() == ["Nouvel atelier"]
    assert table["commune_nis"].tolist() == ["21007"] and table["row"].tolist() == [7]
    withdraw = register_rows(preview, "withdraw")
    assert withdraw[["certify_on", "withdraw_on"]].values.tolist() == [["2019-05-02",
                                                                        "2025-06-30"]]


def test_a_register_without_its_key_columns_is_refused(seeded: Engine) -> None:
    frame = read_table(b"Nom;Code postal\nA;1000\n", "r.csv")
    with session_scope(seeded) as s, pytest.raises(ValidationError) as err:
        preview_register(s, frame)
    assert err.value.errors == {"file": "imports.register_columns"}


@pytest.mark.parametrize(("granted", "withdrawn", "reason"), [
    ("2099-01-01", "", "imports.register_date_future"),
    ("2015-12-31", "", "imports.register_date_before_law"),
    ("2024-05-01", "2024-04-30", "imports.register_withdrawal_before_grant"),
    ("2024-05-01", "bientôt", "imports.register_date_invalid"),
    ("", "", "imports.register_date_invalid"),
])
def test_bad_dates_are_rejected(seeded: Engine, granted: str, withdrawn: str,
                                reason: str) -> None:
    data = ("N° BCE;Date d'octroi;Date de retrait\n"
            f"{enterprise_number(12_222_222)};{granted};{withdrawn}\n").encode()
    with session_scope(seeded) as s:
        (row,) = preview_register(s, read_table(data, "r.csv")).rows
    assert (row.status, row.reason) == ("rejected", reason)


def test_dates_in_both_formats() -> None:
    assert parse_day("2024-03-05") == parse_day("05/03/2024") == date(2024, 3, 5)
    assert parse_day("2024-03-05 00:00:00") == date(2024, 3, 5)
    assert parse_day("5 mars 2024") is None


def test_partners_may_not_apply_the_register(seeded: Engine) -> None:
    with pytest.raises(PermissionDenied):
        _apply(seeded, register_file(seeded).data, role="partner")


def test_a_frame_with_typed_and_missing_cells_is_read_as_text(seeded: Engine) -> None:
    (artisan,) = _fresh(seeded, 1)
    number = int(artisan.enterprise_number or "")  # a number column loses its leading 0
    frame = pd.DataFrame({"N° BCE": [number, None], "Date d'octroi": [date(2025, 3, 10), None]},
                         index=pd.Index([2, 3], name="row"))
    with session_scope(seeded) as s:
        rows = preview_register(s, frame).rows
    assert [(r.status, r.reason) for r in rows] == [
        ("certify", None), ("rejected", "imports.register_number_missing")]


def test_a_file_name_with_invisible_characters_is_cleaned_in_notes(seeded: Engine) -> None:
    register = register_file(seeded)
    with session_scope(seeded) as s:
        apply_register(session=s, actor=STAFF, frame=read_table(register.data, "r.csv"),
                       filename="registre\u200b \U0001F468\u200d\U0001F3A8.csv")
    with session_scope(seeded) as s:
        notes = set(s.scalars(select(LabelStep.note).where(LabelStep.recorded_by == "staff")))
    assert notes == {"SPF Économie / FOD Economie – registre des artisans: "
                     "registre \U0001F468\U0001F3A8.csv"}
