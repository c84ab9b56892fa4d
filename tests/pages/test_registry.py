"""Registry screens through AppTest: search, new artisan with its checks, the profile's forms."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, func, select
from streamlit.testing.v1 import AppTest

from db.engine import session_scope
from db.identity import fold
from db.models import Artisan, AuditEntry, LabelStep
from db.queries.artisans import update_artisan
from tests.conftest import actor, app_as

NEW = "artisan_new"


def _open(page: str, role: str = "staff", lang: str = "en", artisan: int | None = None
          ) -> AppTest:
    at = app_as(role, lang=lang)
    if artisan is not None:
        at.query_params["id"] = str(artisan)
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def _shown(at: AppTest) -> str:
    return " ".join([m.value for m in at.markdown] + [c.value for c in at.caption]
                    + [e.value for e in at.error] + [s.value for s in at.success])


def _count(engine: Engine) -> int:
    with session_scope(engine) as s:
        return int(s.scalar(select(func.count()).select_from(Artisan)) or 0)


def _fill(at: AppTest, **fields: str) -> None:
    for name, value in fields.items():
        at.text_input(key=f"{NEW}_{name}").input(value)


def _create(at: AppTest) -> AppTest:
    return at.button(key=f"FormSubmitter:{NEW}-Save").click().run()


def test_registry_search_narrows_the_list(seeded: Engine) -> None:
    at = _open("pages/registry.py")
    everyone = at.dataframe[0].value
    assert len(everyone) == 50
    with session_scope(seeded) as s:
        someone = s.scalars(select(Artisan).where(Artisan.business_name.is_not(None))
                            .order_by(Artisan.id).limit(1)).one()
        first, last, number = someone.first_name, someone.last_name, someone.enterprise_number
    at.text_input(key="registry_text").input(last).run()
    found = at.dataframe[0].value
    assert len(found) < len(everyone) and f"{last} {first}" in set(found["name"])
    assert all(fold(last) in fold(" ".join(row)) for row in
               found[["name", "business", "email"]].itertuples(index=False))
    if number:
        at.text_input(key="registry_text").input(f"BE {number[:4]} {number[4:7]}").run()
        assert last in " ".join(at.dataframe[0].value["name"])


def test_registry_filters_by_commune_and_label_state(seeded: Engine) -> None:
    at = _open("pages/registry.py", lang="fr")
    at.selectbox(key="registry_commune").set_value("21009").run()
    assert set(at.dataframe[0].value["commune"]) == {"Ixelles"}
    at.selectbox(key="registry_label").set_value("certified").run()
    shown = at.dataframe[0].value if at.dataframe else None
    assert shown is None or set(shown["label"]) == {"Certifié·e (artisan certifié)"} or all(
        "ertifi" in label for label in shown["label"])


def test_new_artisan_errors_show_at_the_fields_and_nothing_is_written(seeded: Engine) -> None:
    before = _count(seeded)
    at = _open("pages/artisan_new.py")
    _fill(at, first_name="Éloïse", last_name="Dupré", email="eloise@", postcode="2000",
          enterprise_number="0123.456.788")
    _create(at)
    shown = _shown(at)
    assert "modulo 97" in shown
    assert "not in the Brussels-Capital Region" in shown
    assert "e-mail" in shown.lower()
    assert at.text_input(key=f"{NEW}_first_name").value == "Éloïse"
    assert _count(seeded) == before


def test_new_artisan_is_saved_then_its_profile_opens(seeded: Engine) -> None:
    at = _open("pages/artisan_new.py", lang="nl")
    _fill(at, first_name="Jan", last_name="Vermeulen-Test", postcode="1030",
          enterprise_number="BE 0203.201.340", email=" Jan.Vermeulen@Example.be ")
    at.button(key=f"FormSubmitter:{NEW}-Opslaan").click().run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Jan Vermeulen\\-Test"
    assert "Ambachtsman/-vrouw opgeslagen." in [s.value for s in at.success]
    with session_scope(seeded) as s:
        saved = s.scalars(select(Artisan).where(Artisan.last_name == "Vermeulen-Test")).one()
        assert (saved.enterprise_number, saved.commune_nis, saved.email) == (
            "0203201340", "21015", "jan.vermeulen@example.be")
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.entity == "artisans", AuditEntry.entity_id == str(saved.id))) == 1


def test_a_duplicate_is_offered_instead_of_created(seeded: Engine) -> None:
    with session_scope(seeded) as s:
        known = s.scalars(select(Artisan).where(Artisan.enterprise_number.is_not(None))
                          .order_by(Artisan.id).limit(1)).one()
        number, last = known.enterprise_number or "", known.last_name
    before = _count(seeded)
    at = _open("pages/artisan_new.py")
    _fill(at, first_name="Someone", last_name="Else", enterprise_number=number)
    _create(at)
    assert "seems to exist already" in _shown(at)
    links = [link.label for link in at.get("page_link")]
    assert any(last in label and "same enterprise number" in label for label in links)
    assert _count(seeded) == before


def test_same_name_same_commune_can_be_confirmed_as_someone_else(seeded: Engine) -> None:
    with session_scope(seeded) as s:
        known = s.scalars(select(Artisan).where(Artisan.postcode == "1050")
                          .order_by(Artisan.id).limit(1)).one()
        first, last = known.first_name, known.last_name
    at = _open("pages/artisan_new.py")
    _fill(at, first_name=first.upper(), last_name=last, postcode="1050")
    _create(at)
    assert "seems to exist already" in _shown(at)
    at.checkbox(key=f"{NEW}_allow_duplicates").check()
    _create(at)
    assert not at.exception, at.exception
    assert "Artisan saved." in [s.value for s in at.success]


def _first_artisan(engine: Engine) -> int:
    with session_scope(engine) as s:
        return int(s.scalar(select(func.min(Artisan.id))) or 0)


def test_profile_shows_the_record_and_its_timeline(seeded: Engine) -> None:
    with session_scope(seeded) as s:
        busy = s.scalar(select(LabelStep.artisan_id).group_by(LabelStep.artisan_id)
                        .order_by(func.count().desc(), LabelStep.artisan_id).limit(1))
        person = s.get(Artisan, busy)
        assert person is not None
        name = f"{person.first_name} {person.last_name}"
    at = _open("pages/artisan.py", artisan=int(busy or 0))
    assert at.title[0].value.replace("\\", "") == name
    timeline = at.dataframe[0].value
    assert "Label step" in set(timeline["what"]) and "Joined the registry" in set(timeline["what"])


def test_profile_of_an_unknown_id_says_so(seeded: Engine) -> None:
    at = _open("pages/artisan.py", artisan=999_999)
    assert "does not exist" in at.warning[0].value


def test_an_edit_saved_elsewhere_meanwhile_is_refused(seeded: Engine) -> None:
    artisan = _first_artisan(seeded)
    at = _open("pages/artisan.py", artisan=artisan)
    prefix = f"artisan_edit_{artisan}"
    with session_scope(seeded) as s:  # another adviser saves first
        update_artisan(session=s, actor=actor("manager"), artisan_id=artisan,
                       fields={"business_name": "Atelier de l'autre"}, expected_version=1)
    at.text_input(key=f"{prefix}_business_name").input("Mine")
    at.button(key=f"FormSubmitter:{prefix}-Save changes").click().run()
    assert "Someone else changed this record meanwhile" in _shown(at)
    with session_scope(seeded) as s:
        assert s.get(Artisan, artisan).business_name == "Atelier de l'autre"  # type: ignore[union-attr]
    at.button(key=f"{prefix}_reload").click().run()
    assert at.text_input(key=f"{prefix}_business_name").value == "Atelier de l'autre"
    at.text_input(key=f"{prefix}_business_name").input("Mine")
    at.button(key=f"FormSubmitter:{prefix}-Save changes").click().run()
    assert "Changes saved." in [s.value for s in at.success]


def test_a_label_step_is_recorded_and_an_illegal_one_refused(seeded: Engine) -> None:
    with session_scope(seeded) as s:
        fresh = s.scalar(select(func.min(Artisan.id)).where(Artisan.label_state.is_(None)))
    at = _open("pages/artisan.py", artisan=int(fresh or 0))
    assert at.selectbox(key="artisan_step_state").options[0] == "Not yet informed"
    at.selectbox(key="artisan_step_state").set_value("informed")
    at.text_area(key="artisan_step_note").input("Met at the **fair**")
    at.button(key="FormSubmitter:artisan_step-Record the step").click().run()
    assert "Step recorded." in [s.value for s in at.success]
    with session_scope(seeded) as s:
        step = s.scalars(select(LabelStep).where(LabelStep.artisan_id == fresh)).one()
        assert (step.state, step.note) == ("informed", "Met at the **fair**")
    at.date_input(key="artisan_step_day").set_value(date(2020, 1, 1))
    at.button(key="FormSubmitter:artisan_step-Record the step").click().run()
    assert "This date is before the latest recorded step" in _shown(at)
    with session_scope(seeded) as s:
        assert s.scalar(select(func.count()).where(LabelStep.artisan_id == fresh)) == 1


def test_erase_is_for_admins_and_returns_to_the_registry(seeded: Engine) -> None:
    artisan = _first_artisan(seeded)
    staff = _open("pages/artisan.py", artisan=artisan)
    assert "Erase" not in [tab.label for tab in staff.tabs]
    at = _open("pages/artisan.py", role="admin", artisan=artisan)
    at.button(key="FormSubmitter:artisan_erase-Erase for good").click().run()
    assert "Tick the confirmation first." in _shown(at)
    at.checkbox(key="artisan_erase_confirm").check()
    at.button(key="FormSubmitter:artisan_erase-Erase for good").click().run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Artisan registry"
    assert "Personal data erased." in _shown(at)
    with session_scope(seeded) as s:
        gone = s.get(Artisan, artisan)
        assert gone is not None and gone.erased_at is not None and gone.last_name == ""


def test_a_hostile_name_is_plain_text(seeded: Engine) -> None:
    at = _open("pages/artisan_new.py")
    _fill(at, first_name="**Bold** <b>x</b>", last_name=":red[alarm] [a](http://x.y)")
    _create(at)
    assert not at.exception
    title = at.title[0].value
    assert "\\*\\*Bold\\*\\*" in title and "\\:red\\[alarm\\]" in title and "\\<b\\>" in title
