"""The campaign reach dashboard through AppTest: the campaign and period read from and written to
the address, the figures follow a write at once, reach is never summed on screen, and partners
get the media figures as reported with the sign-ups disclosed."""

from __future__ import annotations

import itertools
import json
from datetime import timedelta
from typing import Any

from sqlalchemy import Engine
from streamlit.testing.v1 import AppTest

from components.charts import CHANNEL_COLOURS
from db import clock
from db.engine import session_scope
from db.queries.artisans import create_artisan
from db.queries.campaign_figures import record_figures
from db.queries.campaigns import create_campaign
from tests.conftest import actor
from tests.pages.dash_harness import cards, open_page

STAFF = actor("staff")
NAMES = itertools.count(1)


def _open(role: str = "manager", lang: str = "en", **params: str) -> AppTest:
    return open_page("pages/dash_campaign.py", role, lang, **params)


def _campaign(engine: Engine, name: str = "Plus bruxellois") -> int:
    today = clock.today()
    with session_scope(engine) as s:
        return create_campaign(session=s, actor=STAFF, fields={
            "name": name, "slogan": None, "starts_on": today - timedelta(days=30),
            "ends_on": today, "budget_eur": None}).id


def _figures(engine: Engine, campaign: int, weeks_ago: int, **figures: Any) -> None:
    """A social networks row for the week ending `weeks_ago` weeks before today."""
    end = clock.today() - timedelta(weeks=weeks_ago)
    with session_scope(engine) as s:
        record_figures(session=s, actor=STAFF, campaign_id=campaign, fields={
            "channel": figures.pop("channel", "social"), "period_start": end - timedelta(days=6),
            "period_end": end, **figures})


def _cards(at: AppTest) -> dict[str, str]:
    return cards(at)


def _tables(at: AppTest) -> str:
    return "\n".join(d.value.to_string() for d in at.dataframe)


def _table(at: AppTest, heading: str) -> Any:
    """The one table on screen with that heading."""
    found = [d.value for d in at.dataframe if heading in d.value.columns]
    assert len(found) == 1, heading
    return found[0]


def test_a_shared_link_opens_on_its_campaign(demo_users: Engine) -> None:
    _campaign(demo_users, "Hiver")
    chosen = _campaign(demo_users, "Printemps")
    at = _open(period="plan", campaign=str(chosen))
    assert at.selectbox(key="dash_campaign_pick").value == chosen
    at.selectbox(key="dash_campaign_pick").set_value(None).run()
    assert "campaign" not in at.query_params and at.query_params["period"] == "plan"
    nonsense = _open(campaign="<script>")
    assert nonsense.selectbox(key="dash_campaign_pick").value is None


def test_the_figures_follow_a_write(demo_users: Engine) -> None:
    campaign = _campaign(demo_users)
    at = _open()
    assert _cards(at)["Impressions"] == "0"
    assert "No campaign figures" in " ".join(i.value for i in at.info)
    _figures(demo_users, campaign, 0, impressions=1000, reach=400, clicks=30, spend_eur=50)
    with session_scope(demo_users) as s:
        create_artisan(session=s, actor=STAFF, fields={
            "first_name": "Ana", "last_name": f"Lopez {next(NAMES)}", "source": "campaign"})
    at.run()
    cards = _cards(at)
    assert (cards["Impressions"], cards["Clicks"], cards["Spend (EUR)"]) == ("1,000", "30", "50")
    assert cards["Campaign sign-ups"] == "1"


def test_reach_is_shown_per_row_and_never_summed(demo_users: Engine) -> None:
    campaign = _campaign(demo_users)
    _figures(demo_users, campaign, 0, impressions=3000, reach=1000, clicks=90, spend_eur=150)
    _figures(demo_users, campaign, 1, impressions=1000, reach=400, clicks=0, spend_eur=50)
    at = _open(period="custom", **{"from": (clock.today() - timedelta(days=20)).isoformat(),
                                   "to": clock.today().isoformat()})
    channels = _table(at, "Largest reach of one period")
    rows = _table(at, "Frequency")
    assert channels["Largest reach of one period"].tolist() == ["1,000"]
    assert rows["Reach (unique people)"].tolist() == ["400", "1,000"]
    assert rows["Frequency"].tolist() == ["2.50", "3.00"]
    assert "1,400" not in _tables(at)
    assert channels["CTR"].tolist() == ["2.25 %"] and channels["CPC (EUR)"].tolist() == ["2.22"]


def test_cpc_is_na_without_clicks(demo_users: Engine) -> None:
    campaign = _campaign(demo_users)
    _figures(demo_users, campaign, 0, impressions=500, clicks=0, spend_eur=20)
    channels = _table(_open(), "CPC (EUR)")
    assert channels["CPC (EUR)"].tolist() == ["n/a"] and channels["CPM (EUR)"].tolist() == ["40.00"]


def test_each_channel_keeps_its_colour(demo_users: Engine) -> None:
    campaign = _campaign(demo_users)
    _figures(demo_users, campaign, 0, impressions=500, channel="search")
    _figures(demo_users, campaign, 0, impressions=900, channel="radio")
    at = _open()
    specs = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    ranges = [layer["encoding"]["color"]["scale"]["range"] for spec in specs
              for layer in spec["layer"] if "color" in layer.get("encoding", {})]
    assert ranges and all(r == [CHANNEL_COLOURS["radio"], CHANNEL_COLOURS["search"]]
                          for r in ranges)


