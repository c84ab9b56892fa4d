"""The registry's validators (property-based), duplicate detection, create and stale edits."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.errors import ValidationError
from db.identity import (
    commune_of_postcode,
    enterprise_digits,
    enterprise_number_problem,
    enterprise_number_valid,
    fold,
    format_enterprise_number,
    normalize_email,
    phone_problem,
)
from db.models import Artisan, AuditEntry
from db.permissions import PermissionDenied
from db.queries.artisans import (
    DuplicatesFound,
    clean_artisan,
    create_artisan,
    find_duplicates,
    set_consent,
    update_artisan,
)
from tests.conftest import TODAY, actor

bodies = st.integers(min_value=0, max_value=19_999_999)


def _number(body: int) -> str:
    return f"{body:08d}{97 - body % 97:02d}"


@given(bodies)
def test_a_valid_number_is_accepted_in_every_typed_form(body: int) -> None:
    digits = _number(body)
    dotted = format_enterprise_number(digits)
    for typed in (digits, dotted, f"BE{digits}", f"be {dotted}", f" BE-{digits} "):
        assert enterprise_number_problem(typed) is None
        assert enterprise_digits(typed) == digits
    if digits.startswith("0"):  # the 9-digit form of before 2005
        assert enterprise_digits(digits[1:]) == digits


@given(bodies, st.integers(min_value=0, max_value=9), st.integers(min_value=1, max_value=9))
def test_any_single_wrong_digit_is_caught(body: int, position: int, shift: int) -> None:
    digits = list(_number(body))
    digits[position] = str((int(digits[position]) + shift) % 10)
    changed = "".join(digits)
    if changed[0] in "01":
        assert not enterprise_number_valid(changed)
        assert enterprise_number_problem(changed) == "artisans.enterprise_check_digit"


@given(st.text(max_size=40))
def test_validators_never_raise_on_any_text(text: str) -> None:
    enterprise_number_problem(text)
    phone_problem(text)
    commune_of_postcode(text)
    assert fold(fold(text)) == fold(text)
    assert normalize_email(normalize_email(text)) == normalize_email(text)


@given(st.dictionaries(st.sampled_from(["first_name", "last_name", "email", "phone", "postcode",
                                        "enterprise_number", "sector", "notes"]),
                       st.text(max_size=30)))
def test_clean_artisan_returns_values_or_field_errors(raw: dict[str, str]) -> None:
    try:
        values = clean_artisan(raw)
    except ValidationError as exc:
        assert exc.errors and all(isinstance(k, str) and "." in k for k in exc.errors.values())
    else:
        assert values["first_name"] and values["last_name"]


def test_postcodes_fill_in_their_commune() -> None:
    assert clean_artisan({"first_name": "A", "last_name": "B", "postcode": "1030"}
                         )["commune_nis"] == "21015"
    with pytest.raises(ValidationError) as outside:
        clean_artisan({"first_name": "A", "last_name": "B", "postcode": "2000"})
    assert outside.value.errors == {"postcode": "artisans.postcode_outside"}
    with pytest.raises(ValidationError) as mismatch:
        clean_artisan({"first_name": "A", "last_name": "B", "postcode": "1030",
                       "commune_nis": "21009"})
    assert mismatch.value.errors == {"postcode": "artisans.postcode_commune_mismatch"}


FIELDS = {"first_name": "Éloïse", "last_name": "Dupré", "email": "Eloise.Dupre@Example.be",
          "enterprise_number": "0203.201.340", "postcode": "1050"}


def _create(session: Session, **changes: str) -> Artisan:
    return create_artisan(session=session, actor=actor("staff", "staff"),
                          fields={**FIELDS, **changes})


@pytest.fixture
def staff_user(session: Session) -> Session:
    from db.permissions import SYSTEM
    from db.queries.users import create_user

    for name, role in (("staff", "staff"), ("partner", "partner")):
        create_user(session=session, actor=SYSTEM, username=name, display_name=name, role=role,
                    password="a-long-password")
    session.flush()
    return session


def test_duplicates_by_number_email_or_name_in_the_commune(staff_user: Session) -> None:
    first = _create(staff_user)
    for changes, reason in (({"email": "", "postcode": "1000"}, "enterprise_number"),
                            ({"enterprise_number": "", "postcode": "1000",
                              "email": " ELOISE.dupre@example.BE"}, "email"),
                            ({"enterprise_number": "", "email": "", "first_name": "eloise",
                              "last_name": "DUPRE"}, "name_commune")):
        values = clean_artisan({**FIELDS, **changes})
        found = find_duplicates(staff_user, values)
        assert [(d.id, d.reason) for d in found] == [(first.id, reason)]
    other = clean_artisan({**FIELDS, "enterprise_number": "", "email": "", "postcode": "1000"})
    assert find_duplicates(staff_user, other) == []  # same name, another commune


def test_a_duplicate_is_refused_unless_only_the_name_matches_and_it_is_confirmed(
        staff_user: Session) -> None:
    _create(staff_user)
    with pytest.raises(DuplicatesFound):
        _create(staff_user, email="")
    with pytest.raises(DuplicatesFound):  # a shared enterprise number is never "someone else"
        create_artisan(session=staff_user, actor=actor("staff", "staff"),
                       fields={**FIELDS, "email": ""}, allow_duplicates=True)
    twin = create_artisan(session=staff_user, actor=actor("staff", "staff"),
                          fields={**FIELDS, "email": "", "enterprise_number": ""},
                          allow_duplicates=True)
    assert twin.name_key == "eloise dupre"


def test_create_stores_clean_values_and_audits(staff_user: Session) -> None:
    artisan = _create(staff_user)
    assert (artisan.email, artisan.enterprise_number, artisan.commune_nis) == (
        "eloise.dupre@example.be", "0203201340", "21009")
    assert "dupre" in artisan.search_text and "0203201340" in artisan.search_text
    assert staff_user.scalar(select(func.count()).select_from(AuditEntry).where(
        AuditEntry.entity == "artisans", AuditEntry.action == "create")) == 1


def test_partners_cannot_write(staff_user: Session) -> None:
    with pytest.raises(PermissionDenied):
        create_artisan(session=staff_user, actor=actor("partner", "partner"), fields=FIELDS)


def test_an_edit_from_an_old_version_is_refused(staff_user: Session) -> None:
    artisan = _create(staff_user)
    staff = actor("staff", "staff")
    update_artisan(session=staff_user, actor=staff, artisan_id=artisan.id,
                   fields={"business_name": "Atelier A"}, expected_version=1)
    with pytest.raises(ValidationError) as stale:
        update_artisan(session=staff_user, actor=staff, artisan_id=artisan.id,
                       fields={"business_name": "Atelier B"}, expected_version=1)
    assert stale.value.errors == {"_form": "artisans.stale_edit"}
    with pytest.raises(ValidationError):
        set_consent(session=staff_user, actor=staff, artisan_id=artisan.id, contact=True,
                    newsletter=False, on=TODAY, expected_version=1)
    staff_user.refresh(artisan)
    assert (artisan.business_name, artisan.row_version) == ("Atelier A", 2)


def test_an_edit_cannot_take_another_artisans_number(staff_user: Session) -> None:
    _create(staff_user)
    other = _create(staff_user, first_name="Jan", last_name="Peeters", email="",
                    enterprise_number="")
    with pytest.raises(ValidationError) as taken:
        update_artisan(session=staff_user, actor=actor("staff", "staff"), artisan_id=other.id,
                       fields={"enterprise_number": "BE0203201340"}, expected_version=1)
    assert taken.value.errors == {"enterprise_number": "artisans.enterprise_number_taken"}


def test_partners_cannot_export_the_registry(staff_user: Session) -> None:
    from db.queries.registry import RegistryFilter, export_registry, record_export

    _create(staff_user)
    with pytest.raises(PermissionDenied):
        export_registry(staff_user, actor("partner", "partner"), RegistryFilter(), TODAY, "fr")
    with pytest.raises(PermissionDenied):
        record_export(session=staff_user, actor=actor("partner", "partner"), kind="csv", rows=1,
                      filtered=False)
    assert len(export_registry(staff_user, actor("staff", "staff"), RegistryFilter(), TODAY,
                               "fr")) == 1
