"""Cached reads of the targets screen (components.data.read, keyed on the data versions);
partners are refused them by db/reads.py."""

from __future__ import annotations

from datetime import date

import pandas as pd

from components.data import read


def targets(role: str) -> pd.DataFrame:
    """Every target: id, indicator, period_start, period_end, target_value."""
    frame: pd.DataFrame = read("targets_table", role)
    return frame


def target_progress(today: date, role: str) -> pd.DataFrame:
    """Every target with its status, value now, share reached and pace projection."""
    frame: pd.DataFrame = read("target_progress", role, today)
    return frame
