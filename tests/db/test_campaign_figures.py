"""Campaign figures: a channel's figures for a period entered, checked (types, negatives,
contradictions, overlapping periods), corrected without lost updates, audited and versioned;
an ad platform's export previewed, committed all or nothing, and idempotent."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import Engine, func, select

from db import audit
from db.engine import session_scope
from db.errors import ValidationError
from db.models import AuditEntry, CampaignMetric
from db.permissions import PermissionDenied
from db.queries.campaign_figures import correct_figures, record_figures
from db.queries.campaign_import import commit_figures, preview_figures
from db.queries.campaign_lists import campaign_figures, campaigns_overview
from db.queries.campaign_parse import decimal_mark, guess_mapping, parse_number
from db.queries.campaigns import create_campaign
from db.reads import NotDisclosable, run_read
from db.tabular import read_table
from db.versioning import data_versions
from tests.conftest import actor

STAFF, PARTNER = actor("staff"), actor("partner")
TODAY = date(2023, 5, 15)
WEEK = {"channel": "social", "period_start": date(2023, 4, 3), "period_end": date(2023, 4, 9)}


@pytest.fixture
def campaign(demo_users: Engine) -> int:
    with session_scope(demo_users) as s:
        return create_campaign(session=s, actor=STAFF, fields={
            "name": "Plus bruxellois", "slogan": None, "starts_on": date(2023, 4, 3),
            "ends_on": date(2023, 4, 30), "budget_eur": 120000}).id


def enter(engine: Engine, campaign: int, who: Any = STAFF, **figures: Any) -> int:
    fields = WEEK | ({"impressions": 1000, "reach": 400, "clicks": 30, "spend_eur": 50}
                     if not figures else figures)
    with session_scope(engine) as s:
        return record_figures(session=s, actor=who, campaign_id=campaign, fields=fields,
                              today=TODAY).id


def refused(engine: Engine, campaign: int, **figures: Any) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        enter(engine, campaign, **figures)
    return caught.value.errors


def rows(engine: Engine) -> int:
    with session_scope(engine) as s:
        return int(s.scalar(select(func.count()).select_from(CampaignMetric)) or 0)


def test_figures_are_entered_with_their_derived_figures(demo_users: Engine, campaign: int) -> None:
    enter(demo_users, campaign)
    with session_scope(demo_users) as s:
        row = campaign_figures(s, campaign).iloc[0]
    assert (row.impressions, row.reach, row.clicks, Decimal(row.spend_eur)) == (1000, 400, 30, 50)
    assert row.frequency == 2.5 and row.ctr == 0.03
    assert row.cpm == 50.0 and row.cpc == pytest.approx(50 / 30)


def test_reach_is_never_summed_across_periods(demo_users: Engine, campaign: int) -> None:
    enter(demo_users, campaign, impressions=1000, reach=400)
    enter(demo_users, campaign, **WEEK | {"period_start": date(2023, 4, 10),
                                          "period_end": date(2023, 4, 16)},
          impressions=800, reach=300)
    with session_scope(demo_users) as s:
        frame = campaign_figures(s, campaign)
    assert list(frame["reach"]) == [400, 300]  # one row per period, as entered
    assert list(frame["frequency"]) == [2.5, pytest.approx(800 / 300)]


def test_each_campaign_reads_its_own_rows(demo_users: Engine, campaign: int) -> None:
    """The figures' statement is built once, the campaign bound at each read: two campaigns
    read one after the other each get their own rows; the overview counts each one's."""
    with session_scope(demo_users) as s:
        other = create_campaign(session=s, actor=STAFF, fields={
            "name": "Autre", "slogan": None, "starts_on": date(2023, 4, 3),
            "ends_on": date(2023, 4, 30), "budget_eur": None}).id
    enter(demo_users, campaign, impressions=1000, reach=400)
    enter(demo_users, other, impressions=800, reach=300)
    enter(demo_users, other, **WEEK | {"period_start": date(2023, 4, 10),
                                       "period_end": date(2023, 4, 16)}, impressions=600)
    with session_scope(demo_users) as s:
        figures = [list(campaign_figures(s, c)["impressions"]) for c in (campaign, other,
                                                                          campaign)]
        overview = campaigns_overview(s).set_index("name")["rows"].to_dict()
    assert figures == [[1000], [800, 600], [1000]]
    assert overview == {"Plus bruxellois": 1, "Autre": 2}


