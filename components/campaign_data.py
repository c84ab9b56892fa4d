"""Cached reads of the campaign figures screen, keyed on the data versions like every read
(components.data.read); partners are refused them by db/reads.py."""

from __future__ import annotations

import pandas as pd

from components.data import read


def campaigns(role: str) -> pd.DataFrame:
    """Every campaign, newest first, with its number of figure rows."""
    frame: pd.DataFrame = read("campaigns", role)
    return frame


def campaign_figures(campaign_id: int, role: str) -> pd.DataFrame:
    """One campaign's figure rows (channel and period), each with its derived figures."""
    frame: pd.DataFrame = read("campaign_figures", role, campaign_id)
    return frame
