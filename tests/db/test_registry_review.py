"""A hostile review of the registry's writes and reads: odd values past the widgets, races,
erasure leftovers, partners looking for a person, and spreadsheet formulas in downloads."""

from __future__ import annotations

import csv
import io
import threading
import time
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pandas as pd
import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine, String, Text, func, select
from sqlalchemy.orm import Session

from components.downloads import FORMULA_STARTS, csv_bytes, xlsx_bytes
from db import audit, clock
from db.engine import run_write, session_scope
from db.errors import ValidationError
from db.models import (
    Artisan,
    AuditEntry,
    Base,
    CoachingSession,
    DataVersion,
    FollowUp,
    LabelStep,
)
from db.periods import Scope, quick_period
from db.permissions import Actor
from db.queries.artisans import create_artisan, set_consent, update_artisan
from db.queries.erasure import erase_artisan
from db.queries.label import record_label_step
from db.queries.label_register import apply_register
from db.queries.registry import RegistryFilter, registry_export, search_artisans
from db.queries.registry_import import commit_import
from db.reads import READS, NotDisclosable, run_read
from tests.conftest import TODAY, actor, aggregate_args

STAFF, ADMIN = actor("staff"), actor("admin")
PERSON = {"first_name": "Zéphyrine", "last_name": "Oudkerk-Vanderstraeten",
          "business_name": "Atelier Zéphyr", "email": "zephyrine@oudkerk.example",
          "phone": "+32 470 98 76 54", "enterprise_number": "0412.345.614",
          "postcode": "1050", "notes": "Rencontrée au salon d'automne"}
TRACES = ("Zéphyr", "Oudkerk", "zephyr", "oudkerk", "98 76 54", "0412345614", "0412.345.614",
          "Rencontrée")


def _create(fields: dict[str, Any] | None = None, who: Actor = STAFF) -> int:
    with session_scope() as s:
        return create_artisan(session=s, actor=who, fields=fields or PERSON).id


def _counts(engine: Engine) -> dict[str, int]:
    """Rows per table that a write may touch, and the data versions: to see a half-write."""
    with engine.connect() as conn:
        counts = {m.__tablename__: int(conn.scalar(select(func.count()).select_from(m)) or 0)
                  for m in (Artisan, LabelStep, AuditEntry)}
        counts["versions"] = int(conn.scalar(select(func.sum(DataVersion.version))) or 0)
        counts["row_versions"] = int(conn.scalar(select(func.sum(Artisan.row_version))) or 0)
    return counts


def _refused(engine: Engine, write: Callable[[Session], Any]) -> ValidationError:
    """Run a write that must be refused with a translatable key, and nothing half-written."""
    before = _counts(engine)
    with pytest.raises(ValidationError) as err, session_scope(engine) as s:
        write(s)
    assert all(isinstance(k, str) and "." in k for k in err.value.errors.values()), err.value
    assert _counts(engine) == before
    return err.value


# --- bad input past the widgets ---------------------------------------------------------------

@pytest.mark.parametrize("fields", [
    {"first_name": "Jean\x00", "last_name": "Dupont"},
    {"first_name": "Jean", "last_name": "Dupont", "notes": "x\x00y"},
    {"first_name": "J" * 10_000, "last_name": "Dupont"},
    {"first_name": "Jean", "last_name": "Dupont", "notes": "n" * 10_000},
    {"first_name": "Jean", "last_name": "Dupont", "email": "a" * 300 + "@b.be"},
    {"first_name": "Jean", "last_name": "Dupont", "enterprise_number": "０４１２３４５６１４"},
    {"first_name": "Jean", "last_name": "Dupont", "postcode": "1050", "commune_nis": "21004"},
    {"first_name": "Jean\u202e", "last_name": "Dupont"},
], ids=["nul-name", "nul-notes", "10k-name", "10k-notes", "long-email", "fullwidth-number",
        "postcode-commune-mismatch", "bidi-override"])
def test_hostile_fields_are_refused_with_a_key_and_nothing_written(
        demo_users: Engine, fields: dict[str, Any]) -> None:
    _refused(demo_users, lambda s: create_artisan(session=s, actor=STAFF, fields=fields))