@pytest.mark.parametrize(("figures", "field", "key"), [
    ({"impressions": -5}, "impressions", "campaign.figure_negative"),
    ({"impressions": "1000"}, "impressions", "form.invalid_value"),
    ({"impressions": True}, "impressions", "form.invalid_value"),
    ({"impressions": 10.5}, "impressions", "campaign.figure_whole"),
    ({"spend_eur": float("nan")}, "spend_eur", "form.invalid_value"),
    ({"impressions": 100, "reach": 101}, "reach", "campaign.reach_over_impressions"),
    ({"impressions": 100, "clicks": 101}, "clicks", "campaign.clicks_over_impressions"),
    ({}, "_form", "campaign.no_figures"),
    ({"impressions": 1, "channel": "tv"}, "channel", "campaign.channel_unknown"),
    ({"impressions": 1, "period_end": date(2023, 4, 1)}, "period_end",
     "campaign.period_end_before_start"),
    ({"impressions": 1, "period_end": date(2023, 6, 1)}, "period_end",
     "campaign.period_in_future"),
    ({"impressions": 1, "period_start": "2023-04-03"}, "period_start", "form.invalid_value"),
    ({"impressions": 1, "colour": "red"}, "colour", "form.invalid_value"),
])
def test_wrong_figures_are_refused_at_their_field(demo_users: Engine, campaign: int,
                                                  figures: dict[str, Any], field: str,
                                                  key: str) -> None:
    with pytest.raises(ValidationError) as caught, session_scope(demo_users) as s:
        record_figures(session=s, actor=STAFF, campaign_id=campaign, fields=WEEK | figures,
                       today=TODAY)
    assert caught.value.errors[field] == key
    assert rows(demo_users) == 0


def test_a_period_overlapping_another_of_the_channel_is_refused(demo_users: Engine,
                                                               campaign: int) -> None:
    enter(demo_users, campaign)
    with pytest.raises(ValidationError) as caught, session_scope(demo_users) as s:
        record_figures(session=s, actor=STAFF, campaign_id=campaign, today=TODAY, fields=WEEK | {
            "period_start": date(2023, 4, 9), "period_end": date(2023, 4, 15),
            "impressions": 10})
    assert caught.value.errors == {"period_start": "campaign.period_overlaps"}
    enter(demo_users, campaign, **WEEK | {"channel": "search"}, impressions=10)  # other channel
    assert rows(demo_users) == 2


def test_an_unknown_campaign_is_refused(demo_users: Engine, campaign: int) -> None:
    assert refused(demo_users, campaign + 1, impressions=1) == {
        "campaign_id": "campaign.campaign_unknown"}


def test_a_partner_may_not_enter_or_list_figures(demo_users: Engine, campaign: int) -> None:
    with pytest.raises(PermissionDenied):
        enter(demo_users, campaign, who=PARTNER)
    with session_scope(demo_users) as s, pytest.raises(NotDisclosable):
        run_read(s, "campaign_figures", "partner", campaign)
    assert rows(demo_users) == 0


def test_an_entry_is_audited_and_bumps_the_campaign_version(demo_users: Engine,
                                                            campaign: int) -> None:
    with session_scope(demo_users) as s:
        before = data_versions(s)["campaign"]
    metric_id = enter(demo_users, campaign)
    with session_scope(demo_users) as s:
        assert data_versions(s)["campaign"] == before + 1
        entry = s.scalars(select(AuditEntry).where(
            AuditEntry.entity == "campaign_metrics")).one()
    assert (entry.username, entry.action, entry.entity_id) == ("staff", "create", str(metric_id))
    assert '"reach": 400' in (entry.after_json or "")


