"""The database itself refuses what the rules forbid, whatever code writes to it."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine, insert
from sqlalchemy.exc import IntegrityError

from db import models as m
from seed.common import enterprise_number


def _artisan(**overrides: object) -> dict:
    row = {"first_name": "Lea", "last_name": "Claes", "language": "fr", "source": "other",
           "commune_nis": "21004", "postcode": "1000"}
    return row | overrides


def _write(engine: Engine, model: type[m.Base], *rows: dict) -> None:
    with engine.begin() as conn:
        for row in rows:
            conn.execute(insert(model), row)


def test_enterprise_number_must_pass_mod97(engine: Engine) -> None:
    _write(engine, m.Artisan, _artisan(enterprise_number=enterprise_number(4_123_456)))
    with pytest.raises(IntegrityError):
        _write(engine, m.Artisan, _artisan(enterprise_number="0412345600"))


def test_enterprise_number_is_unique(engine: Engine) -> None:
    number = enterprise_number(4_000_001)
    with pytest.raises(IntegrityError):
        _write(engine, m.Artisan, _artisan(enterprise_number=number),
               _artisan(enterprise_number=number))


def test_email_is_unique_whatever_its_case(engine: Engine) -> None:
    with pytest.raises(IntegrityError):
        _write(engine, m.Artisan, _artisan(email="Lea@Atelier.be"),
               _artisan(email="lea@atelier.be"))


def test_artisans_without_email_do_not_collide(engine: Engine) -> None:
    _write(engine, m.Artisan, _artisan(), _artisan())


def test_postcode_must_belong_to_the_commune(engine: Engine) -> None:
    with pytest.raises(IntegrityError):
        _write(engine, m.Artisan, _artisan(commune_nis="21016", postcode="1000"))


def test_language_and_source_are_closed_lists(engine: Engine) -> None:
    with pytest.raises(IntegrityError):
        _write(engine, m.Artisan, _artisan(language="de"))
    with pytest.raises(IntegrityError):
        _write(engine, m.Artisan, _artisan(source="tv"))


def test_one_attendance_per_event_and_artisan(engine: Engine) -> None:
    _write(engine, m.Artisan, _artisan(id=1))
    _write(engine, m.Event, {"id": 1, "title": "Rencontre", "kind": "networking",
                             "action": "community", "starts_at": datetime.now(UTC)})
    row = {"event_id": 1, "artisan_id": 1, "status": "registered", "recorded_by": "staff",
           "registered_at": datetime.now(UTC)}
    _write(engine, m.Attendance, row)
    with pytest.raises(IntegrityError):
        _write(engine, m.Attendance, row | {"status": "attended",
                                            "checked_in_at": datetime.now(UTC)})


def test_attendance_needs_existing_artisan(engine: Engine) -> None:
    _write(engine, m.Event, {"id": 1, "title": "Rencontre", "kind": "networking",
                             "action": "community", "starts_at": datetime.now(UTC)})
    with pytest.raises(IntegrityError):
        _write(engine, m.Attendance, {"event_id": 1, "artisan_id": 99, "status": "registered",
                                      "recorded_by": "staff"})


def test_campaign_figures_cannot_be_negative(engine: Engine) -> None:
    _write(engine, m.Campaign, {"id": 1, "name": "C", "starts_on": date(2023, 4, 3),
                                "ends_on": date(2023, 4, 30)})
    with pytest.raises(IntegrityError):
        _write(engine, m.CampaignMetric, {"campaign_id": 1, "channel": "radio",
                                          "period_start": date(2023, 4, 3),
                                          "period_end": date(2023, 4, 9), "impressions": -1})


def test_done_follow_up_needs_a_done_date(engine: Engine) -> None:
    _write(engine, m.Artisan, _artisan(id=1))
    _write(engine, m.User, {"id": 1, "username": "u", "display_name": "U", "role": "staff",
                            "password_hash": "x"})
    with pytest.raises(IntegrityError):
        _write(engine, m.FollowUp, {"artisan_id": 1, "owner_user_id": 1, "action": "Call",
                                    "due_on": date(2024, 1, 1), "status": "done"})


def test_label_state_is_a_known_state(engine: Engine) -> None:
    _write(engine, m.Artisan, _artisan(id=1))
    with pytest.raises(IntegrityError):
        _write(engine, m.LabelStep, {"artisan_id": 1, "state": "approved",
                                     "occurred_on": date(2024, 1, 1)})
