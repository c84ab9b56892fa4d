"""The tap's write on the session's connection (issue 7, speed): the same audit trail as an ORM
write, the last check of every flush, a row changed under the tap refused rather than
overwritten, and the counter counted inside the tap's transaction."""

from __future__ import annotations

import json
from datetime import UTC
from typing import Any

import pytest
from sqlalchemy import Engine, event, select

from db.engine import session_scope
from db.errors import ValidationError, WriteConflict
from db.models import Attendance, AuditEntry
from db.queries.checkin import check_in, door_counter, door_counter_as_of
from db.reads import READS
from db.versioning import data_versions
from tests.conftest import actor
from tests.db.test_checkin import EVENING, door  # noqa: F401  (the fixture)

STAFF = actor("staff")
COLUMNS = {c.key for c in Attendance.__table__.columns}


def _audit(artisan_id: int) -> list[AuditEntry]:
    """The audit entries of this artisan's attendances written at the door (not registering)."""
    with session_scope() as s:
        return [a for a in s.scalars(select(AuditEntry).where(
            AuditEntry.entity == "attendances").order_by(AuditEntry.id))
            if json.loads(a.after_json or "{}").get("artisan_id") == artisan_id
            and json.loads(a.after_json or "{}").get("status") == "attended"]


def test_a_registered_artisan_checked_in_is_audited_before_and_after(
        door: dict[str, int]) -> None:  # noqa: F811
    with session_scope() as s:
        check_in(session=s, actor=STAFF, event_id=door["event"], artisan_id=door["Jan"],
                 now=EVENING)
    [entry] = _audit(door["Jan"])
    before, after = json.loads(entry.before_json or ""), json.loads(entry.after_json or "")
    assert (entry.action, entry.username, set(before), set(after)) == (
        "update", "staff", COLUMNS, COLUMNS)
    assert (before["status"], before["checked_in_at"], before["walk_in"]) == (
        "registered", None, False)
    changed = {k: v for k, v in after.items() if before[k] != v}
    assert changed == {"status": "attended", "checked_in_at": EVENING.astimezone(UTC).isoformat(),
                       "checked_in_by": "staff"}  # recorded_by: "staff" registered them too
    assert after["recorded_by"] == "staff"
    assert entry.entity_id == str(after["id"]) == str(before["id"])


def test_a_walk_in_tap_is_audited_as_created_with_its_row_id(door: dict[str, int]) -> None:  # noqa: F811
    with session_scope() as s:
        check_in(session=s, actor=STAFF, event_id=door["event"], artisan_id=door["Marc"],
                 now=EVENING)
    [entry] = _audit(door["Marc"])
    with session_scope() as s:
        row = s.scalars(select(Attendance).where(Attendance.artisan_id == door["Marc"])).one()
    after = json.loads(entry.after_json or "")
    assert (entry.action, entry.before_json, entry.entity_id) == ("create", None, str(row.id))
    assert (after["id"], after["walk_in"], after["status"], after["registered_at"]) == (
        row.id, True, "attended", None)


def test_the_last_check_of_every_write_still_sees_the_tap(door: dict[str, int]) -> None:  # noqa: F811
    # What db.validation checks at every ORM flush, the tap's row checks too: a username longer
    # than the column (authorize() would refuse it first; here the write alone is tried).
    from db.queries import checkin

    with pytest.raises(ValidationError) as refused, session_scope() as s:
        checkin._check_in(s, actor("s" * 41, "staff"), door["event"], door["Jan"], EVENING)
    assert refused.value.errors == {"checked_in_by": "form.too_long",
                                    "recorded_by": "form.too_long"}
    assert _audit(door["Jan"]) == []


def test_a_row_changed_under_the_tap_is_refused_not_overwritten(
        door: dict[str, int], demo_users: Engine) -> None:  # noqa: F811
    # Every attendance writer takes the version's lock first, so this cannot happen today; a
    # writer that one day does not is refused at the tap, never silently overwritten.
    def meddle(_conn: Any, cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().startswith("SELECT events.starts_at"):
            cursor.connection.cursor().execute(
                "UPDATE attendances SET status = 'cancelled' WHERE event_id = "
                f"{door['event']} AND artisan_id = {door['Jan']}")

    event.listen(demo_users, "after_cursor_execute", meddle)
    try:
        with pytest.raises(WriteConflict), session_scope() as s:
            check_in(session=s, actor=STAFF, event_id=door["event"], artisan_id=door["Jan"],
                     now=EVENING)
    finally:
        event.remove(demo_users, "after_cursor_execute", meddle)
    with session_scope() as s:
        row = s.scalars(select(Attendance).where(Attendance.artisan_id == door["Jan"])).one()
    assert (row.status, row.checked_in_at) == ("registered", None) and _audit(door["Jan"]) == []


def test_the_counter_counted_in_the_tap_is_the_counter_after_it(door: dict[str, int]) -> None:  # noqa: F811
    areas = READS["door_counter"].areas
    with session_scope() as s:
        check_in(session=s, actor=STAFF, event_id=door["event"], artisan_id=door["Marc"],
                 now=EVENING)
        figures, versions = door_counter_as_of(s, door["event"], areas)
    with session_scope() as s:
        assert figures == door_counter(s, door["event"])
        now = data_versions(s)
    assert versions == {area: now.get(area, 0) for area in areas}
    assert (figures.attended, figures.registered) == (1, 2)  # a walk-in is not a registration
    with session_scope() as s:
        assert door_counter_as_of(s, 0, areas) == (door_counter(s, 0), {})
