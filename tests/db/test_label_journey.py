"""Recording label steps: the journey's transitions, dates, notes, rights, audit and history."""

from __future__ import annotations

import json
import threading
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from db import clock
from db.engine import run_write, session_scope
from db.errors import ValidationError
from db.models import Artisan, AuditEntry, LabelStep
from db.permissions import PermissionDenied
from db.queries.artisans import create_artisan
from db.queries.erasure import erase_artisan
from db.queries.label import label_history, next_states, record_label_step
from db.versioning import data_versions
from db.vocab import LABEL_STATES
from tests.conftest import actor

STAFF = actor("staff")


@pytest.fixture
def artisan_id(demo_users: Engine) -> int:
    with session_scope(demo_users) as s:
        return create_artisan(session=s, actor=STAFF,
                              fields={"first_name": "Lise", "last_name": "Verbeke"}).id


def _record(engine: Engine, artisan: int, state: str, day: date, note: str | None = None,
            who: str = "staff") -> None:
    with session_scope(engine) as s:
        record_label_step(session=s, actor=actor(who), artisan_id=artisan, state=state,
                          occurred_on=day, note=note)


def _refused(engine: Engine, artisan: int, state: str, day: date,
             note: str | None = None) -> dict[str, str]:
    with pytest.raises(ValidationError) as err:
        _record(engine, artisan, state, day, note)
    return err.value.errors


def _journey(engine: Engine, artisan: int, *steps: tuple[str, date]) -> None:
    for state, day in steps:
        _record(engine, artisan, state, day)


def test_a_step_becomes_the_registry_state_and_is_audited(demo_users: Engine,
                                                          artisan_id: int) -> None:
    before = _versions(demo_users)
    _record(demo_users, artisan_id, "informed", date(2024, 3, 5), "Salon de mars")
    with session_scope(demo_users) as s:
        artisan = s.get(Artisan, artisan_id)
        assert artisan and (artisan.label_state, artisan.label_state_on) == (
            "informed", date(2024, 3, 5))
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert entry and (entry.entity, entry.action, entry.username) == (
            "label_steps", "create", "staff")
        assert json.loads(entry.after_json or "{}")["note"] == "Salon de mars"
    after = _versions(demo_users)
    assert after["label"] > before["label"] and after["artisans"] > before["artisans"]


def _versions(engine: Engine) -> dict[str, int]:
    with session_scope(engine) as s:
        return data_versions(s)


def test_the_journey_runs_to_a_decision_and_an_appeal(demo_users: Engine,
                                                      artisan_id: int) -> None:
    _journey(demo_users, artisan_id, ("informed", date(2023, 2, 1)),
             ("interested", date(2023, 3, 1)), ("file_in_preparation", date(2023, 4, 1)),
             ("submitted", date(2023, 5, 1)), ("refused", date(2023, 7, 1)),
             ("submitted", date(2023, 7, 1)), ("certified", date(2023, 9, 1)))
    with session_scope(demo_users) as s:
        history = label_history(s, artisan_id)
    assert history["state"].tolist()[-3:] == ["refused", "submitted", "certified"]
    assert list(history.columns) == ["id", "state", "occurred_on", "note", "recorded_by"]
    assert set(history["recorded_by"]) == {"staff"}


@pytest.mark.parametrize(("steps", "state"), [
    ((), "certified"),  # a decision needs a file
    ((("informed", date(2023, 2, 1)),), "submitted"),  # interest and file come first
    ((("submitted", date(2023, 2, 1)), ("certified", date(2023, 4, 1))), "refused"),
    ((("submitted", date(2023, 2, 1)),), "informed"),
])
def test_a_step_must_follow_the_journey(demo_users: Engine, artisan_id: int,
                                        steps: tuple[tuple[str, date], ...], state: str) -> None:
    _journey(demo_users, artisan_id, *steps)
    assert _refused(demo_users, artisan_id, state, date(2024, 1, 1)) == {
        "state": "label.transition_invalid"}


def test_a_label_lapses_after_six_years(demo_users: Engine, artisan_id: int) -> None:
    _journey(demo_users, artisan_id, ("submitted", date(2017, 1, 2)),
             ("certified", date(2017, 3, 1)))
    _record(demo_users, artisan_id, "expired", date(2023, 3, 1))  # the lapse, recorded late
    _record(demo_users, artisan_id, "submitted", date(2024, 1, 8))  # a new file
    assert _refused(demo_users, artisan_id, "expired", date(2024, 2, 1)) == {
        "state": "label.transition_invalid"}


def test_unknown_states_are_refused(demo_users: Engine, artisan_id: int) -> None:
    assert _refused(demo_users, artisan_id, "approved", date(2024, 1, 1)) == {
        "state": "label.state_unknown"}


@pytest.mark.parametrize(("state", "day", "key"), [
    ("informed", clock.today() + timedelta(days=1), "label.date_in_future"),
    ("submitted", date(2016, 5, 31), "label.date_out_of_range"),  # before the law applied
    ("informed", date(2014, 3, 18), "label.date_out_of_range"),  # before the law
    ("interested", date(2023, 12, 31), "label.date_before_latest"),
])
def test_dates_are_checked(demo_users: Engine, artisan_id: int, state: str, day: date,
                           key: str) -> None:
    if state == "interested":
        _record(demo_users, artisan_id, "informed", date(2024, 1, 1))
    assert _refused(demo_users, artisan_id, state, day) == {"occurred_on": key}


