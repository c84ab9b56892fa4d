"""Alembic owns the schema: its head matches the models, and it upgrades from nothing."""

from __future__ import annotations

import importlib
import re

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, func, inspect, select

from db.engine import upgrade_to_head
from db.migrations.config import alembic_config
from db.models import Base, Commune, CraftSector, Postcode
from tests.conftest import ROOT


def test_head_matches_the_models(engine: Engine) -> None:
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # Expression indexes are not reflected; test_constraints checks the e-mail one by behaviour.
    assert [d for d in diff if "email_lower" not in str(d)] == []


def test_reference_lists_are_loaded(engine: Engine) -> None:
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Commune)) == 19
        assert conn.scalar(select(func.count()).select_from(Postcode)) == 22
        assert conn.scalar(select(func.count()).select_from(CraftSector)) == 7


def test_downgrade_to_nothing_and_back(engine: Engine) -> None:
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    upgrade_to_head(engine)
    assert "artisans" in inspect(engine).get_table_names()


def test_schema_doc_lists_every_table_and_column() -> None:
    doc = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    documented: dict[str, set[str]] = {}
    table = None
    for line in doc.splitlines():
        if heading := re.match(r"^### `(\w+)`", line):
            table = heading.group(1)
            documented[table] = set()
        elif table and (row := re.match(r"^\| `(\w+)` \|", line)):
            documented[table].add(row.group(1))
    actual = {t.name: {c.name for c in t.columns} for t in Base.metadata.sorted_tables}
    assert documented == actual


def test_an_upgrade_keeps_the_data_of_an_older_schema(engine: Engine) -> None:
    """A database filled under revision 0003 (an artisan with a label step and an attendance)
    upgrades to head with every row kept and the new derived columns filled."""
    from sqlalchemy import text

    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003")
        conn.execute(text(
            "INSERT INTO artisans (id, first_name, last_name, language, source, "
            "consent_contact, consent_newsletter) "
            "VALUES (1, 'Éloïse', 'Dupré', 'fr', 'other', false, false)"))
        conn.execute(text("INSERT INTO label_steps (artisan_id, state, occurred_on) "
                          "VALUES (1, 'informed', '2024-01-10')"))
        conn.execute(text(
            "INSERT INTO events (id, title, kind, action, starts_at) VALUES "
            "(1, 'Rencontre', 'networking', 'community', '2024-02-15 17:00:00+00')"))
        conn.execute(text(
            "INSERT INTO attendances (event_id, artisan_id, status, walk_in, registered_at, "
            "checked_in_at, recorded_by) VALUES (1, 1, 'attended', false, "
            "'2024-02-01 10:00:00+00', '2024-02-15 17:05:00+00', 'staff')"))
    upgrade_to_head(engine)
    with engine.connect() as conn:
        row = conn.execute(text("SELECT name_key, search_text, label_state FROM artisans")).one()
        assert tuple(row) == ("eloise dupre", "eloise dupre", "informed")
        assert conn.scalar(text("SELECT count(*) FROM attendances")) == 1
        assert conn.scalar(text("SELECT count(*) FROM label_steps")) == 1
        assert tuple(conn.execute(text(  # 0013 filled from the attendances as they were
            "SELECT event_id, attended, walk_ins, registrations, no_shows, cancelled "
            "FROM event_counts")).one()) == (1, 1, 0, 1, 0, 0)