def test_derived_and_protected_columns_cannot_be_set_through_fields(demo_users: Engine) -> None:
    hostile = {**PERSON, "label_state": "certified", "label_state_on": TODAY,
               "erased_at": datetime(2020, 1, 1), "row_version": 99, "id": 1,
               "consent_contact": True, "search_text": "x", "name_key": "x"}
    artisan_id = _create(hostile)
    with session_scope(demo_users) as s:
        update_artisan(session=s, actor=STAFF, artisan_id=artisan_id, fields=hostile,
                       expected_version=1)
    with session_scope(demo_users) as s:
        saved = s.get(Artisan, artisan_id)
        assert saved is not None
        assert (saved.label_state, saved.erased_at, saved.row_version, saved.consent_contact) \
            == (None, None, 2, False)
        assert saved.name_key == "zephyrine oudkerk-vanderstraeten"


@pytest.mark.parametrize("value", [["Jean"], {"x": 1}], ids=["list", "dict"])
def test_a_name_that_is_not_text_is_refused(demo_users: Engine, value: Any) -> None:
    """clean_artisan str()s anything: a list becomes the name "['Jean']"."""
    artisan_id = _create()
    _refused(demo_users, lambda s: update_artisan(
        session=s, actor=STAFF, artisan_id=artisan_id, fields={"first_name": value},
        expected_version=1))


@pytest.mark.parametrize("day", [None, "2020-01-01", datetime(2020, 1, 1, 12)],
                         ids=["none", "string", "datetime"])
def test_consent_with_a_day_that_is_not_a_date_is_a_validation_error(
        demo_users: Engine, day: Any) -> None:
    artisan_id = _create()
    _refused(demo_users, lambda s: set_consent(session=s, actor=STAFF, artisan_id=artisan_id,
                                               contact=True, newsletter=False, on=day,
                                               expected_version=1))


def test_consent_answers_that_are_not_booleans_are_a_validation_error(demo_users: Engine) -> None:
    artisan_id = _create()
    _refused(demo_users, lambda s: set_consent(session=s, actor=STAFF, artisan_id=artisan_id,
                                               contact="no",  # type: ignore[arg-type]
                                               newsletter=False, on=TODAY,
                                               expected_version=1))


@pytest.mark.parametrize("day", [date(1900, 1, 1), date(9999, 12, 31), date(2016, 5, 31)],
                         ids=["ancient", "future", "before-the-commission"])
def test_label_steps_out_of_range_are_refused(demo_users: Engine, day: date) -> None:
    artisan_id = _create()
    err = _refused(demo_users, lambda s: record_label_step(
        session=s, actor=STAFF, artisan_id=artisan_id, state="submitted", occurred_on=day))
    assert "occurred_on" in err.errors


@pytest.mark.parametrize("kwargs", [
    {"occurred_on": None}, {"occurred_on": "2020-01-01"},
    {"occurred_on": datetime(2020, 1, 1, 12)}, {"note": 5}, {"state": ["informed"]},
], ids=["day-none", "day-string", "day-datetime", "note-int", "state-list"])
def test_label_step_with_wrong_types_is_a_validation_error(
        demo_users: Engine, kwargs: dict[str, Any]) -> None:
    artisan_id = _create()
    values = {"state": "informed", "occurred_on": date(2020, 1, 1), "note": None, **kwargs}
    _refused(demo_users, lambda s: record_label_step(session=s, actor=STAFF,
                                                     artisan_id=artisan_id, **values))


@pytest.mark.parametrize("artisan_id", [-1, 0, 2**31, 2**63], ids=["negative", "zero",
                                                                     "int32+1", "int64+1"])
def test_writes_to_impossible_ids_say_not_found(demo_users: Engine, artisan_id: int) -> None:
    for write in (
            lambda s: record_label_step(session=s, actor=STAFF, artisan_id=artisan_id,
                                        state="informed", occurred_on=date(2020, 1, 1)),
            lambda s: update_artisan(session=s, actor=STAFF, artisan_id=artisan_id,
                                     fields={}, expected_version=1),
            lambda s: erase_artisan(session=s, actor=ADMIN, artisan_id=artisan_id)):
        assert _refused(demo_users, write).errors == {"_form": "artisans.not_found"}


def test_no_write_touches_an_erased_artisan(demo_users: Engine) -> None:
    artisan_id = _create()
    with session_scope(demo_users) as s:
        erase_artisan(session=s, actor=ADMIN, artisan_id=artisan_id)
    for write in (
            lambda s: record_label_step(session=s, actor=STAFF, artisan_id=artisan_id,
                                        state="informed", occurred_on=date(2020, 1, 1),
                                        note="Zéphyrine"),
            lambda s: update_artisan(session=s, actor=STAFF, artisan_id=artisan_id,
                                     fields=PERSON, expected_version=2),
            lambda s: set_consent(session=s, actor=STAFF, artisan_id=artisan_id, contact=True,
                                  newsletter=True, on=TODAY, expected_version=2)):
        assert _refused(demo_users, write).errors == {"_form": "artisans.not_found"}


