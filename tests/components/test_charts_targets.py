"""The pure chart builders' targets and sector colours: a target drawn as a labelled rule over
its months, a flow's progress against it, and one colour per craft sector in every language."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from components.chart_colours import SECTOR_COLOURS, sector_colours
from components.charts import breakdown_chart, growth_chart
from components.target_charts import progress_overlay, progress_summary, with_targets
from db.reference import craft_sectors, sector_name

MONTHS = pd.date_range("2024-01-01", "2024-06-01", freq="MS")
TARGETS = pd.DataFrame({"period_start": [date(2024, 1, 1)], "period_end": [date(2024, 12, 31)],
                        "target_value": [1500.0]})


def _contrast(colour: str) -> float:
    """WCAG contrast ratio of a colour against white."""
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    lum = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (lum + 0.05)


def _layers(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Every leaf layer of a chart's spec."""
    found = []
    for layer in spec.get("layer", []):
        found += _layers(layer) if "layer" in layer else [layer]
    return found


def _colours(frame: pd.DataFrame) -> dict[str, str]:
    spec = breakdown_chart(frame, category="sector", category_title="Sector", title="Members",
                           hidden={}, decimal_comma=False)
    scale = next(layer["encoding"]["color"]["scale"] for layer in _layers(spec)
                 if "color" in layer["encoding"])
    return dict(zip(scale["domain"], scale["range"], strict=True))


def test_each_sector_has_one_distinct_colour_legible_on_white() -> None:
    assert set(SECTOR_COLOURS) == {s.code for s in craft_sectors()}
    assert len(set(SECTOR_COLOURS.values())) == len(SECTOR_COLOURS)
    assert all(_contrast(c) >= 3 for c in SECTOR_COLOURS.values())  # WCAG 1.4.11


def test_a_sector_has_the_same_colour_in_every_language() -> None:
    codes = ["wood", "food", "ceramics"]
    counts = {"count": [3, 9, 5]}
    french = _colours(pd.DataFrame({"sector": [sector_name(c, "fr") for c in codes], **counts}))
    english = _colours(pd.DataFrame({"sector": [sector_name(c, "en") for c in codes], **counts}))
    assert list(french.values()) == list(english.values()) == [SECTOR_COLOURS[c] for c in codes]
    assert sector_colours()["Bois"] == sector_colours()["Hout"] == SECTOR_COLOURS["wood"]


def test_a_target_is_drawn_as_a_labelled_rule_on_the_members_axis() -> None:
    growth = pd.DataFrame({"month": MONTHS, "total": range(100, 700, 100), "new": [100] * 6})
    spec = growth_chart(growth, month="Month", total="Members", new="New", hidden={},
                        decimal_comma=True, targets=TARGETS, target_title="Doel")
    rules = [layer for layer in _layers(spec) if layer["mark"]["type"] == "rule"]
    assert len(rules) == 1 and rules[0]["encoding"]["y"]["field"] == "target"
    labels = {label for frame in spec["datasets"].values() if "label" in frame
              for label in frame["label"]}
    assert labels == {"Doel: 1.500"}


def test_no_target_no_rule() -> None:
    growth = pd.DataFrame({"month": MONTHS, "total": range(100, 700, 100), "new": [100] * 6})
    spec = growth_chart(growth, month="Month", total="Members", new="New", hidden={},
                        decimal_comma=False, targets=TARGETS.iloc[:0], target_title="T")
    assert all(layer["mark"]["type"] != "rule" for layer in _layers(spec))


def test_a_flows_progress_is_told_against_its_target() -> None:
    progress = TARGETS.merge(pd.DataFrame({"month": MONTHS, "value": [10, 30, 30, 70, 90, 120]}),
                             how="cross")
    assert progress_overlay(progress.iloc[:0], month="M", title="S", target_title="T",
                            decimal_comma=False) is None
    assert progress_overlay(progress, month="M", title="S", target_title="T",
                            decimal_comma=False) is not None
    sentence = progress_summary(progress, template="{value} by {month} of {target} by {end}.",
                                decimal_comma=False)
    assert sentence == "120 by 06/2024 of 1,500 by 31/12/2024."
    told = with_targets("Chart.", progress, template="Target: {value} from {start} to {end}.",
                        decimal_comma=False)
    assert told == "Chart. Target: 1,500 from 01/01/2024 to 31/12/2024."
