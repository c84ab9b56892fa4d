"""An Alembic configuration that needs no alembic.ini, so the app can upgrade itself."""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config

HERE = Path(__file__).resolve().parent


def alembic_config() -> Config:
    """Alembic settings pointing at this folder's scripts."""
    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    return cfg
