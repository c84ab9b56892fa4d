"""Counts as the charts and their tables show them: the language's thousands separator, the
same text whether a column holds integers (the fast path: staff's per-event counts) or floats
with gaps and hidden cells (partners' disclosed counts)."""

from __future__ import annotations

import pandas as pd
import pytest

from components.charts import _shown, chart_table

COUNTS = [-1234, -1000, -999, 0, 7, 999, 1000, 12345, 1234567]


@pytest.mark.parametrize(("decimal_comma", "expected"), [
    (True, ["-1.234", "-1.000", "-999", "0", "7", "999", "1.000", "12.345", "1.234.567"]),
    (False, ["-1,234", "-1,000", "-999", "0", "7", "999", "1,000", "12,345", "1,234,567"]),
])
def test_counts_take_the_languages_thousands_separator(decimal_comma: bool,
                                                       expected: list[str]) -> None:
    integers = pd.DataFrame({"count": pd.Series(COUNTS, dtype="int64")})
    floats = pd.DataFrame({"count": pd.Series(COUNTS, dtype="float64")})
    values, text = _shown(integers, "count", {}, decimal_comma)
    assert text.tolist() == expected
    assert values.tolist() == [float(n) for n in COUNTS]
    assert _shown(floats, "count", {}, decimal_comma)[1].tolist() == expected


def test_a_hidden_or_missing_count_is_its_label_or_blank_beside_shown_ones() -> None:
    frame = pd.DataFrame({"count": [None, 1500.0, None],
                          "count_hidden": ["small", "", ""]})
    values, text = _shown(frame, "count", {"small": "< 5"}, True)
    assert text.tolist() == ["< 5", "1.500", ""]
    assert values.isna().tolist() == [True, False, True]
    table = chart_table(frame.assign(name=["a", "b", "c"]), {"name": "Nom", "count": "N"},
                        {"small": "< 5"}, True)
    assert table["N"].tolist() == ["< 5", "1.500", ""]