def test_an_import_frame_with_missing_cells_does_not_store_nan(demo_users: Engine) -> None:
    """A frame from pandas (None/NaN cells) through the API: the last name must be missing,
    not the text 'nan' or 'None'."""
    frame = pd.DataFrame({"Prénom": ["Jean", "Marie"], "Nom": [None, float("nan")]},
                         index=pd.Index([2, 3], name="row"))
    with session_scope(demo_users) as s:
        result = commit_import(session=s, actor=STAFF, frame=frame,
                               mapping={"first_name": "Prénom", "last_name": "Nom"},
                               filename="list.csv")
    with demo_users.connect() as conn:
        names = conn.scalars(select(Artisan.last_name)).all()
    assert (result.created, names) == (0, [])


def test_an_import_with_an_invisible_character_in_a_header_commits(demo_users: Engine) -> None:
    """The header reaches the audit entry's mapping; the flush check refuses its zero-width
    space with the key of a field no form has ('after_json'), so the page shows nothing."""
    frame = pd.DataFrame({"\u200bPrénom": ["Jean"], "Nom": ["Dupont"]},
                         index=pd.Index([2], name="row"))
    with session_scope(demo_users) as s:
        result = commit_import(session=s, actor=STAFF, frame=frame,
                               mapping={"first_name": "\u200bPrénom", "last_name": "Nom"},
                               filename="list.csv")
    assert result.created == 1


def _register(number: Any, granted: Any) -> pd.DataFrame:
    return pd.DataFrame({"Numéro d'entreprise": [number], "Date d'octroi": [granted]},
                        index=pd.Index([2], name="row"))


def test_a_register_file_named_with_an_emoji_applies(demo_users: Engine) -> None:
    """The file name goes into each step's note; a zero-width joiner (emoji) is refused at
    flush as {'note': ...}, a field the import page never shows."""
    _create()
    with session_scope(demo_users) as s:
        result = apply_register(session=s, actor=STAFF, frame=_register("0412345614",
                                                                        "2020-01-01"),
                                filename="registre \U0001F468\u200d\U0001F3A8.csv")
    assert result.steps == 1


def test_a_register_frame_with_typed_cells_is_read_not_a_crash(demo_users: Engine) -> None:
    """Cells typed as an Excel sheet types them (a number without its leading 0, a date) are
    read as read_table reads that sheet: a valid number and day, so the step is recorded."""
    _create()
    with session_scope(demo_users) as s:
        result = apply_register(session=s, actor=STAFF, frame=_register(412345614,
                                                                        date(2020, 1, 1)),
                                filename="r.xlsx")
    assert result.steps == 1


@pytest.mark.parametrize("granted", ["2016-05-31", "9999-01-01", "31/02/2020", "x"],
                         ids=["before-law", "future", "no-such-day", "garbage"])
def test_register_rows_with_bad_dates_add_no_step(demo_users: Engine, granted: str) -> None:
    _create()
    with session_scope(demo_users) as s:
        result = apply_register(session=s, actor=STAFF, frame=_register("0412345614", granted),
                                filename="r.csv")
    assert (result.steps, result.counts["rejected"]) == (0, 1)


# --- races -------------------------------------------------------------------------------

def _race(first: Callable[[Session], Any], second: Callable[[], Any]) -> dict[str, Any]:
    """`first` writes and holds its transaction open for a while; `second` starts meanwhile.
    Both go through run_write, as the forms do. Returns each one's result or exception."""
    started, out = threading.Event(), {}

    def one() -> None:
        def unit() -> Any:
            with session_scope() as s:
                value = first(s)
                started.set()
                time.sleep(0.6)  # the other adviser submits now
                return value
        try:
            out["first"] = run_write(unit)
        except Exception as exc:
            started.set()
            out["first"] = exc

    def two() -> None:
        started.wait(10)
        try:
            out["second"] = run_write(second)
        except Exception as exc:
            out["second"] = exc

    threads = [threading.Thread(target=one), threading.Thread(target=two)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return out


def _write(fn: Callable[[Session], Any]) -> Callable[[], Any]:
    def unit() -> Any:
        with session_scope() as s:
            return fn(s)
    return unit


@pytest.mark.parametrize("same", [
    {"email": "ZEPHYRINE@oudkerk.example", "first_name": "Z", "last_name": "O"},
    {"enterprise_number": "BE0412345614", "first_name": "Z", "last_name": "O"},
    {"first_name": "zephyrine", "last_name": "OUDKERK-VANDERSTRAETEN", "postcode": "1050"},
], ids=["email", "enterprise-number", "name-and-commune"])
def test_two_advisers_creating_the_same_artisan_at_once(demo_users: Engine,
                                                       same: dict[str, str]) -> None:
    """The second must get the duplicate offer (DuplicatesFound), not a database error and
    not a second record: on PostgreSQL create_artisan checks before anything serialises it."""
    out = _race(lambda s: create_artisan(session=s, actor=STAFF, fields=PERSON).id,
                _write(lambda s: create_artisan(session=s, actor=actor("manager"),
                                                fields=same).id))
    assert isinstance(out["first"], int), out
    assert isinstance(out["second"], ValidationError), repr(out["second"])
    with demo_users.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Artisan)) == 1


