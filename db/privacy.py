"""Small-cell suppression: no breakdown shown to a partner counts fewer than 5 artisans."""

from __future__ import annotations

import pandas as pd

MIN_CELL = 5


def suppress_small(frame: pd.DataFrame, column: str = "count",
                   threshold: int = MIN_CELL) -> pd.DataFrame:
    """Blank out counts from 1 to threshold-1 (a zero reveals nobody) and flag them."""
    out = frame.copy()
    small = (out[column] > 0) & (out[column] < threshold)
    out["suppressed"] = small
    out[column] = out[column].astype("Int64").mask(small)
    return out
