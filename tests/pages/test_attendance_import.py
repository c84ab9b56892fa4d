"""The attendance list block through AppTest: paste or upload, preview, resolve, record."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, select
from streamlit.testing.v1 import AppTest

from db.engine import session_scope
from db.models import Artisan, Attendance
from tests.conftest import ROOT, actor
from tests.db.test_attendance_import import LIST, add_artisan, add_event

HARNESS = str(ROOT / "tests" / "pages" / "attendance_harness.py")


@pytest.fixture
def namesakes(demo_users: Engine) -> tuple[int, int]:
    add_artisan(demo_users, "Ana", "Lopes", email="ana@atelier.be")
    return (add_artisan(demo_users, "Marie", "Dubois", business_name="Verre"),
            add_artisan(demo_users, "Marie", "Dubois", email="md@bois.be"))


def _open(event_id: int, lang: str = "en", started: bool = True) -> AppTest:
    at = AppTest.from_file(HARNESS, default_timeout=30)
    at.session_state["harness_actor"] = actor("staff")
    at.session_state["harness_event"] = event_id
    at.session_state["harness_started"] = started
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception, at.exception
    return at


def _paste(at: AppTest, text: str) -> AppTest:
    at.radio(key="attendance_import_source").set_value("paste").run()
    at.text_area(key="attendance_import_text").input(text).run()
    assert not at.exception, at.exception
    return at


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _count(engine: Engine, model: type) -> int:
    with session_scope(engine) as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_a_pasted_list_is_previewed(demo_users: Engine, namesakes: tuple[int, int]) -> None:
    at = _paste(_open(add_event(demo_users)), "Name;Email\nAna Lopes;\nNew Person;np@x.be\n")
    assert at.selectbox(key="attendance_import_map_name").value == "Name"
    assert _metrics(at) == {"Matched": "1", "Already in": "0", "New artisans": "1",
                            "To resolve": "0", "Rejected": "0"}
    table = at.dataframe[0].value
    assert table["Name"].tolist() == ["Ana Lopes"] and table["how"].tolist() == ["same name"]


def test_a_list_is_recorded_once(demo_users: Engine, namesakes: tuple[int, int]) -> None:
    at = _open(add_event(demo_users))
    at.file_uploader(key="attendance_import_file").set_value(
        ("liste.csv", LIST.encode("utf-8"), "text/csv")).run()
    at.selectbox(key="attendance_import_resolve_5").set_value(namesakes[1]).run()
    at.button(key="attendance_import_commit").click().run()
    assert not at.exception, at.exception
    assert [s.value for s in at.success] == ["Attendance recorded."]
    assert ("4 attendance(s) added, 2 of them new artisans, 0 already recorded, 0 row(s) "
            "skipped, 5 rejected.") in [m.value for m in at.markdown]
    assert _count(demo_users, Attendance) == 4
    assert _metrics(at)["Already in"] == "4"
    assert not [b for b in at.button if b.key == "attendance_import_commit"]


def test_an_ambiguous_row_must_be_answered(demo_users: Engine,
                                           namesakes: tuple[int, int]) -> None:
    at = _paste(_open(add_event(demo_users)), "Name\nMarie Dubois\n")
    box = at.selectbox(key="attendance_import_resolve_2")
    assert box.value is None and box.options == [
        "Marie Dubois · Verre · #" + str(namesakes[0]),
        "Marie Dubois · md@bois.be · #" + str(namesakes[1]), "— skip this row —"]
    at.button(key="attendance_import_commit").click().run()
    assert "Choose a person (or \"skip\") for every row to resolve." in at.error[0].value
    assert _count(demo_users, Attendance) == 0
    at.selectbox(key="attendance_import_resolve_2").set_value(0).run()
    at.button(key="attendance_import_commit").click().run()
    assert [s.value for s in at.success] == ["Attendance recorded."]
    assert _count(demo_users, Attendance) == 0


def test_a_malformed_file_is_explained(demo_users: Engine) -> None:
    at = _open(add_event(demo_users), lang="nl")
    at.file_uploader(key="attendance_import_file").set_value(
        ("liste.csv", "Naam\nJan\n".encode("utf-16"), "text/csv")).run()
    assert [e.value for e in at.error] == [
        "Onbekende codering: sla het bestand op als CSV UTF-8 (of als Excel .xlsx)."]
    assert not at.metric and not at.selectbox


def test_a_list_without_identity_is_explained(demo_users: Engine) -> None:
    at = _paste(_open(add_event(demo_users), lang="fr"), "Entreprise;Signature\nVerre;x\n")
    assert at.error[0].value.startswith("Choisissez au moins une colonne")
    assert not at.metric


def test_before_the_event_nothing_is_recorded(demo_users: Engine,
                                              namesakes: tuple[int, int]) -> None:
    at = _paste(_open(add_event(demo_users, days=3), started=False), "Name\nAna Lopes\n")
    assert _metrics(at)["Matched"] == "1"
    assert not [b for b in at.button if b.key == "attendance_import_commit"]
    assert at.info[-1].value == "The attendance list can be imported once the event has started."


def test_the_artisan_count_grows_by_the_new_people_only(demo_users: Engine,
                                                         namesakes: tuple[int, int]) -> None:
    before = _count(demo_users, Artisan)
    at = _paste(_open(add_event(demo_users)), "Name;Email\nAna Lopes;\nNew Person;np@x.be\n")
    at.button(key="attendance_import_commit").click().run()
    assert _count(demo_users, Artisan) == before + 1


def test_another_event_starts_afresh(demo_users: Engine, namesakes: tuple[int, int]) -> None:
    at = _paste(_open(add_event(demo_users)), "Name\nAna Lopes\n")
    at.button(key="attendance_import_commit").click().run()
    at.session_state["harness_event"] = add_event(demo_users, days=-2)
    at.run()
    assert not at.success and _metrics(at)["Matched"] == "1"
