"""The Overview, run as a user would through app.py, on seeded data."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from components.i18n import fmt_number
from db.engine import session_scope
from db.queries.overview import overview_figures
from tests.conftest import app_as


def _app(role: str = "manager") -> AppTest:
    at = app_as(role)
    at.run()
    assert not at.exception, at.exception
    return at


def _expected(engine: Engine) -> dict[str, int]:
    with session_scope(engine) as s:
        return overview_figures(s, date.today())


def test_overview_shows_the_seeded_figures_in_french(seeded: Engine) -> None:
    at = _app()
    figures = _expected(seeded)
    shown = {m.label: m.value for m in at.metric}
    assert at.title[0].value == "Vue d'ensemble du plan"
    assert shown["Membres de la communauté"] == fmt_number(figures["members"], "fr")
    assert shown["Certifiés aujourd'hui"] == fmt_number(figures["certified"], "fr")
    assert shown["Impressions campagne"] == fmt_number(figures["impressions"], "fr")
    assert "." in shown["Impressions campagne"]  # 11.553.047, Belgian grouping
    assert shown["Suivis en retard"] == fmt_number(figures["follow_ups_overdue"], "fr")


def test_language_switch_to_dutch(seeded: Engine) -> None:
    at = _app()
    at.sidebar.selectbox[0].set_value("nl").run()
    assert at.title[0].value == "Overzicht van het plan"
    assert "Leden van de gemeenschap" in [m.label for m in at.metric]
    assert at.session_state["lang"] == "nl"


def test_english_figures_use_english_grouping(seeded: Engine) -> None:
    # One AppTest instance tests one run: a new instance with the session's language set.
    at = app_as("manager", lang="en")
    at.run()
    figures = _expected(seeded)
    shown = {m.label: m.value for m in at.metric}
    assert shown["Campaign impressions"] == fmt_number(figures["impressions"], "en")
    assert "," in shown["Campaign impressions"]


def test_overview_on_an_empty_database_shows_zeros_and_no_chart(demo_users: Engine) -> None:
    at = _app()
    assert all(m.value == "0" for m in at.metric)
    assert [i.value for i in at.info] == ["Aucune donnée pour l'instant."] * 3


def test_a_write_refreshes_the_cached_figures(seeded: Engine) -> None:
    from seed.populate import populate

    at = _app()
    before = {m.label: m.value for m in at.metric}["Membres de la communauté"]
    with session_scope(seeded) as s:
        populate(s, scale=0.2, seed=9, reset_first=True)
    at.run()
    after = {m.label: m.value for m in at.metric}["Membres de la communauté"]
    assert after == fmt_number(_expected(seeded)["members"], "fr") and after != before


def test_every_chart_has_a_summary_and_its_data_as_a_table(seeded: Engine) -> None:
    """WCAG 1.1.1: a one-line text alternative under each chart, its data on demand."""
    at = _app()
    at.run()
    charts = at.get("vega_lite_chart")
    assert len(charts) == 3
    captions = [c.value for c in at.caption]
    growth, communes, sectors = (c.proto.alt for c in charts)
    assert re.fullmatch(r"[\d.]+ membres au .+, [\d.]+ de plus ce mois-ci\."
                        r"( Objectif : [\d.]+ du [\d/]+ au [\d/]+\.)+", growth)  # seeded targets
    assert communes.startswith("19 catégories ; en tête : ")
    assert sectors.startswith("7 catégories ; en tête : ")
    assert {growth, communes, sectors} <= set(captions)
    assert [e.label for e in at.expander] == ["Données du graphique"] * 3
    assert [list(d.value.columns) for d in at.dataframe] == [
        ["Mois", "Membres", "Nouveaux membres"], ["Commune", "Artisans"], ["Secteur", "Artisans"]]
