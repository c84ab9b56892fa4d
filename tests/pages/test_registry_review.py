"""A hostile review of the registry screens (AppTest): partners, second tabs, odd files."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, select
from streamlit.testing.v1 import AppTest

from db.engine import session_scope
from db.models import Artisan, AuditEntry
from db.queries.artisans import create_artisan, set_consent, update_artisan
from db.queries.erasure import erase_artisan
from tests.conftest import TODAY, actor, app_as

PROFILE = "pages/artisan.py"
IMPORT = "pages/registry_import.py"
PERSON = {"first_name": "Zéphyrine", "last_name": "Oudkerk", "email": "zephyrine@oudkerk.example",
          "phone": "+32 470 98 76 54", "enterprise_number": "0412.345.614",
          "business_name": "Atelier Zéphyr", "postcode": "1050",
          "notes": "Rencontrée au salon"}
TRACES = ("Zéphyr", "Oudkerk", "zephyrine@", "98 76 54", "0412", "Rencontrée")


def _person(engine: Engine) -> int:
    with session_scope(engine) as s:
        return create_artisan(session=s, actor=actor("staff"), fields=PERSON).id


def _everything(at: AppTest) -> str:
    """Every text an AppTest run shows, tables included."""
    parts = [str(e.value) for kind in ("title", "markdown", "caption", "text", "error",
                                       "warning", "info", "success", "header", "subheader")
             for e in getattr(at, kind)]
    parts += [d.value.to_csv() for d in at.dataframe]
    parts += [str(s.options) for s in at.selectbox]
    return " ".join(parts)


def _profile(engine: Engine, artisan: int, role: str = "staff") -> AppTest:
    at = app_as(role, lang="en")
    at.query_params["id"] = str(artisan)
    at.run()
    at.switch_page(PROFILE).run()
    assert not at.exception, at.exception
    return at


# --- partners never see a person -------------------------------------------------------------

@pytest.mark.parametrize("page", ["pages/artisan.py", "pages/registry.py",
                                  "pages/registry_import.py", "pages/artisan_new.py"])
def test_a_partner_opening_a_registry_page_sees_no_person(demo_users: Engine, page: str) -> None:
    artisan = _person(demo_users)
    at = app_as("partner", lang="fr")
    at.query_params["id"] = str(artisan)
    at.run()
    try:
        at.switch_page(page).run()
    except Exception:  # the page is not registered for partners: refused outright
        pass
    shown = _everything(at)
    assert not any(trace in shown for trace in TRACES), shown[:300]


# --- a second tab: edits and erasures made elsewhere ----------------------------------------

def test_a_rerun_does_not_launder_a_stale_edit(demo_users: Engine) -> None:
    """Tab A shows v1; B saves a new e-mail; a rerun of A must not make A's old form values
    count as made from B's version (components/profile_forms.py reads the version seen only
    inside the save callback, from the profile of the latest run)."""
    artisan = _person(demo_users)
    at = _profile(demo_users, artisan)
    prefix = f"artisan_edit_{artisan}"
    with session_scope(demo_users) as s:  # another adviser corrects the e-mail meanwhile
        update_artisan(session=s, actor=actor("manager"), artisan_id=artisan,
                       fields={"email": "new@oudkerk.example"}, expected_version=1)
    # Tab A records a label step (any form or widget reruns the page); its edit form keeps
    # the values it loaded from v1.
    at.button(key="FormSubmitter:artisan_step-Record the step").click().run()
    assert "Step recorded." in [m.value for m in at.success]
    at.text_input(key=f"{prefix}_business_name").input("Atelier Z")
    at.button(key=f"FormSubmitter:{prefix}-Save changes").click().run()
    with session_scope(demo_users) as s:
        saved = s.get(Artisan, artisan)
        assert saved is not None
        assert saved.email == "new@oudkerk.example", "B's correction was silently overwritten"


def test_a_rerun_does_not_launder_a_stale_consent(demo_users: Engine) -> None:
    artisan = _person(demo_users)
    at = _profile(demo_users, artisan)
    with session_scope(demo_users) as s:  # the artisan gave consent to contact, recorded by B
        set_consent(session=s, actor=actor("manager"), artisan_id=artisan, contact=True,
                    newsletter=False, on=TODAY, expected_version=1)
    at.run()
    at.checkbox(key="artisan_consent_newsletter").check()
    at.button(key="FormSubmitter:artisan_consent-Save consent").click().run()
    with session_scope(demo_users) as s:
        saved = s.get(Artisan, artisan)
        assert saved is not None and saved.consent_contact, "B's consent was silently undone"


def test_a_tab_open_on_an_erased_profile_shows_nothing_and_writes_nothing(
        demo_users: Engine) -> None:
    artisan = _person(demo_users)
    at = _profile(demo_users, artisan)
    with session_scope(demo_users) as s:
        erase_artisan(session=s, actor=actor("admin"), artisan_id=artisan)
    prefix = f"artisan_edit_{artisan}"
    at.text_input(key=f"{prefix}_last_name").input("Oudkerk")
    at.button(key=f"FormSubmitter:{prefix}-Save changes").click().run()
    assert not at.exception
    assert not any(trace in _everything(at) for trace in TRACES)
    with session_scope(demo_users) as s:
        gone = s.get(Artisan, artisan)
        assert gone is not None and gone.last_name == "" and gone.email is None


# --- import files with odd headers -----------------------------------------------------------

def _import(engine: Engine, data: bytes, name: str = "list.csv") -> AppTest:
    at = app_as("staff", lang="en")
    at.run()
    at.switch_page(IMPORT).run()
    at.file_uploader(key="import_registry_file").set_value((name, data, "text/csv")).run()
    return at


def test_an_invisible_character_in_a_header_does_not_make_the_commit_fail_silently(
        demo_users: Engine) -> None:
    """Excel exports often carry a zero-width space or a stray BOM in a header cell: the
    preview reads the file fine, so the commit must either save or say why."""
    data = "\u200bPrénom;Nom\nJean;Dupont\nMarie;Lenoir\n".encode()
    at = _import(demo_users, data)
    assert not at.exception, at.exception
    assert at.selectbox(key="import_first_name").value == "Prénom"  # read without the ZWSP
    at.button(key="import_commit_button").click().run()
    assert not at.exception, at.exception
    with session_scope(demo_users) as s:
        created = int(s.scalar(select(func.count()).select_from(Artisan)) or 0)
    said = [e.value for e in at.error] + [m.value for m in at.markdown if ":red[" in m.value]
    assert created == 2 or said, "nothing saved and no message shown"


def test_an_upload_named_with_a_zero_width_joiner_can_be_committed(demo_users: Engine) -> None:
    data = b"Prenom;Nom\nJean;Dupont\n"
    at = _import(demo_users, data, name="artisans \U0001F468\u200d\U0001F3A8.csv")
    at.button(key="import_commit_button").click().run()
    assert not at.exception, at.exception
    with session_scope(demo_users) as s:
        created = int(s.scalar(select(func.count()).select_from(Artisan)) or 0)
    said = [e.value for e in at.error] + [m.value for m in at.markdown if ":red[" in m.value]
    assert created == 1 or said, "nothing saved and no message shown"


def test_headers_named_like_our_columns_do_not_break_the_preview(demo_users: Engine) -> None:
    data = b"Prenom;Nom;row;row (file);reason\nJean;;a;b;c\nMarie;Lenoir;d;e;f\n"
    at = _import(demo_users, data)
    assert not at.exception, at.exception
    at.radio(key="import_show").set_value("rejected").run()
    assert not at.exception, at.exception
    assert at.dataframe and len(at.dataframe[0].value) == 1


# --- the profile's address and the registry's deferred export -------------------------------

@pytest.mark.parametrize("raw", ["²", "¹²³", "-1", "1e3", " 7 ", "9" * 30])
def test_a_hostile_profile_address_says_not_found(demo_users: Engine, raw: str) -> None:
    """profile_id() trusts str.isdigit(), which is true for '²' but int('²') fails."""
    at = app_as("staff", lang="en")
    at.query_params["id"] = raw
    at.run()
    at.switch_page(PROFILE).run()
    assert not at.exception, at.exception
    assert at.warning and "does not exist" in at.warning[0].value


def test_the_deferred_export_rechecks_who_asks(demo_users: Engine) -> None:
    """The Excel/CSV file is made when the button is pressed, maybe long after the page ran,
    straight from registry_export (not run_read, no authorize): an adviser deactivated (or
    logged out) meanwhile still downloads every person's e-mail and phone."""
    from components.data import registry_export_file
    from db.models import User
    from db.queries.registry import RegistryFilter

    _person(demo_users)
    _, _, make = registry_export_file(actor("staff"), RegistryFilter(), TODAY, "en", "csv")
    assert "zephyrine@" in make().decode("utf-8-sig")  # while active: the file, audited
    with session_scope(demo_users) as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "export")).one()
        assert entry.username == "staff" and '"rows": 1' in (entry.after_json or "")
    with session_scope(demo_users) as s:
        staff = s.scalars(select(User).where(User.username == "staff")).one()
        staff.active = False
    try:
        data = make()
    except Exception:
        return  # refused: as it should be
    assert "zephyrine@" not in data.decode("utf-8-sig"), "a deactivated adviser got the list"