def correct(engine: Engine, metric_id: int, version: int, **changes: Any) -> None:
    with session_scope(engine) as s:
        row = s.get(CampaignMetric, metric_id)
        assert row is not None
        fields = {n: getattr(row, n) for n in ("channel", "period_start", "period_end",
                                                "impressions", "reach", "clicks", "spend_eur",
                                                "flyers_distributed", "poster_faces",
                                                "spots_aired", "grp")}
        correct_figures(session=s, actor=STAFF, metric_id=metric_id, version=version,
                        fields=fields | changes, today=TODAY)


def test_a_correction_is_audited_with_before_and_after(demo_users: Engine, campaign: int) -> None:
    metric_id = enter(demo_users, campaign)
    correct(demo_users, metric_id, 1, reach=450)
    with session_scope(demo_users) as s:
        row = s.get(CampaignMetric, metric_id)
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "update")).one()
    assert row is not None and (row.reach, row.row_version) == (450, 2)
    assert '"reach": 400' in (entry.before_json or "")
    assert '"reach": 450' in (entry.after_json or "")


def test_a_correction_from_an_older_screen_is_refused(demo_users: Engine, campaign: int) -> None:
    metric_id = enter(demo_users, campaign)
    correct(demo_users, metric_id, 1, reach=450)  # another adviser, first
    with pytest.raises(ValidationError) as caught:
        correct(demo_users, metric_id, 1, reach=390)
    assert caught.value.errors == {"_form": "campaign.changed_meanwhile"}
    with session_scope(demo_users) as s:
        assert s.scalar(select(CampaignMetric.reach)) == 450


def test_a_correction_may_not_overlap_another_row(demo_users: Engine, campaign: int) -> None:
    first = enter(demo_users, campaign)
    enter(demo_users, campaign, **WEEK | {"period_start": date(2023, 4, 10),
                                          "period_end": date(2023, 4, 16)}, impressions=5)
    correct(demo_users, first, 1, reach=10)  # its own period is no overlap
    with pytest.raises(ValidationError) as caught:
        correct(demo_users, first, 2, period_end=date(2023, 4, 10))
    assert caught.value.errors == {"period_start": "campaign.period_overlaps"}


def test_a_campaign_name_is_taken_once(demo_users: Engine, campaign: int) -> None:
    with pytest.raises(ValidationError) as caught, session_scope(demo_users) as s:
        create_campaign(session=s, actor=STAFF, fields={
            "name": " plus BRUXELLOIS ", "starts_on": date(2024, 1, 1),
            "ends_on": date(2023, 1, 1), "budget_eur": -1})
    assert caught.value.errors == {"name": "campaign.name_taken",
                                   "ends_on": "campaign.ends_before_start",
                                   "budget_eur": "campaign.figure_negative"}


# --- import of an ad platform's export ---------------------------------------------------

META_FR = ("Début des rapports;Fin des rapports;Nom de la campagne;Couverture;Impressions;"
           "Clics (tous);Montant dépensé (EUR)\n"
           "2023-04-03;2023-04-03;Plus bxl;1.200;3.400;51;12,50\n"
           "2023-04-04;2023-04-04;Plus bxl;1.100;3.000;40;10,25\n")


def frame_of(text: str, name: str = "meta.csv") -> pd.DataFrame:
    return read_table(text.encode("utf-8"), name)


def preview(engine: Engine, campaign: int, text: str = META_FR) -> Any:
    frame = frame_of(text)
    with session_scope(engine) as s:
        return preview_figures(s, campaign, "social", frame, guess_mapping(list(frame.columns)),
                               TODAY)


def commit(engine: Engine, campaign: int, text: str = META_FR) -> Any:
    frame = frame_of(text)
    with session_scope(engine) as s:
        return commit_figures(session=s, actor=STAFF, campaign_id=campaign, channel="social",
                              frame=frame, mapping=guess_mapping(list(frame.columns)),
                              filename="meta.csv", today=TODAY)


