"""Small-cell suppression: no breakdown shown to a partner counts fewer than 5 artisans."""

from __future__ import annotations

import pandas as pd

MIN_CELL = 5


def suppress_small(frame: pd.DataFrame, column: str = "count",
                   threshold: int = MIN_CELL) -> pd.DataFrame:
    """Hide counts from 1 to threshold-1 (a zero reveals nobody) and flag them `small`.

    The total is shown elsewhere (e.g. members to date), so one hidden cell could be worked
    out by subtraction: when exactly one is small, the smallest other non-zero cell is hidden
    too and flagged `masked`."""
    out = frame.copy()
    small = (out[column] > 0) & (out[column] < threshold)
    masked = pd.Series(False, index=out.index)
    if small.sum() == 1:
        others = out.loc[~small & (out[column] > 0), column]
        if not others.empty:
            masked = pd.Series(out.index == others.idxmin(), index=out.index)
    out["suppressed"] = small | masked
    out["hidden_as"] = pd.Series("", index=out.index).mask(small, "small").mask(masked, "masked")
    out[column] = out[column].astype("Int64").mask(out["suppressed"])
    return out
