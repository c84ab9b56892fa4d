"""Role x page matrix: each role opens exactly its pages; anonymous sessions see only the login."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from components.i18n import translate
from components.navigation import PAGES
from tests.conftest import app_as

ROLES = ("admin", "manager", "staff", "partner")
MATRIX = [(role, spec.path, role in spec.roles) for role in ROLES for spec in PAGES]


@pytest.mark.parametrize(("role", "page", "allowed"), MATRIX)
def test_role_page_matrix(seeded: Engine, role: str, page: str, allowed: bool) -> None:
    at = app_as(role)  # a fresh AppTest per page: a second switch_page would skip app.py
    at.run()
    assert not at.exception, at.exception
    if allowed:
        at.switch_page(page).run()
        assert not at.exception, at.exception
        assert at.title, "every page has a title"
    else:
        with pytest.raises(ValueError):
            at.switch_page(page).run()


@pytest.mark.parametrize("page", [spec.path for spec in PAGES if not spec.public])
def test_anonymous_sees_only_the_login_form(seeded: Engine, page: str) -> None:
    at = app_as(None)
    at.run()
    assert [t.value for t in at.title] == ["Connexion"]
    assert [ti.label for ti in at.text_input] == ["Nom d'utilisateur", "Mot de passe"]
    with pytest.raises(ValueError):
        at.switch_page(page).run()


@pytest.mark.parametrize(("lang", "title"), [("fr", "Déclaration d'accessibilité"),
                                             ("nl", "Toegankelijkheidsverklaring"),
                                             ("en", "Accessibility statement")])
def test_the_accessibility_statement_is_open_to_everyone(demo_users: Engine, lang: str,
                                                         title: str) -> None:
    at = app_as(None, lang=lang)
    at.run()
    links = [link.label for link in at.sidebar.get("page_link")]
    assert translate("nav.accessibility", lang) in links
    at.switch_page("pages/accessibility.py").run()
    assert not at.exception, at.exception
    assert at.title[0].value == title
    assert "info@hub.brussels" in " ".join(m.value for m in at.markdown)


@pytest.mark.parametrize(("lang", "title", "labels"), [
    ("fr", "Connexion", ["Nom d'utilisateur", "Mot de passe"]),
    ("nl", "Aanmelden", ["Gebruikersnaam", "Wachtwoord"]),
    ("en", "Log in", ["Username", "Password"]),
])
def test_login_form_in_three_languages(demo_users: Engine, lang: str, title: str,
                                       labels: list[str]) -> None:
    at = app_as(None, lang=lang)
    at.run()
    assert at.title[0].value == title
    assert [ti.label for ti in at.text_input] == labels


def test_a_deactivated_user_is_logged_out(seeded: Engine) -> None:
    from sqlalchemy import update

    from db.models import User

    with seeded.begin() as conn:
        conn.execute(update(User).where(User.username == "staff").values(active=False))
    at = app_as("staff")
    at.run()
    assert at.title[0].value == "Connexion"