def test_export_headers_are_mapped_in_three_languages() -> None:
    assert guess_mapping(["Day", "Impr.", "Clicks", "Cost", "Currency code"]) == {
        "period_start": "Day", "period_end": None, "impressions": "Impr.", "reach": None,
        "clicks": "Clicks", "spend_eur": "Cost", "currency": "Currency code"}
    nl = guess_mapping(["Rapportage starten", "Rapportage beëindigen", "Bereik",
                        "Weergaven", "Klikken (alle)", "Besteed bedrag (EUR)"])
    assert None not in [nl[f] for f in ("period_start", "period_end", "reach", "impressions",
                                        "clicks", "spend_eur")]


def test_decimal_marks_are_read_from_the_column() -> None:
    assert decimal_mark(["1.200", "12,50"]) == ","
    assert decimal_mark(["1,234.5"]) == "."
    assert parse_number("1.234,56 €", ",") == (True, Decimal("1234.56"))
    assert parse_number("1,234.56", ".") == (True, Decimal("1234.56"))
    assert parse_number("—", ".") == (True, None)
    assert parse_number("abc", ".") == (False, None)


def test_an_export_is_previewed_then_committed(demo_users: Engine, campaign: int) -> None:
    shown = preview(demo_users, campaign)
    assert [r.status for r in shown.rows] == ["new", "new"]
    assert shown.rows[0].values["spend_eur"] == Decimal("12.50")
    result = commit(demo_users, campaign)
    assert (result.created, result.changed) == (2, 0)
    with session_scope(demo_users) as s:
        frame = campaign_figures(s, campaign)
        imports = s.scalar(select(func.count()).where(AuditEntry.action == "import"))
    assert list(frame["reach"]) == [1200, 1100] and list(frame["impressions"]) == [3400, 3000]
    assert imports == 1


def test_importing_the_same_file_twice_changes_nothing(demo_users: Engine, campaign: int) -> None:
    commit(demo_users, campaign)
    with session_scope(demo_users) as s:
        audits = s.scalar(select(func.count()).select_from(AuditEntry))
    assert [r.status for r in preview(demo_users, campaign).rows] == ["unchanged"] * 2
    result = commit(demo_users, campaign)
    assert (result.created, result.changed, result.unchanged) == (0, 0, 2)
    with session_scope(demo_users) as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == audits
    assert rows(demo_users) == 2


def test_a_changed_export_updates_the_same_period(demo_users: Engine, campaign: int) -> None:
    commit(demo_users, campaign)
    changed = META_FR.replace("1.100;3.000;40", "1.150;3.050;42")
    assert [r.status for r in preview(demo_users, campaign, changed).rows] == [
        "unchanged", "changed"]
    commit(demo_users, campaign, changed)
    with session_scope(demo_users) as s:
        assert list(campaign_figures(s, campaign)["reach"]) == [1200, 1150]
        assert s.scalar(select(func.max(CampaignMetric.row_version))) == 2


def test_rejected_rows_say_why(demo_users: Engine, campaign: int) -> None:
    enter(demo_users, campaign, **WEEK | {"period_start": date(2023, 4, 5),
                                          "period_end": date(2023, 4, 11)}, impressions=9)
    text = (META_FR + "2023-04-20;2023-04-20;x;500;400;1;1\n"   # reach above impressions
            + "2023-04-21;2023-04-21;x;;abc;1;1\n" + "Total;;;;;;\n"
            + "2023-04-05;2023-04-05;x;1;2;0;0\n")             # overlaps the saved week
    reasons = [(r.status, r.field, r.reason) for r in preview(demo_users, campaign, text).rows]
    assert reasons == [
        ("new", None, None), ("new", None, None),
        ("rejected", "reach", "campaign.reach_over_impressions"),
        ("rejected", "impressions", "campaign.import_not_a_number"),
        ("rejected", "period_start", "campaign.import_total_row"),
        ("rejected", "period_start", "campaign.period_overlaps")]


def test_a_failing_commit_writes_nothing(demo_users: Engine, campaign: int,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    original = audit.record

    def fail_second(*args: Any, **kwargs: Any) -> None:
        calls.append(kwargs["action"])
        if len(calls) == 2:
            raise RuntimeError("disk full")
        original(*args, **kwargs)

    monkeypatch.setattr(audit, "record", fail_second)
    with pytest.raises(RuntimeError):
        commit(demo_users, campaign)
    assert rows(demo_users) == 0