def test_the_coaching_upgrade_plans_tracks_and_codes_topics(engine: Engine) -> None:
    """Sessions and follow-ups written under 0005: a known free-text topic becomes its code,
    any other `other` with its text; a track gets its planned sessions, its attendees are
    enrolled and linked to them in order; one beyond the plan becomes an individual session."""
    from sqlalchemy import text

    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005")
        conn.execute(text(
            "INSERT INTO users (id, username, display_name, role, password_hash) "
            "VALUES (1, 'coach', 'Coach', 'staff', 'x')"))
        conn.execute(text(
            "INSERT INTO artisans (id, first_name, last_name, language, source, "
            "consent_contact, consent_newsletter, name_key, search_text) "
            "VALUES (1, 'Éloïse', 'Dupré', 'fr', 'other', false, false, '', '')"))
        conn.execute(text(
            "INSERT INTO coaching_tracks (id, title, starts_on, ends_on, planned_sessions) "
            "VALUES (1, 'Parcours prix', '2024-02-06', '2024-03-05', 2)"))
        for sid, track, day, topic in ((1, 1, "2024-02-06", "Parcours prix – 1"),
                                       (2, 1, "2024-02-20", "Parcours prix – 2"),
                                       (3, 1, "2024-03-05", "Parcours prix – 3"),
                                       (4, None, "2024-04-01", "Prix de revient"),
                                       (5, None, "2024-04-02", "Export")):
            conn.execute(text(
                "INSERT INTO coaching_sessions (id, artisan_id, coach_user_id, track_id, "
                "held_on, duration_min, format, topic) VALUES "
                "(:id, 1, 1, :track, :day, 60, 'office', :topic)"),
                {"id": sid, "track": track, "day": day, "topic": topic})
        conn.execute(text(
            "INSERT INTO follow_ups (artisan_id, session_id, owner_user_id, action, due_on, "
            "status, done_on) VALUES (1, 4, 1, 'Rappeler', '2024-04-10', 'done', "
            "'2024-04-09')"))
    upgrade_to_head(engine)
    with engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT s.id, s.topic, s.topic_other, s.track_id, t.seq FROM coaching_sessions s "
            "LEFT JOIN track_sessions t ON t.id = s.track_session_id ORDER BY s.id")).all()
        assert [tuple(r) for r in rows] == [
            (1, "other", "Parcours prix – 1", 1, 1), (2, "other", "Parcours prix – 2", 1, 2),
            (3, "other", "Parcours prix – 3", None, None), (4, "pricing", None, None, None),
            (5, "other", "Export", None, None)]
        planned = conn.execute(text("SELECT seq, planned_on FROM track_sessions ORDER BY seq"))
        assert [(s, str(d)) for s, d in planned] == [(1, "2024-02-06"), (2, "2024-02-20")]
        assert conn.execute(text("SELECT track_id, artisan_id FROM track_enrolments")
                            ).all() == [(1, 1)]
        assert conn.execute(text("SELECT status, row_version FROM follow_ups")).all() == [
            ("done", 1)]
        assert conn.scalar(text(
            "SELECT version FROM data_versions WHERE area = 'attendance'")) == 0


def test_the_campaign_upgrade_gives_figure_rows_a_version(engine: Engine) -> None:
    """A campaign and a figure row written under 0006 are kept; the row starts at version 1,
    without an author, and a version below 1 is refused."""
    import pytest
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0006")
        conn.execute(text("INSERT INTO campaigns (id, name, starts_on, ends_on) "
                          "VALUES (1, 'Plus bruxellois', '2023-04-03', '2023-04-30')"))
        conn.execute(text(
            "INSERT INTO campaign_metrics (campaign_id, channel, period_start, period_end, "
            "impressions, reach) VALUES (1, 'radio', '2023-04-03', '2023-04-09', 900, 350)"))
    upgrade_to_head(engine)
    with engine.connect() as conn:
        assert conn.execute(text(
            "SELECT impressions, reach, row_version, created_by, updated_at "
            "FROM campaign_metrics")).all() == [(900, 350, 1, None, None)]
        assert conn.scalar(text("SELECT created_by FROM campaigns")) is None
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(text("UPDATE campaign_metrics SET row_version = 0"))


def test_the_read_indexes_come_and_go_with_0008(engine: Engine) -> None:
    """0008 adds the dashboards' read indexes and widens three; its downgrade puts the schema
    back as 0007 had it (0009 goes first: it reads nothing of 0008)."""
    read_indexes = importlib.import_module("db.migrations.versions.0008_read_indexes")

    def columns(table: str, name: str) -> list[str | None] | None:
        return next((i["column_names"] for i in inspect(engine).get_indexes(table)
                     if i["name"] == name), None)

    def check(at_head: bool) -> None:
        for name, table, wanted in read_indexes.INDEXES:
            assert columns(table, name) == (wanted if at_head else None), name
        for name, table, before, after in read_indexes.WIDENED:
            assert columns(table, name) == (after if at_head else before), name

    check(at_head=True)
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0007")
    check(at_head=False)
    upgrade_to_head(engine)
    check(at_head=True)