@pytest.mark.parametrize(("note", "key"), [("x" * 2001, "form.too_long"),
                                           ("ok\x00", "form.control_characters")])
def test_notes_are_checked(demo_users: Engine, artisan_id: int, note: str, key: str) -> None:
    assert _refused(demo_users, artisan_id, "informed", date(2024, 1, 1), note) == {
        "note": key}


def test_a_multiline_note_is_kept(demo_users: Engine, artisan_id: int) -> None:
    _record(demo_users, artisan_id, "informed", date(2024, 1, 1), "  Ligne 1\nLigne 2  ")
    with session_scope(demo_users) as s:
        assert label_history(s, artisan_id)["note"].tolist() == ["Ligne 1\nLigne 2"]


def test_missing_and_erased_artisans_are_not_found(demo_users: Engine,
                                                   artisan_id: int) -> None:
    assert _refused(demo_users, 999, "informed", date(2024, 1, 1)) == {
        "_form": "artisans.not_found"}
    with session_scope(demo_users) as s:
        erase_artisan(session=s, actor=actor("admin"), artisan_id=artisan_id)
    assert _refused(demo_users, artisan_id, "informed", date(2024, 1, 1)) == {
        "_form": "artisans.not_found"}


@pytest.mark.parametrize(("values", "errors"), [
    ({"occurred_on": None}, {"occurred_on": "form.required"}),
    ({"occurred_on": "2024-01-01"}, {"occurred_on": "label.date_invalid"}),
    ({"occurred_on": datetime(2024, 1, 1, 12)}, {"occurred_on": "label.date_invalid"}),
    ({"note": 5}, {"note": "label.note_invalid"}),
    ({"state": ["informed"]}, {"state": "label.state_unknown"}),
], ids=["day-none", "day-text", "day-datetime", "note-int", "state-list"])
def test_values_of_the_wrong_type_are_refused(demo_users: Engine, artisan_id: int,
                                              values: dict[str, Any],
                                              errors: dict[str, str]) -> None:
    kwargs: dict[str, Any] = {"state": "informed", "occurred_on": date(2024, 1, 1), **values}
    with pytest.raises(ValidationError) as err, session_scope(demo_users) as s:
        record_label_step(session=s, actor=STAFF, artisan_id=artisan_id, **kwargs)
    assert err.value.errors == errors


@pytest.mark.parametrize("bad_id", [0, -1, 2**31, 2**63, True, "1"])
def test_impossible_ids_are_not_found(demo_users: Engine, bad_id: Any) -> None:
    assert _refused(demo_users, bad_id, "informed", date(2024, 1, 1)) == {
        "_form": "artisans.not_found"}


def test_partners_record_nothing(demo_users: Engine, artisan_id: int) -> None:
    with pytest.raises(PermissionDenied):
        _record(demo_users, artisan_id, "informed", date(2024, 1, 1), who="partner")


def test_next_states_follow_the_journey_order() -> None:
    assert next_states(None) == LABEL_STATES[:5]
    assert next_states("submitted") == ("certified", "refused")
    assert next_states("certified") == ("submitted", "expired")
    assert next_states("refused") == ("submitted",)


def test_two_advisers_recording_at_once_are_serialised(demo_users: Engine,
                                                       artisan_id: int) -> None:
    """Both see no step yet; the second to write must see the first's and be refused."""
    start = threading.Barrier(2)
    outcomes: list[BaseException | None] = [None, None]

    def adviser(i: int) -> None:
        def unit() -> None:
            with session_scope(demo_users) as s:
                record_label_step(session=s, actor=STAFF, artisan_id=artisan_id,
                                  state="informed", occurred_on=date(2024, 1, 1))
        start.wait()
        try:
            run_write(unit)
        except BaseException as exc:  # noqa: B036 - the outcome is what the test checks
            outcomes[i] = exc

    threads = [threading.Thread(target=adviser, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sum(o is None for o in outcomes) == 1, outcomes
    with session_scope(demo_users) as s:
        assert _steps(s, artisan_id) == 1


def _steps(s: Session, artisan_id: int) -> int:
    return int(s.scalar(select(func.count()).where(LabelStep.artisan_id == artisan_id)) or 0)


def test_every_state_and_message_key_is_translated() -> None:
    from components.messages_label import LABEL_MESSAGES

    emitted = {"label.state_unknown", "label.transition_invalid", "label.date_in_future",
               "label.date_out_of_range", "label.date_before_latest", "label.step_exists",
               "label.date_invalid", "label.note_invalid"}
    for key in emitted | {f"label_state.{s}" for s in LABEL_STATES}:
        assert set(LABEL_MESSAGES[key]) == {"fr", "nl", "en"}
        assert all(text and "{" not in text for text in LABEL_MESSAGES[key].values())
    assert "gecertificeerd" not in str(LABEL_MESSAGES).lower()


def test_the_same_step_twice_on_one_day_is_refused(demo_users: Engine, artisan_id: int) -> None:
    _journey(demo_users, artisan_id, ("submitted", date(2024, 1, 8)),
             ("refused", date(2024, 1, 8)))
    assert _refused(demo_users, artisan_id, "submitted", date(2024, 1, 8)) == {
        "occurred_on": "label.step_exists"}
