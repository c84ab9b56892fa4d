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
