"""The registry search: what staff type finds the right artisans, filtered, sorted and paged."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from db.engine import session_scope
from db.models import Artisan
from db.permissions import SYSTEM
from db.queries.artisans import create_artisan
from db.queries.label import apply_step
from db.queries.registry import (
    EXPORT_COLUMNS,
    RegistryFilter,
    effective_state,
    expires_on,
    registry_export,
    search_artisans,
)
from db.reads import NotDisclosable, run_read
from tests.conftest import TODAY

NUMBER = "0123456749"  # a valid enterprise number (mod 97)


def add(s: Session, first: str, last: str, label: tuple[str, date] | None = None,
        **fields: str) -> int:
    """A hand-made artisan, created the way the registry form creates one."""
    artisan = create_artisan(session=s, actor=SYSTEM, allow_duplicates=True,
                             fields={"first_name": first, "last_name": last, **fields})
    if label:
        apply_step(s, artisan, label[0], label[1], None, "test")
    return artisan.id


def names(s: Session, text: str = "", **kwargs: object) -> list[str]:
    page = search_artisans(s, RegistryFilter(text=text), TODAY, page_size=200, **kwargs)
    return list(page.rows["first_name"])


@pytest.fixture
def people(session: Session) -> Session:
    add(session, "Éloïse", "Dupré", business_name="Céramique Dupré", email="eloise@atelier.be",
        enterprise_number="BE 0123.456.749", postcode="1050", sector="ceramics")
    add(session, "Jan", "Peeters", business_name="100% Bois", email="jan_p@hout.be",
        postcode="1000", sector="wood", label=(("certified", TODAY - timedelta(days=30))))
    add(session, "Marc", "Janssens", business_name="Atelier Noir", email="marc@noir.be",
        postcode="1050", sector="wood")
    session.flush()
    return session


@pytest.mark.parametrize(("text", "found"), [
    ("dupr", ["Éloïse"]), ("jan", ["Marc", "Jan"]), ("céramique", ["Éloïse"]),
    ("atelier.be", ["Éloïse"]), ("hout", ["Jan"]), ("marc noir", ["Marc"]),
    ("marc bois", []), ("", ["Éloïse", "Marc", "Jan"])])
def test_search_matches_names_business_email_with_every_word(people: Session, text: str,
                                                              found: list[str]) -> None:
    assert names(people, text) == found


@pytest.mark.parametrize("typed", ["0123.456.749", "BE 0123 456 749", "be0123456749",
                                   "123456749", "0123.456", "0123 456", "3456", "BE 0123"])
def test_enterprise_number_in_any_typed_form(people: Session, typed: str) -> None:
    assert names(people, typed) == ["Éloïse"]


def test_enterprise_number_is_shown_formatted(people: Session) -> None:
    rows = search_artisans(people, RegistryFilter("eloise"), TODAY).rows
    assert list(rows["enterprise_number"]) == ["0123.456.749"]


@pytest.mark.parametrize("typed", ["eloise", "ÉLOÏSE", "Eloïse dupre", "  eLoIsE   DUPRÉ "])
def test_accents_case_and_spaces_are_ignored(people: Session, typed: str) -> None:
    assert names(people, typed) == ["Éloïse"]


@pytest.mark.parametrize(("typed", "found"), [("%", ["Jan"]), ("_", ["Jan"]),
                                              ("n_p", ["Jan"]), ("0%", ["Jan"]),
                                              ("c%e", []), ("m_rc", [])])
def test_wildcards_typed_by_the_user_match_literally(people: Session, typed: str,
                                                      found: list[str]) -> None:
    assert names(people, typed) == found


@pytest.mark.parametrize(("filters", "found"), [
    (RegistryFilter(commune_nis="21009"), ["Éloïse", "Marc"]),
    (RegistryFilter(sector="wood"), ["Marc", "Jan"]),
    (RegistryFilter(text="jan", commune_nis="21004"), ["Jan"]),
    (RegistryFilter(label_state="certified"), ["Jan"]),
    (RegistryFilter(label_state="not_informed"), ["Éloïse", "Marc"]),
    (RegistryFilter(label_state="expired"), [])])
def test_filters(people: Session, filters: RegistryFilter, found: list[str]) -> None:
    assert list(search_artisans(people, filters, TODAY).rows["first_name"]) == found


def test_a_label_older_than_six_years_shows_expired(session: Session) -> None:
    old = TODAY.replace(year=TODAY.year - 6) - timedelta(days=1)
    add(session, "Ann", "Old", label=("certified", old))
    add(session, "Bea", "New", label=("certified", old + timedelta(days=2)))
    rows = search_artisans(session, RegistryFilter(), TODAY).rows.set_index("first_name")
    assert rows.loc["Ann", "label_state"] == "expired"
    assert rows.loc["Ann", "label_expires_on"] is None
    assert rows.loc["Bea", "label_state"] == "certified"
    assert rows.loc["Bea", "label_expires_on"] == TODAY + timedelta(days=1)
    certified = search_artisans(session, RegistryFilter(label_state="certified"), TODAY)
    expired = search_artisans(session, RegistryFilter(label_state="expired"), TODAY)
    assert list(certified.rows["first_name"]) == ["Bea"]
    assert list(expired.rows["first_name"]) == ["Ann"]


def test_pages_cover_every_match_once_and_are_clamped(session: Session) -> None:
    for i in range(7):
        add(session, f"P{i}", "Same")  # one last name: ties broken by first name, then id
    seen = []
    for page in (1, 2, 3):
        result = search_artisans(session, RegistryFilter(), TODAY, page=page, page_size=3)
        assert (result.total, result.pages, result.page) == (7, 3, page)
        seen += list(result.rows["first_name"])
    assert seen == [f"P{i}" for i in range(7)]
    assert search_artisans(session, RegistryFilter(), TODAY, page=99, page_size=3).page == 3
    assert search_artisans(session, RegistryFilter(), TODAY, page=-1, page_size=3).page == 1
    assert len(search_artisans(session, RegistryFilter(), TODAY, page_size=10_000).rows) == 7


def test_no_match_is_one_empty_page(people: Session) -> None:
    result = search_artisans(people, RegistryFilter("zzz"), TODAY, page=5)
    assert (result.total, result.pages, result.page, len(result.rows)) == (0, 1, 1, 0)
    assert "label_expires_on" in result.rows.columns


@pytest.mark.parametrize("descending", [False, True])
def test_sorts_keep_missing_values_last_and_ties_by_name(people: Session,
                                                         descending: bool) -> None:
    add(people, "Zoé", "Aa")  # no business, no commune
    order = names(people, sort="business", descending=descending)
    assert order[-1] == "Zoé"
    assert order[:3] == (["Jan", "Marc", "Éloïse"] if not descending
                         else ["Éloïse", "Marc", "Jan"])
    assert names(people, sort="commune", descending=descending)[-1] == "Zoé"


def test_sort_by_label_follows_the_journey(people: Session) -> None:
    add(people, "Ida", "Ixe", label=("informed", TODAY))
    assert names(people, sort="label") == ["Éloïse", "Marc", "Ida", "Jan"]
    assert names(people, sort="label", descending=True) == ["Jan", "Ida", "Éloïse", "Marc"]


def test_sort_by_creation(people: Session) -> None:
    for i, artisan in enumerate(people.scalars(select(Artisan).order_by(Artisan.id))):
        artisan.created_at = datetime(2024, 1, 1, tzinfo=UTC) - timedelta(days=i)
    people.flush()
    assert names(people, sort="created") == ["Marc", "Jan", "Éloïse"]
    assert names(people, sort="created", descending=True) == ["Éloïse", "Jan", "Marc"]


def test_unknown_sort_is_refused(people: Session) -> None:
    with pytest.raises(ValueError):
        search_artisans(people, RegistryFilter(), TODAY, sort="email")


def test_erased_artisans_are_never_listed(people: Session) -> None:
    artisan = people.scalars(select(Artisan).where(Artisan.first_name == "Marc")).one()
    for column in ("first_name", "last_name", "search_text", "name_key"):
        setattr(artisan, column, "")
    artisan.business_name = artisan.email = artisan.phone = artisan.enterprise_number = None
    artisan.erased_at = datetime.now(UTC)
    people.flush()
    assert names(people) == ["Éloïse", "Jan"]
    assert len(registry_export(people, RegistryFilter(), TODAY, "fr")) == 2


def test_export_names_commune_and_sector_in_the_language(people: Session) -> None:
    frame = registry_export(people, RegistryFilter(sector="ceramics"), TODAY, "nl")
    assert tuple(frame.columns) == EXPORT_COLUMNS
    row = frame.iloc[0]
    assert (row["commune"], row["sector"], row["enterprise_number"]) == (
        "Elsene", "Keramiek en glas", "0123.456.749")
    assert row["consent_contact"] in (False, 0) and row["source"] == "other"
    assert "notes" not in frame.columns


def test_partners_may_not_search_the_registry(people: Session) -> None:
    with pytest.raises(NotDisclosable):
        run_read(people, "registry_search", "partner", RegistryFilter(), TODAY)
    page = run_read(people, "registry_search", "staff", RegistryFilter(), TODAY)
    assert page.total == 3


def test_seeded_registry_pages_through_every_artisan(seeded: Engine) -> None:
    with session_scope(seeded) as s:
        count = s.scalar(select(func.count()).select_from(Artisan))
        first = search_artisans(s, RegistryFilter(), TODAY, page_size=200)
        last = search_artisans(s, RegistryFilter(), TODAY, page=first.pages, page_size=200)
        # The database's own collation decides the order (PostgreSQL's may not be bytewise).
        ordered = s.scalars(select(Artisan.id).order_by(
            Artisan.last_name, Artisan.first_name, Artisan.id).limit(200)).all()
    assert first.total == count and len(first.rows) == 200
    assert len(last.rows) == count - 200 * (first.pages - 1)
    assert list(first.rows["id"]) == list(ordered)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40))
def test_any_typed_text_searches_without_error(people: Session, text: str) -> None:
    result = search_artisans(people, RegistryFilter(text=text), TODAY)
    assert 0 <= result.total <= 3 and len(result.rows) == result.total


def test_a_pasted_page_searches_its_beginning(people: Session) -> None:
    assert names(people, "eloise " + "x y " * 20_000) == []
    assert names(people, "dupré " * 20_000) == ["Éloïse"]


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)),
       st.integers(min_value=0, max_value=4000))
def test_a_label_expires_on_the_day_expires_on_names(certified: date, days: int) -> None:
    day = certified + timedelta(days=days)
    assert (effective_state("certified", certified, day) == "expired") == (
        day >= expires_on(certified))
