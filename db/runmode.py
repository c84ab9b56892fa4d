"""Run mode: APP_ENV=production turns every demo convenience off (read by app, seed and CLI)."""

from __future__ import annotations

import os


def is_production() -> bool:
    """True when APP_ENV=production."""
    return os.environ.get("APP_ENV", "").strip().lower() == "production"
