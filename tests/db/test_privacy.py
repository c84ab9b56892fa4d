"""Small cells are hidden from partners; zeros and cells of 5 or more stay."""

from __future__ import annotations

import pandas as pd

from db.privacy import suppress_small


def test_counts_from_one_to_four_are_suppressed() -> None:
    frame = pd.DataFrame({"sector": list("abcdef"), "count": [0, 1, 4, 5, 120, 7]})
    out = suppress_small(frame)
    assert out["hidden_as"].tolist() == ["", "small", "small", "", "", ""]
    assert out.loc[~out["suppressed"], "count"].tolist() == [0, 5, 120, 7]


def test_a_lone_small_cell_takes_the_next_smallest_with_it() -> None:
    frame = pd.DataFrame({"commune": list("abcd"), "count": [3, 40, 9, 0]})
    out = suppress_small(frame)  # else 3 = total - 40 - 9
    assert out["hidden_as"].tolist() == ["small", "", "masked", ""]
    assert out["count"].isna().tolist() == [True, False, True, False]
