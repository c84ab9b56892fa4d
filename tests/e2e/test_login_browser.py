"""Logging in and out in a real browser: the cookie keeps a reload on the page, logout sticks."""

from __future__ import annotations

from playwright.sync_api import Browser, Page, expect
from sqlalchemy import Engine

from db.engine import session_scope
from db.queries.auth import MAX_ATTEMPTS, authenticate
from tests.e2e.conftest import login, open_app, screenshot, wait_idle


def test_login_reload_logout_reload(live_app: str, page: Page) -> None:
    login(page, live_app, "admin", "artisan-admin")
    page.get_by_test_id("stSidebar").get_by_role("link", name="Utilisateurs").click()
    expect(page.get_by_role("heading", name="Utilisateurs et rôles")).to_be_visible(
        timeout=20_000)
    page.reload()
    wait_idle(page)
    expect(page.get_by_role("heading", name="Utilisateurs et rôles")).to_be_visible(
        timeout=30_000)
    assert page.url.endswith("/users")
    screenshot(page, "users_fr")
    page.get_by_role("button", name="Se déconnecter").click()
    expect(page.get_by_role("heading", name="Connexion")).to_be_visible(timeout=20_000)
    page.reload()
    wait_idle(page)
    expect(page.get_by_role("heading", name="Connexion")).to_be_visible(timeout=30_000)
    expect(page.get_by_role("heading", name="Utilisateurs et rôles")).to_have_count(0)


def test_wrong_password_shows_the_error(live_app: str, page: Page) -> None:
    open_app(page, live_app)
    page.get_by_role("textbox", name="Nom d'utilisateur").fill("manager")
    page.get_by_role("textbox", name="Mot de passe").fill("not-my-password")
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_text("Nom d'utilisateur ou mot de passe incorrect.")).to_be_visible(
        timeout=20_000)
    screenshot(page, "login_error_fr")


def test_partner_sees_the_overview_with_hidden_small_cells(live_app: str, page: Page) -> None:
    login(page, live_app, "partner", "artisan-partner")
    expect(page.get_by_text("Chiffres agrégés uniquement")).to_be_visible(timeout=20_000)
    expect(page.get_by_test_id("stSidebar").get_by_role("link", name="Utilisateurs")
           ).to_have_count(0)
    screenshot(page, "overview_partner_fr")


def test_a_stranger_cannot_lock_the_owner_out_of_their_browser(
        live_app: str, page: Page, browser: Browser, seeded: Engine) -> None:
    """The owner's browser logged in before; a stranger then uses up the username's attempts:
    a new browser is refused, the owner's own browser still gets in."""
    login(page, live_app, "staff", "artisan-staff")
    page.get_by_role("button", name="Se déconnecter").click()
    expect(page.get_by_role("heading", name="Connexion")).to_be_visible(timeout=20_000)
    for _ in range(MAX_ATTEMPTS + 2):  # the stranger, from elsewhere
        with session_scope(seeded) as s:
            authenticate(s, "staff", "a-guess")
    stranger = browser.new_page(viewport={"width": 1180, "height": 820})
    open_app(stranger, live_app)
    _submit_login(stranger, "staff", "artisan-staff")
    expect(stranger.get_by_text("Trop d'essais pour ce nom d'utilisateur")).to_be_visible(
        timeout=20_000)
    screenshot(stranger, "login_throttled_fr")
    stranger.close()
    page.reload()
    wait_idle(page)
    _submit_login(page, "staff", "artisan-staff")
    landed = page.get_by_role("heading", name="Mes suivis")
    for _ in range(2):  # a click dropped while the cookie component reruns: a person clicks again
        try:
            expect(landed).to_be_visible(timeout=15_000)
            break
        except AssertionError:
            wait_idle(page)
            if landed.count() == 0 and page.get_by_role("button", name="Se connecter").count():
                page.get_by_role("button", name="Se connecter").click()
    expect(landed).to_be_visible(timeout=30_000)


def _submit_login(page: Page, username: str, password: str) -> None:
    page.get_by_role("textbox", name="Nom d'utilisateur").fill(username)
    page.get_by_role("textbox", name="Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()
