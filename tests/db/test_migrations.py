"""Alembic owns the schema: its head matches the models, and it upgrades from nothing."""

from __future__ import annotations

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
