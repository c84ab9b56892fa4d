"""An attendance list after an event: matching, preview, resolution, commit (once, all or none)."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime, time, timedelta

import pandas as pd
import pytest
from sqlalchemy import Engine, event, func, select

from db import clock
from db.engine import run_write, session_scope
from db.errors import ValidationError
from db.models import Artisan, Attendance, AuditEntry, Event
from db.permissions import SYSTEM, PermissionDenied
from db.queries import attendance_import
from db.queries.artisans import clean_artisan
from db.queries.attendance_import import (
    AttendancePreview,
    AttendanceResult,
    attendance_rows,
    commit_attendance,
    guess_attendance_mapping,
    preview_attendance,
)
from db.queries.attendance_match import split_name
from db.queries.erasure import erase_artisan
from db.tabular import read_table
from seed.common import enterprise_number
from tests.conftest import actor

STAFF = actor("staff")
NUMBER = enterprise_number(12_345_678)


def add_event(engine: Engine, days: int = -1) -> int:
    """An event at 18:30 Brussels time, `days` from today."""
    day = clock.today() + timedelta(days=days)
    with session_scope(engine) as s:
        row = Event(title="Rencontre", kind="networking", action="community",
                    starts_at=datetime.combine(day, time(18, 30), tzinfo=clock.BRUSSELS))
        s.add(row)
        s.flush()
        return row.id


def add_artisan(engine: Engine, first: str, last: str, **fields: str) -> int:
    with session_scope(engine) as s:
        row = Artisan(**clean_artisan({"first_name": first, "last_name": last, **fields}),
                      row_version=1)
        s.add(row)
        s.flush()
        return row.id


def attend(engine: Engine, event_id: int, artisan_id: int, status: str = "attended") -> None:
    now = datetime.now(UTC)
    with session_scope(engine) as s:
        s.add(Attendance(event_id=event_id, artisan_id=artisan_id, status=status,
                         registered_at=now, checked_in_at=now if status == "attended" else None,
                         recorded_by="staff"))


@pytest.fixture
def people(demo_users: Engine) -> dict[str, int]:
    """Known artisans: one by e-mail, one by number, one by name, two of the same name."""
    return {
        "ana": add_artisan(demo_users, "Ana", "Lopes", email="ana@atelier.be"),
        "bo": add_artisan(demo_users, "Bo", "Claes", enterprise_number=NUMBER),
        "jan": add_artisan(demo_users, "Jan", "Smet"),
        "marie1": add_artisan(demo_users, "Marie", "Dubois", business_name="Verre"),
        "marie2": add_artisan(demo_users, "Marie", "Dubois", email="md@bois.be"),
    }


def frame_of(text: str) -> pd.DataFrame:
    return read_table(text.encode("utf-8"), "list.csv")


def preview(engine: Engine, event_id: int, text: str) -> AttendancePreview:
    frame = frame_of(text)
    with session_scope(engine) as s:
        return preview_attendance(s, event_id, frame, guess_attendance_mapping(list(frame.columns)))


def commit(engine: Engine, event_id: int, text: str,
           resolutions: dict[int, int | None] | None = None) -> AttendanceResult:
    frame = frame_of(text)
    with session_scope(engine, write=True) as s:
        return commit_attendance(session=s, actor=STAFF, event_id=event_id, frame=frame,
                                 mapping=guess_attendance_mapping(list(frame.columns)),
                                 resolutions=resolutions or {}, filename="liste.csv")


def outcomes(result: AttendancePreview) -> list[tuple[str, int | None, str | None]]:
    return [(r.status, r.artisan_id, r.how or r.reason) for r in result.rows]


def count(engine: Engine, model: type) -> int:
    with session_scope(engine) as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


LIST = ("Prénom;Nom;E-mail;N° BCE\n"
        f"Jan;Smet;ANA@atelier.be;{NUMBER}\n"  # the e-mail wins over number and name
        f"Jan;Smet;new@x.be;BE {NUMBER[:4]}.{NUMBER[4:7]}.{NUMBER[7:]}\n"  # then the number
        "JAN;smet;;\n"  # then the name
        "Marie;Dubois;;\n"
        "Lea;Nieuw;lea@nieuw.be;\n"
        "Ana;Lopes;ana@atelier.be;\n"  # the same person as row 2
        ";;nobody@x.be;\n"
        "Karel;Fout;karel@;\n"
        "Wim;Fout;;0123.456.788\n")


def test_rows_match_by_email_then_number_then_name(demo_users: Engine,
                                                   people: dict[str, int]) -> None:
    result = preview(demo_users, add_event(demo_users), LIST)
    assert outcomes(result) == [
        ("matched", people["ana"], "email"), ("matched", people["bo"], "enterprise_number"),
        ("matched", people["jan"], "name"), ("ambiguous", None, "name"),
        ("new", None, None), ("rejected", None, "attendance_import.duplicate_in_file"),
        ("rejected", None, "attendance_import.no_name"), ("rejected", None, "form.email_invalid"),
        ("rejected", None, "artisans.enterprise_check_digit")]
    assert [r.row for r in result.rows] == list(range(2, 11))
    assert [c.id for c in result.rows[3].candidates] == [people["marie1"], people["marie2"]]
    assert "Verre" in result.rows[3].candidates[0].label


def test_the_preview_tables_carry_the_outcome(demo_users: Engine,
                                              people: dict[str, int]) -> None:
    result = preview(demo_users, add_event(demo_users), LIST)
    rejected = attendance_rows(result, "rejected")
    assert rejected["row"].tolist() == [7, 8, 9, 10]
    assert rejected["field"].tolist() == ["name", "name", "email", "enterprise_number"]
    ambiguous = attendance_rows(result, "ambiguous")
    assert ambiguous["Nom"].tolist() == ["Dubois"] and "|" in ambiguous["candidates"][0]


@pytest.mark.parametrize("name", ["Jan Smet", "Smet Jan", "SMET Jan", "Smet, Jan",
                                  "  jan   SMET "])
def test_a_whole_name_matches_in_either_order(demo_users: Engine, people: dict[str, int],
                                              name: str) -> None:
    result = preview(demo_users, add_event(demo_users), f"Participant\n{name}\n")
    assert outcomes(result) == [("matched", people["jan"], "name")]


@pytest.mark.parametrize(("name", "parts"), [
    ("Éloïse Dupré", ("Éloïse", "Dupré")), ("DUPRÉ Éloïse", ("Éloïse", "DUPRÉ")),
    ("Van Damme, Jean-Claude", ("Jean-Claude", "Van Damme")),
    ("VAN DAMME Jean Claude", ("Jean Claude", "VAN DAMME")), ("Cher", ("Cher", ""))])
def test_a_whole_name_is_split_for_a_new_artisan(name: str, parts: tuple[str, str]) -> None:
    assert split_name(name) == parts


def test_a_lone_name_column_of_a_sign_in_sheet_is_the_whole_name() -> None:
    assert guess_attendance_mapping(["Naam", "Handtekening"])["name"] == "Naam"
    mapping = guess_attendance_mapping(["Prénom", "Nom", "Courriel", "Name (2)"])
    assert (mapping["first_name"], mapping["last_name"], mapping["name"]) == (
        "Prénom", "Nom", None)


def test_a_list_without_an_identifying_column_is_refused(demo_users: Engine) -> None:
    event_id = add_event(demo_users)
    frame = frame_of("Entreprise;Signature\nVerre;x\n")
    with session_scope(demo_users) as s, pytest.raises(ValidationError) as refused:
        preview_attendance(s, event_id, frame, guess_attendance_mapping(list(frame.columns)))
    assert refused.value.errors == {"mapping": "attendance_import.mapping_required"}
    with session_scope(demo_users) as s, pytest.raises(ValidationError) as unknown:
        preview_attendance(s, event_id, frame, {"email": "Courriel"})
    assert unknown.value.errors == {"mapping": "attendance_import.mapping_unknown"}


def test_an_unknown_event_is_refused(demo_users: Engine) -> None:
    frame = frame_of("Name\nJan Smet\n")
    for event_id in (999, 2**40, 0):
        with session_scope(demo_users) as s, pytest.raises(ValidationError) as refused:
            preview_attendance(s, event_id, frame, {"name": "Name"})
        assert refused.value.errors == {"_form": "events.not_found"}


def test_someone_already_attended_is_already(demo_users: Engine, people: dict[str, int]) -> None:
    event_id = add_event(demo_users)
    attend(demo_users, event_id, people["jan"])
    attend(demo_users, event_id, people["marie2"])
    result = preview(demo_users, event_id, "Name\nJan Smet\nMarie Dubois\n")
    assert outcomes(result) == [("already", people["jan"], "name"),
                                ("already", people["marie2"], "name")]


def test_erased_artisans_are_never_matched(demo_users: Engine, people: dict[str, int]) -> None:
    with session_scope(demo_users, write=True) as s:
        erase_artisan(session=s, actor=SYSTEM, artisan_id=people["ana"])
    result = preview(demo_users, add_event(demo_users),
                     "Prénom;Nom;Email\nAna;Lopes;ana@atelier.be\n")
    assert outcomes(result) == [("new", None, None)]


def test_commit_records_the_list(demo_users: Engine, people: dict[str, int]) -> None:
    event_id = add_event(demo_users)
    attend(demo_users, event_id, people["bo"], "registered")
    artisans = count(demo_users, Artisan)
    result = commit(demo_users, event_id, LIST, {5: people["marie2"]})
    assert result == AttendanceResult(attended=5, created=1, already=0, skipped=0, rejected=4)
    assert count(demo_users, Artisan) == artisans + 1
    with session_scope(demo_users) as s:
        rows = {a.artisan_id: a for a in s.scalars(select(Attendance))}
        start = s.get(Event, event_id).starts_at  # type: ignore[union-attr]
        lea = s.scalar(select(Artisan).where(Artisan.email == "lea@nieuw.be"))
    assert lea is not None and lea.source == "event" and not lea.consent_contact
    assert {rows[i].status for i in rows} == {"attended"}
    assert not rows[people["bo"]].walk_in and rows[people["bo"]].checked_in_at == start
    assert {rows[i].checked_in_by for i in rows} == {"staff"}
    assert rows[people["ana"]].walk_in and rows[lea.id].walk_in
    assert people["marie1"] not in rows


def test_the_same_list_twice_adds_nothing(demo_users: Engine, people: dict[str, int]) -> None:
    event_id = add_event(demo_users)
    commit(demo_users, event_id, LIST, {5: people["marie1"]})
    artisans, rows, entries = (count(demo_users, m) for m in (Artisan, Attendance, AuditEntry))
    again = commit(demo_users, event_id, LIST)
    assert again == AttendanceResult(attended=0, created=0, already=5, skipped=0, rejected=4)
    assert (count(demo_users, Artisan), count(demo_users, Attendance)) == (artisans, rows)
    assert count(demo_users, AuditEntry) == entries + 1  # the import entry only


def test_ambiguous_rows_need_an_answer(demo_users: Engine, people: dict[str, int]) -> None:
    event_id = add_event(demo_users)
    rows = count(demo_users, Attendance)
    for resolutions, key in (({}, "attendance_import.unresolved"),
                             ({5: people["jan"]}, "attendance_import.resolution_invalid"),
                             ({4: people["marie1"]}, "attendance_import.unresolved")):
        with pytest.raises(ValidationError) as refused:
            commit(demo_users, event_id, LIST, resolutions)
        assert refused.value.errors == {"resolutions": key}
    assert count(demo_users, Attendance) == rows


def test_a_skipped_ambiguous_row_is_not_recorded(demo_users: Engine,
                                                 people: dict[str, int]) -> None:
    event_id = add_event(demo_users)
    result = commit(demo_users, event_id, LIST, {5: None})
    assert (result.attended, result.skipped) == (4, 1)
    with session_scope(demo_users) as s:
        ids = set(s.scalars(select(Attendance.artisan_id)))
    assert not ids & {people["marie1"], people["marie2"]}


def test_a_choice_of_someone_on_the_list_counts_once(demo_users: Engine,
                                                     people: dict[str, int]) -> None:
    event_id = add_event(demo_users)
    result = commit(demo_users, event_id, "Name;Email\nMarie Dubois;md@bois.be\nMarie Dubois;\n",
                    {3: people["marie2"]})
    assert (result.attended, result.already) == (1, 1)


def test_a_future_event_is_refused(demo_users: Engine, people: dict[str, int]) -> None:
    event_id = add_event(demo_users, days=1)
    with pytest.raises(ValidationError) as refused:
        commit(demo_users, event_id, "Name\nJan Smet\n")
    assert refused.value.errors == {"_form": "attendance_import.event_not_started"}
    assert count(demo_users, Attendance) == 0


def test_todays_event_may_be_recorded(demo_users: Engine, people: dict[str, int]) -> None:
    assert commit(demo_users, add_event(demo_users, days=0), "Name\nJan Smet\n").attended == 1


def test_all_or_nothing(demo_users: Engine, people: dict[str, int],
                        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(attendance_import, "_attend", broken)
    artisans = count(demo_users, Artisan)
    with pytest.raises(RuntimeError):
        commit(demo_users, add_event(demo_users), LIST, {5: None})
    assert count(demo_users, Artisan) == artisans  # the new artisan went with the rest
    assert count(demo_users, Attendance) == 0
    with session_scope(demo_users) as s:
        assert not s.scalars(select(AuditEntry).where(AuditEntry.username == "staff")).all()


def test_the_import_is_audited(demo_users: Engine, people: dict[str, int]) -> None:
    event_id = add_event(demo_users)
    commit(demo_users, event_id, LIST, {5: None})
    with session_scope(demo_users) as s:
        entries = list(s.scalars(select(AuditEntry).where(AuditEntry.username == "staff")))
    kinds = [(e.action, e.entity) for e in entries]
    assert kinds.count(("create", "attendances")) == 4
    assert kinds.count(("create", "artisans")) == 1
    (entry,) = [e for e in entries if e.action == "import"]
    assert (entry.entity, entry.entity_id) == ("events", str(event_id))
    after = json.loads(entry.after_json or "{}")
    assert after["filename"] == "liste.csv" and after["attended"] == 4
    assert after["mapping"]["email"] == "E-mail"


def test_partners_cannot_import(demo_users: Engine, people: dict[str, int]) -> None:
    frame = frame_of("Name\nJan Smet\n")
    with session_scope(demo_users) as s, pytest.raises(PermissionDenied):
        commit_attendance(session=s, actor=actor("partner"), event_id=add_event(demo_users),
                          frame=frame, mapping={"name": "Name"}, resolutions={}, filename="x")


def test_pasted_text_reads_like_a_file(demo_users: Engine, people: dict[str, int]) -> None:
    pasted = "Name\tE-mail\nSmet Jan\t\nLopes Ana\tana@atelier.be\n"
    result = preview(demo_users, add_event(demo_users), pasted)
    assert outcomes(result) == [("matched", people["jan"], "name"),
                                ("matched", people["ana"], "email")]


@pytest.mark.parametrize(("data", "key"), [
    (b"", "imports.file_empty"), (b" \n\n", "imports.file_empty"),
    ("Name\nJan\n".encode("utf-16"), "imports.file_encoding"),
    (b'Name;Email\n"Jan;x\n', "imports.file_unreadable"),
    (b"jan@smet.be\nana@atelier.be\n", "imports.no_header")])
def test_a_malformed_or_empty_list_is_explained(data: bytes, key: str) -> None:
    with pytest.raises(ValidationError) as refused:
        read_table(data, "pasted.csv")
    assert refused.value.errors == {"file": key}


def test_a_long_export_is_matched_in_a_few_queries(demo_users: Engine,
                                                   people: dict[str, int]) -> None:
    lines = [f"Person{i};Number{i};p{i}@x.be;{enterprise_number(i)}" for i in range(500)]
    frame = frame_of("Prénom;Nom;Email;TVA\n" + "\n".join(lines) + "\n")
    statements: list[str] = []
    event.listen(demo_users, "before_cursor_execute", lambda *a: statements.append(a[2]))
    with session_scope(demo_users) as s:
        result = preview_attendance(s, add_event(demo_users), frame,
                                    guess_attendance_mapping(list(frame.columns)))
    assert result.count("new") == 500
    assert len(statements) < 15


def test_two_advisers_importing_the_same_list_at_once_record_it_once(
        demo_users: Engine, people: dict[str, int]) -> None:
    event_id = add_event(demo_users)
    start, results = threading.Barrier(2), []

    def one() -> None:
        start.wait()
        results.append(run_write(lambda: commit(demo_users, event_id, LIST, {5: None})))

    threads = [threading.Thread(target=one) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(r.attended for r in results) == [0, 4]
    assert count(demo_users, Attendance) == 4
    assert count(demo_users, Artisan) == len(people) + 1
