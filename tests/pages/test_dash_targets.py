"""Targets on the dashboards' charts through AppTest: a target a manager sets is drawn on the
chart of its indicator and told in its text alternative, for staff looking at the whole Region
only; and each craft sector keeps one colour from page to page."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine, delete
from streamlit.testing.v1 import AppTest

from components.chart_colours import SECTOR_COLOURS, sector_colours
from db.engine import session_scope
from db.models import KpiTarget
from db.queries.targets import set_target
from tests.conftest import actor
from tests.pages.dash_harness import open_page

PLAN = {"period": "plan"}  # the seeded data's busy years, 2023-2024
# page, indicator, target, the target as its chart labels it (English)
DRAWN = [
    ("pages/dash_community.py", "community_members", 4321, "Target: 4,321"),
    ("pages/dash_label.py", "certified_artisans", 153, "Target: 153"),
    ("pages/dash_coaching.py", "coaching_sessions", 987, "Target: 987"),
    ("pages/dash_coaching.py", "artisans_coached", 321, "Target: 321"),
    ("pages/dash_campaign.py", "campaign_impressions", 1234567, "Target: 1,234,567"),
]


def _target(engine: Engine, indicator: str, value: int) -> None:
    """The manager's target of an indicator for 2024, in place of the seeded ones."""
    with session_scope(engine) as s:
        s.execute(delete(KpiTarget).where(KpiTarget.indicator == indicator))
        set_target(session=s, actor=actor("manager"), indicator=indicator,
                   period_start=date(2024, 1, 1), period_end=date(2024, 12, 31),
                   target_value=value, seen=None)


def _drawn(at: AppTest) -> bytes:
    """The rows of every chart on screen (Arrow bytes, where text stays plain UTF-8)."""
    return b"".join(d.data.data for c in at.get("vega_lite_chart") for d in c.proto.datasets)


def _described(at: AppTest) -> str:
    """Every chart's text alternative (its description), as screen readers get it."""
    return " ".join(json.loads(c.proto.spec).get("description", "")
                    for c in at.get("vega_lite_chart"))


@pytest.mark.parametrize(("page", "indicator", "value", "label"), DRAWN)
def test_a_managers_target_is_drawn_and_described(seeded: Engine, page: str, indicator: str,
                                                  value: int, label: str) -> None:
    _target(seeded, indicator, value)
    at = open_page(page, "manager", "en", **PLAN)
    assert label.encode() in _drawn(at)
    assert f"{label} from 01/01/2024 to 31/12/2024." in _described(at)


@pytest.mark.parametrize(("page", "indicator", "value", "label"), DRAWN)
def test_a_target_is_not_drawn_over_one_commune(seeded: Engine, page: str, indicator: str,
                                                value: int, label: str) -> None:
    _target(seeded, indicator, value)
    at = open_page(page, "manager", "en", commune="21004", **PLAN)
    assert at.get("vega_lite_chart")
    assert b"Target" not in _drawn(at)
    assert "Target" not in _described(at)


def test_the_overview_draws_the_members_target_for_staff_only(seeded: Engine) -> None:
    _target(seeded, "community_members", 4321)
    staff = open_page("pages/overview.py", "staff", "en")
    assert b"Target: 4,321" in _drawn(staff)
    assert "Target: 4,321 from 01/01/2024 to 31/12/2024." in _described(staff)
    partner = open_page("pages/overview.py", "partner", "en")
    assert b"Target" not in _drawn(partner) and "Target" not in _described(partner)


def test_the_target_speaks_the_readers_language(seeded: Engine) -> None:
    _target(seeded, "community_members", 4321)
    at = open_page("pages/dash_community.py", "manager", "fr", **PLAN)
    assert "Objectif : 4.321 du 01/01/2024 au 31/12/2024." in _described(at)


def _sector_colours(at: AppTest) -> dict[str, str]:
    """Each sector's colour on the page's charts, by the sector's name."""
    found: dict[str, str] = {}
    for chart in at.get("vega_lite_chart"):
        for layer in json.loads(chart.proto.spec).get("layer", []):
            colour: dict[str, Any] = layer.get("encoding", {}).get("color", {})
            if colour.get("field") == "sector":
                scale = colour["scale"]
                found.update(zip(scale["domain"], scale["range"], strict=True))
    return found


def test_a_sector_keeps_its_colour_from_page_to_page(seeded: Engine) -> None:
    community = _sector_colours(open_page("pages/dash_community.py", "manager", "fr", **PLAN))
    overview = _sector_colours(open_page("pages/overview.py", "manager", "fr"))
    label = _sector_colours(open_page("pages/dash_label.py", "manager", "fr", **PLAN))
    shared = community.keys() & overview.keys() & label.keys()
    assert len(shared) >= 3, (community, overview, label)
    for name in shared:
        assert community[name] == overview[name] == label[name] == sector_colours()[name]
    assert len(set(community.values())) == len(community)  # one colour per sector
    assert set(community.values()) <= set(SECTOR_COLOURS.values())
