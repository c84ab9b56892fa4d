"""The chart builders write Vega-Lite by hand (components.vega): every builder's spec, in each
of its shapes, is valid against the Vega-Lite schema Altair ships, draws (vl-convert), and
writes its data out as JSON rows a reader would recognise."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import altair as alt
import numpy as np
import pandas as pd
import pytest
import vl_convert as vlc
from altair.utils.schemapi import validate_jsonschema
from altair.vegalite.v6.schema.core import load_schema

from components.channel_charts import channel_chart, channel_series_chart
from components.charts import (
    breakdown_chart,
    growth_chart,
    monthly_chart,
    new_returning_chart,
    stock_chart,
)
from components.target_charts import monthly_progress_chart, progress_chart
from components.vega import SCHEMA, as_json, layer, unit

MONTHS = pd.date_range("2024-01-01", periods=6, freq="MS")
TARGETS = pd.DataFrame({"period_start": [date(2024, 1, 1), date(2024, 3, 15)],
                        "period_end": [date(2024, 12, 31), date(2024, 5, 31)],
                        "target_value": [1500.0, 300.0]})
HIDDEN = {"small": "< 5", "unknown": "n.d."}
GROWTH = pd.DataFrame({"month": MONTHS, "total": [100, 200, 300, 400, 500, 600],
                       "new": [100, np.nan, 100, 100, np.nan, 100],
                       "new_hidden": ["", "small", "", "", "unknown", ""]})
MONTHLY = pd.DataFrame({"month": MONTHS, "sessions": [np.nan, 5, 0, 7, 9, 2],
                        "sessions_hidden": ["small", "", "", "", "", ""]})
PROGRESS = TARGETS.iloc[:1].merge(
    pd.DataFrame({"month": MONTHS, "value": [10, 30, 30, 70, 90, 120]}), how="cross")
NAMES = {"posters": "Affiches", "radio": "Radio", "social": "Réseaux", "search": "Recherche",
         "flyers": "Flyers", "other": "Autre"}

BUILDS: dict[str, Callable[[], dict[str, Any]]] = {
    "growth": lambda: growth_chart(GROWTH, month="Mois", total="Membres", new="Nouveaux",
                                   hidden=HIDDEN, decimal_comma=True),
    "growth with targets": lambda: growth_chart(
        GROWTH, month="Month", total="Members", new="New", hidden=HIDDEN, decimal_comma=False,
        targets=TARGETS, target_title="Target"),
    "breakdown by sector": lambda: breakdown_chart(
        pd.DataFrame({"sector": ["Bois", "Cuir"], "count": [30, np.nan],
                      "count_hidden": ["", "small"]}),
        category="sector", category_title="Secteur", title="Membres", hidden=HIDDEN,
        decimal_comma=True),
    "breakdown in order": lambda: breakdown_chart(
        pd.DataFrame({"state": ["Submitted", "Certified"], "count": [3, 9]}), category="state",
        category_title="State", title="Artisans", hidden=HIDDEN, decimal_comma=False,
        in_order=True),
    "monthly": lambda: monthly_chart(MONTHLY, column="sessions", month="Month",
                                     title="Sessions", hidden=HIDDEN, decimal_comma=False),
    "monthly with progress": lambda: monthly_progress_chart(
        MONTHLY, PROGRESS, column="sessions", month="Maand", title="Sessies", hidden=HIDDEN,
        decimal_comma=True, progress_title="Sinds de start", target_title="Doel"),
    "progress": lambda: progress_chart(PROGRESS, month="Month", title="So far",
                                       target_title="Target", decimal_comma=False),
    "new and returning": lambda: new_returning_chart(
        pd.DataFrame({"label": ["E1", "E2"], "new": [3, np.nan], "returning": [4, 6],
                      "new_hidden": ["", "small"]}),
        label="label", label_title="Event", new="New", returning="Returning", hidden=HIDDEN,
        decimal_comma=False),
    "stock with targets": lambda: stock_chart(
        pd.DataFrame({"month": MONTHS, "certified": [100, 101, 103, 103, 110, 120]}),
        column="certified", month="Month", title="Certified", targets=TARGETS,
        target_title="Target", hidden=HIDDEN, decimal_comma=True),
    "channels": lambda: channel_chart(
        pd.DataFrame({"channel": ["social", "radio"], "impressions": [120000.0, np.nan]}),
        column="impressions", names=NAMES, title="Impressions", channel_title="Canal",
        decimal_comma=True),
    "channel series": lambda: channel_series_chart(
        pd.DataFrame({"start": [date(2024, 1, 1), date(2024, 1, 1), date(2024, 2, 1)],
                      "label": ["01/2024", "01/2024", "02/2024"],
                      "channel": ["social", "search", "social"],
                      "impressions": [1000, 2000, 1500]}),
        names=NAMES, period_title="Mois", channel_title="Canal", title="Impressions",
        decimal_comma=False),
}


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = load_schema()
    return loaded


def _names(spec: Any) -> set[str]:
    """Every dataset a spec's layers draw from."""
    if isinstance(spec, dict):
        found = {spec["data"]["name"]} if "name" in spec.get("data", {}) else set()
        return found.union(*(_names(v) for k, v in spec.items() if k != "datasets"))
    if isinstance(spec, list):
        return set().union(*(_names(v) for v in spec))
    return set()


@pytest.mark.parametrize("name", BUILDS)
def test_every_chart_is_valid_vega_lite_and_draws(name: str, schema: dict[str, Any]) -> None:
    spec = BUILDS[name]()
    assert spec["$schema"] == SCHEMA == alt.SCHEMA_URL  # the schema checked is the one named
    assert _names(spec) == set(spec["datasets"])  # each dataset drawn, none missing
    written = as_json({**spec, "description": "A chart."})
    validate_jsonschema(written, schema)  # raises on any property Vega-Lite does not know
    assert vlc.vegalite_to_svg(written).startswith("<svg")


def test_data_is_written_as_a_reader_would_read_it() -> None:
    spec = as_json(growth_chart(GROWTH, month="Month", total="Members", new="New",
                                hidden=HIDDEN, decimal_comma=False))
    rows = spec["datasets"]["members"]
    assert rows[1] == {"month": "2024-02-01T00:00:00", "total": 200.0, "new": None,
                       "total_text": "200", "new_text": "< 5"}
    assert rows[4]["new_text"] == "n.d."


def test_data_all_layers_share_is_named_once() -> None:
    bar = unit("rows", {"type": "bar"})
    text = unit("rows", {"type": "text"})
    assert layer(bar, text) == {"data": {"name": "rows"},
                                "layer": [{"mark": {"type": "bar"}, "encoding": {}},
                                          {"mark": {"type": "text"}, "encoding": {}}]}
    other = unit("targets", {"type": "rule"})
    assert layer(bar, other) == {"layer": [bar, other]}


def test_breakdown_bars_run_from_the_largest_hidden_last() -> None:
    frame = pd.DataFrame({"sector": ["Bois", "Cuir", "Autre", "Verre"],
                          "count": [30, np.nan, 70, 7], "count_hidden": ["", "small", "", ""]})
    spec = breakdown_chart(frame, category="sector", category_title="S", title="M",
                           hidden=HIDDEN, decimal_comma=False)
    y = spec["layer"][0]["encoding"]["y"]
    assert y["sort"] == ["Autre", "Bois", "Verre", "Cuir"]