def test_two_label_steps_at_once_keep_the_journey_legal(demo_users: Engine) -> None:
    artisan_id = _create()
    step: dict[str, Any] = {"artisan_id": artisan_id, "state": "informed",
                            "occurred_on": date(2020, 1, 1)}
    out = _race(lambda s: record_label_step(session=s, actor=STAFF, **step).id,
                _write(lambda s: record_label_step(session=s, actor=actor("manager"), **step)))
    assert isinstance(out["first"], int), out
    assert isinstance(out["second"], ValidationError), repr(out["second"])
    with demo_users.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(LabelStep)) == 1


def test_an_edit_racing_an_erasure_leaves_nothing_behind(demo_users: Engine) -> None:
    artisan_id = _create()
    out = _race(lambda s: update_artisan(session=s, actor=STAFF, artisan_id=artisan_id,
                                         fields={"notes": "Rappeler Zéphyrine"},
                                         expected_version=1).id,
                _write(lambda s: erase_artisan(session=s, actor=ADMIN, artisan_id=artisan_id)))
    assert out == {"first": artisan_id, "second": None}, out
    assert _traces(demo_users) == []


def test_an_edit_after_an_erasure_in_flight_is_refused(demo_users: Engine) -> None:
    artisan_id = _create()
    out = _race(lambda s: erase_artisan(session=s, actor=ADMIN, artisan_id=artisan_id),
                _write(lambda s: update_artisan(session=s, actor=STAFF, artisan_id=artisan_id,
                                                fields=PERSON, expected_version=1)))
    assert out["first"] is None, out
    assert isinstance(out["second"], ValidationError), repr(out["second"])
    assert _traces(demo_users) == []


# --- erasure completeness -----------------------------------------------------------------

def _traces(engine: Engine) -> list[tuple[str, str, str]]:
    """(table, column, trace) for every text cell of every table holding a trace."""
    found = []
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            for column in table.columns:
                if not isinstance(column.type, String | Text):
                    continue
                for value in conn.scalars(select(column).where(column.is_not(None))):
                    found += [(table.name, column.name, t) for t in TRACES
                              if t.casefold() in str(value).casefold()]
    return sorted(set(found))


def _coached(engine: Engine) -> int:
    """A seeded artisan with a coaching session whose topic an adviser typed with the name,
    as a coaching screen lets them; the change audited as such screens do."""
    with session_scope(engine) as s:
        coached = s.scalars(select(CoachingSession).order_by(CoachingSession.id)).first()
        assert coached is not None
        artisan = s.get(Artisan, coached.artisan_id)
        assert artisan is not None
        update_artisan(session=s, actor=STAFF, artisan_id=artisan.id,
                       fields={k: v for k, v in PERSON.items() if k != "postcode"},
                       expected_version=artisan.row_version)
        before = audit.snapshot(coached)
        coached.topic, coached.topic_other = "other", "Plan d'affaires Atelier Zéphyr (Oudkerk)"
        coached.notes = "Zéphyrine hésite"
        s.flush()
        audit.record(s, actor="staff", action="update", entity="coaching_sessions",
                     entity_id=coached.id, before=before, after=audit.snapshot(coached))
        return artisan.id


