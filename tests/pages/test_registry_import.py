"""The import page through AppTest: upload, mapping, preview, commit, the label register."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, select
from streamlit.testing.v1 import AppTest

from db.engine import session_scope
from db.errors import ValidationError
from db.models import Artisan, LabelStep
from tests.conftest import app_as
from tests.db.test_label_register import register_file
from tests.db.test_registry_import import _file

PAGE = "pages/registry_import.py"


def _open(role: str = "staff", lang: str = "en") -> AppTest:
    at = app_as(role, lang=lang)
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def _upload(at: AppTest, slot: str, data: bytes, name: str = "list.csv") -> AppTest:
    at.file_uploader(key=f"import_{slot}_file").set_value((name, data, "text/csv")).run()
    assert not at.exception, at.exception
    return at


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _count(engine: Engine, model: type) -> int:
    with session_scope(engine) as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_staff_see_both_tabs_and_the_uploaders(seeded: Engine) -> None:
    at = _open(lang="fr")
    assert at.title[0].value == "Importer des listes"
    assert [tab.label for tab in at.tabs] == ["Liste d'artisan·e·s",
                                              "Registre des artisans (SPF Économie)"]
    assert len(at.file_uploader) == 2 and not at.metric


def test_a_list_is_mapped_and_previewed(seeded: Engine) -> None:
    at = _upload(_open(), "registry", _file(seeded))
    assert at.selectbox(key="import_first_name").value == "Prénom"
    assert at.selectbox(key="import_enterprise_number").value == "N° BCE"
    assert at.selectbox(key="import_notes").value == ""
    assert _metrics(at) == {"New": "2", "Already in the registry": "3", "Rejected": "4"}
    assert at.dataframe[0].value["Nom"].tolist() == ["Dupré", "Peeters"]
    at.radio(key="import_show").set_value("rejected").run()
    rejected = at.dataframe[0].value
    assert rejected["reason"].tolist() == [
        "This enterprise number does not exist: its last two digits (modulo 97 check) do not "
        "match. Please check what was typed.", rejected["reason"][1],
        "Same person as a row higher up in the file.", "This field is required."]
    assert rejected["field"].tolist() == ["Enterprise number", "Postcode", "E-mail",
                                          "First name"]
    assert at.get("download_button"), "the rejected rows can be downloaded"


def test_the_chosen_mapping_is_kept_across_reruns(seeded: Engine) -> None:
    at = _upload(_open(), "registry", _file(seeded))
    at.selectbox(key="import_email").set_value("").run()
    at.radio(key="import_show").set_value("existing").run()
    assert at.selectbox(key="import_email").value == ""
    assert _metrics(at)["New"] == "4"  # without e-mails, two more rows look new


def test_commit_adds_the_new_artisans_once(seeded: Engine) -> None:
    before = _count(seeded, Artisan)
    at = _upload(_open(), "registry", _file(seeded))
    at.button(key="import_commit_button").click().run()
    assert not at.exception, at.exception
    assert [s.value for s in at.success] == ["Import saved."]
    assert "2 added, 3 already in the registry, 4 row(s) rejected." in [
        m.value for m in at.markdown]
    assert _count(seeded, Artisan) == before + 2
    assert _metrics(at)["New"] == "0"
    assert "Nothing new to import" in at.info[-1].value
    assert not [b for b in at.button if b.key == "import_commit_button"]


def test_an_unreadable_file_is_explained_at_the_uploader(seeded: Engine) -> None:
    at = _upload(_open(lang="nl"), "registry", "Voornaam;Achternaam\n".encode("utf-16"))
    assert [e.value for e in at.error] == [
        "Onbekende codering: sla het bestand op als CSV UTF-8 (of als Excel .xlsx)."]
    assert not [box for box in at.selectbox if box.key.startswith("import_")]


def test_without_first_and_last_name_nothing_is_previewed(seeded: Engine) -> None:
    at = _upload(_open(), "registry", b"Naam;Email\nSmet;a@b.be\n")
    at.selectbox(key="import_last_name").set_value("").run()
    assert [e.value for e in at.error] == [
        "Choose at least the first name and last name columns."]
    assert not at.metric


def test_the_label_register_is_previewed_and_applied(seeded: Engine) -> None:
    register = register_file(seeded)
    steps = _count(seeded, LabelStep)
    at = _upload(_open(), "register", register.data, "registre.csv")
    assert _metrics(at)["Labels to record"] == "2"
    assert _metrics(at)["In Brussels, not in the registry"] == "1"
    at.radio(key="import_register_show").set_value("unmatched_brussels").run()
    assert at.dataframe[0].value["commune_nis"].tolist() == ["Forest"]
    at.button(key="import_register_apply_button").click().run()
    assert not at.exception, at.exception
    assert [s.value for s in at.success] == ["Register applied."]
    assert _count(seeded, LabelStep) == steps + 4
    assert "Nothing to record" in at.info[-1].value


def test_partners_cannot_open_the_import_page(seeded: Engine) -> None:
    at = app_as("partner")
    at.run()
    with pytest.raises(ValueError):
        at.switch_page(PAGE).run()


@pytest.mark.parametrize(("field", "said"), [
    ("after_json", "Nothing was saved: "),
    ("entity", "Nothing was saved: "),
])
def test_an_error_at_a_field_without_a_widget_is_shown(
        seeded: Engine, monkeypatch: pytest.MonkeyPatch, field: str, said: str) -> None:
    """The flush check may refuse a column no widget shows: the commit must say so."""
    def refused(**_: object) -> None:
        raise ValidationError({field: "form.control_characters"})

    monkeypatch.setattr("components.import_view.commit_import", refused)
    at = _upload(_open(), "registry", b"Prenom;Nom\nAnne;Smet\n")
    at.button(key="import_commit_button").click().run()
    assert not at.exception, at.exception
    assert [e.value for e in at.error] and at.error[0].value.startswith(said)
    assert not at.success
