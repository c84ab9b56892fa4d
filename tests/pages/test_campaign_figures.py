"""The campaign figures screen through AppTest: a campaign created, figures entered (and a
refused entry that keeps its values), a correction (and one from an older screen), and the
import of an ad platform's export with its column mapping."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import Engine, func, select
from streamlit.testing.v1 import AppTest

from db import clock
from db.engine import session_scope
from db.models import Campaign, CampaignMetric
from db.queries.campaign_figures import correct_figures, record_figures
from db.queries.campaigns import create_campaign
from tests.conftest import actor, app_as

PAGE = "pages/campaign_figures.py"
STAFF = actor("staff")


@pytest.fixture
def campaign(demo_users: Engine) -> int:
    today = clock.today()
    with session_scope(demo_users) as s:
        return create_campaign(session=s, actor=STAFF, fields={
            "name": "Plus bruxellois *bold*", "slogan": "plus local",
            "starts_on": today - timedelta(days=60), "ends_on": today}).id


def _open(lang: str = "en") -> AppTest:
    at = app_as("staff", lang=lang)
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def _texts(at: AppTest) -> str:
    return " ".join([m.value for m in at.markdown] + [e.value for e in at.error]
                    + [s.value for s in at.success] + [i.value for i in at.info])


def _metric_rows(engine: Engine) -> list[tuple[int | None, int | None]]:
    with session_scope(engine) as s:
        return [tuple(r) for r in s.execute(select(CampaignMetric.impressions,
                                                   CampaignMetric.reach))]  # type: ignore[misc]


def _week(engine: Engine, campaign: int, **figures: int) -> int:
    start = clock.today() - timedelta(days=20)
    with session_scope(engine) as s:
        return record_figures(session=s, actor=STAFF, campaign_id=campaign, fields={
            "channel": "radio", "period_start": start, "period_end": start + timedelta(days=6),
            **figures}).id


def test_a_new_campaign_is_created_and_opened(demo_users: Engine) -> None:
    at = _open(lang="fr")
    assert at.title[0].value == "Chiffres de campagne"
    assert "Aucune campagne" in _texts(at)
    at.text_input(key="campaign_new_name").input("Plus bruxellois 2025")
    at.button(key="campaign_new_save").click().run()
    assert not at.exception, at.exception
    assert "Campagne créée." in _texts(at)
    assert at.selectbox(key="campaign_pick").value is not None
    with session_scope(demo_users) as s:
        assert s.scalar(select(Campaign.created_by)) == "staff"


def test_figures_are_entered_and_listed_per_row(campaign: int) -> None:
    at = _open()
    at.selectbox(key="campaign_enter_channel").set_value("social")
    at.number_input(key="campaign_enter_impressions").set_value(1000)
    at.number_input(key="campaign_enter_reach").set_value(400)
    at.number_input(key="campaign_enter_clicks").set_value(30)
    at.number_input(key="campaign_enter_spend_eur").set_value(50.0)
    at.button(key="campaign_enter_save").click().run()
    assert not at.exception, at.exception
    assert "Figures saved." in _texts(at)
    table = at.dataframe[0].value
    assert table["reach"].tolist() == ["400"] and table["frequency"].tolist() == ["2.50"]
    assert table["ctr"].tolist() == ["3.00 %"] and table["cpm"].tolist() == ["50.00"]
    assert at.number_input(key="campaign_enter_reach").value is None  # ready for the next week


def test_a_refused_entry_keeps_its_values(campaign: int, demo_users: Engine) -> None:
    at = _open()
    at.number_input(key="campaign_enter_impressions").set_value(1000)
    at.number_input(key="campaign_enter_reach").set_value(2000)
    at.button(key="campaign_enter_save").click().run()
    assert "Reach cannot exceed impressions." in _texts(at)
    assert at.number_input(key="campaign_enter_reach").value == 2000
    assert at.number_input(key="campaign_enter_impressions").value == 1000
    assert _metric_rows(demo_users) == []


def test_a_correction_is_saved(campaign: int, demo_users: Engine) -> None:
    _week(demo_users, campaign, impressions=900, reach=300, spots_aired=80)
    at = _open()
    assert at.number_input(key="campaign_fix_reach").value == 300
    at.number_input(key="campaign_fix_reach").set_value(350)
    at.button(key="campaign_fix_save").click().run()
    assert "Correction saved." in _texts(at)
    assert _metric_rows(demo_users) == [(900, 350)]
    at.number_input(key="campaign_fix_reach").set_value(360)  # the new version was loaded
    at.button(key="campaign_fix_save").click().run()
    assert _metric_rows(demo_users) == [(900, 360)]


def test_a_correction_from_an_older_screen_is_refused(campaign: int, demo_users: Engine) -> None:
    metric_id = _week(demo_users, campaign, impressions=900, reach=300)
    at = _open()
    with session_scope(demo_users) as s:  # another adviser, in another tab, first
        row = s.get(CampaignMetric, metric_id)
        assert row is not None
        correct_figures(session=s, actor=actor("manager"), metric_id=metric_id, version=1,
                        fields={"channel": "radio", "period_start": row.period_start,
                                "period_end": row.period_end, "impressions": 900,
                                "reach": 320})
    at.number_input(key="campaign_fix_reach").set_value(350)
    at.button(key="campaign_fix_save").click().run()
    assert "Someone changed this row meanwhile" in _texts(at)
    assert _metric_rows(demo_users) == [(900, 320)]
    at.button(key="campaign_fix_reload_button").click().run()
    assert at.number_input(key="campaign_fix_reach").value == 320


EXPORT = ("Day,Campaign,Impr.,Clicks,Cost,Currency code\n"
          "{d1},Plus bxl,\"1,200\",40,12.50,EUR\n"
          "{d2},Plus bxl,\"1,100\",2000,10.25,EUR\n"
          "Total,,\"2,300\",2040,22.75,\n")


def test_an_export_is_mapped_previewed_and_imported_once(campaign: int,
                                                         demo_users: Engine) -> None:
    d1, d2 = clock.today() - timedelta(days=3), clock.today() - timedelta(days=2)
    data = EXPORT.format(d1=d1.isoformat(), d2=d2.isoformat()).encode()
    at = _open()
    at.selectbox(key="campaign_import_channel").set_value("search").run()
    at.file_uploader(key="import_campaign_file").set_value(("ads.csv", data, "text/csv")).run()
    assert not at.exception, at.exception
    assert at.selectbox(key="campaign_import_impressions").value == "Impr."
    assert at.selectbox(key="campaign_import_spend_eur").value == "Cost"
    assert {m.label: m.value for m in at.metric} == {
        "New": "1", "Changed": "0", "Unchanged": "0", "Rejected": "2"}
    at.radio(key="campaign_import_show").set_value("rejected").run()
    assert at.dataframe[-1].value["Reason"].tolist() == [
        "Clicks cannot exceed impressions.", "A total line: not imported."]
    at.button(key="campaign_import_commit_button").click().run()
    assert not at.exception, at.exception
    assert "Import saved." in _texts(at)
    with session_scope(demo_users) as s:
        saved = s.execute(select(CampaignMetric.channel, CampaignMetric.impressions,
                                 CampaignMetric.spend_eur)).all()
        assert [(c, i, float(e)) for c, i, e in saved] == [("search", 1200, 12.5)]
    assert {m.label: m.value for m in at.metric}["Unchanged"] == "1"  # a second time: nothing
    assert "Nothing new or changed in this file." in _texts(at)
    with session_scope(demo_users) as s:
        assert s.scalar(select(func.count()).select_from(CampaignMetric)) == 1