def test_after_an_erasure_no_table_and_no_audit_entry_holds_a_trace(seeded: Engine) -> None:
    artisan_id = _coached(seeded)
    with session_scope(seeded) as s:
        for row in (s.scalars(select(LabelStep).where(LabelStep.artisan_id == artisan_id)).first(),
                    s.scalars(select(FollowUp).where(FollowUp.artisan_id == artisan_id)).first()):
            if isinstance(row, LabelStep):
                row.note = "Zéphyrine appelée"
            elif row is not None:
                row.action = "Rappeler Oudkerk"
    assert _traces(seeded)  # the traces are there before
    with session_scope(seeded) as s:
        erase_artisan(session=s, actor=ADMIN, artisan_id=artisan_id)
    assert _traces(seeded) == [], _traces(seeded)


def test_after_an_erasure_search_and_export_find_nothing(seeded: Engine) -> None:
    artisan_id = _create()
    with session_scope(seeded) as s:
        erase_artisan(session=s, actor=ADMIN, artisan_id=artisan_id)
    with session_scope(seeded) as s:
        for text in ("Zéphyrine", "zephyrine@oudkerk.example", "0412.345.614", "BE0412345614",
                     "98 76 54", "Atelier Zéphyr"):
            assert search_artisans(s, RegistryFilter(text=text), TODAY).total == 0, text
        export = registry_export(s, RegistryFilter(), TODAY, "fr")
        assert artisan_id not in set(export["id"])


# --- partners -----------------------------------------------------------------------------

def test_a_partner_reads_no_person_through_any_read(demo_users: Engine) -> None:
    artisan_id = _create()
    with session_scope(demo_users) as s:
        record_label_step(session=s, actor=STAFF, artisan_id=artisan_id, state="submitted",
                          occurred_on=date(2020, 1, 1), note="Zéphyrine")
        record_label_step(session=s, actor=STAFF, artisan_id=artisan_id, state="certified",
                          occurred_on=date(2021, 1, 1))
    person_args = {"registry_search": (RegistryFilter(text="Zéphyrine"), TODAY),
                   "registry_export": (RegistryFilter(), TODAY, "fr"),
                   "artisan_profile": (artisan_id, TODAY), "artisan_timeline": (artisan_id,),
                   "label_history": (artisan_id,)}
    with session_scope(demo_users) as s:
        for name, read in READS.items():
            if read.disclosure is None:
                with pytest.raises(NotDisclosable):
                    run_read(s, name, "partner", *person_args.get(name, (1,)))
            else:  # a partner's period: the plan 2023-2024, region-wide
                plan = Scope(quick_period("plan", clock.today()))
                shown = repr(run_read(s, name, "partner", *aggregate_args(read.query, plan)))
                assert not any(t in shown for t in TRACES), name


# --- spreadsheet formulas in downloads ------------------------------------------------------

def _cells(data: bytes, delimiter: str) -> list[str]:
    text = data.decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
            for cell in row]


def test_the_registry_csv_runs_no_formula_in_a_belgian_excel(demo_users: Engine) -> None:
    """Excel in a Belgian locale splits a double-clicked CSV on ';' (components/downloads.py
    says so): a business name 'Atelier;=1+1' must not become the cell '=1+1'."""
    _create({**PERSON, "business_name": "Atelier;=HYPERLINK(A1)",
             "email": "x;=1+1@evil.example", "notes": ""})
    with session_scope(demo_users) as s:
        frame = registry_export(s, RegistryFilter(), TODAY, "fr")
    data = csv_bytes(frame)
    for delimiter in (",", ";"):
        bad = [c for c in _cells(data, delimiter) if c.startswith(FORMULA_STARTS)
               and not c.startswith(("+32", "-"))]
        assert bad == [], (delimiter, bad)


def test_a_rejected_rows_file_runs_no_formula(demo_users: Engine) -> None:
    table = pd.DataFrame({"row": [2, 3], "=cmd|' /C calc'!A0": ["x;=1+1", "@SUM(A1)"],
                          "reason": ["Required", "Required"]})
    for delimiter in (",", ";"):
        bad = [c for c in _cells(csv_bytes(table), delimiter) if c.startswith(FORMULA_STARTS)]
        assert bad == [], (delimiter, bad)


def test_the_excel_export_holds_no_formula(demo_users: Engine) -> None:
    table = pd.DataFrame({"=1+1": ["=HYPERLINK(\"http://x\")", "\x01=2", "@A1", "+1", "ok"]})
    book = load_workbook(io.BytesIO(xlsx_bytes(table, "x")))
    cells = [c for row in book.active.iter_rows() for c in row]  # type: ignore[union-attr]
    assert [c.value for c in cells if c.data_type == "f"] == []
    assert all(not str(c.value).startswith(FORMULA_STARTS) for c in cells)

