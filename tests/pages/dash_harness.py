"""Opening a dashboard through app.py as a role, with filters in the address, and reading its
cards: shared by the dashboards' page tests."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.conftest import app_as


def open_page(page: str, role: str = "manager", lang: str | None = "en", *,
              state: dict[str, object] | None = None, **params: str) -> AppTest:
    """A run of app.py as the role (in French when `lang` is None), switched to the page, with
    the address's parameters and anything already in the session (`state`)."""
    at = app_as(role, lang=lang)
    for name, value in (state or {}).items():
        at.session_state[name] = value
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def cards(at: AppTest) -> dict[str, str]:
    """The figures shown as cards: label -> value as displayed."""
    return {m.label: m.value for m in at.metric}
