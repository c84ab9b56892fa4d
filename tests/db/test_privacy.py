"""Small cells are hidden from partners; zeros and cells of 5 or more stay."""

from __future__ import annotations

import pandas as pd

from db.privacy import suppress_small


def test_counts_from_one_to_four_are_suppressed() -> None:
    frame = pd.DataFrame({"sector": list("abcde"), "count": [0, 1, 4, 5, 120]})
    out = suppress_small(frame)
    assert out["suppressed"].tolist() == [False, True, True, False, False]
    assert out["count"].isna().tolist() == [False, True, True, False, False]
    assert out.loc[~out["suppressed"], "count"].tolist() == [0, 5, 120]
