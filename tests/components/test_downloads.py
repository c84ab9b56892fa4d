"""Downloads: CSV and Excel files that open with accents intact and never run a formula."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from components.downloads import csv_bytes, defuse, sheet_title, xlsx_bytes

FRAME = pd.DataFrame({
    "name": ["Éloïse Dupré", "=HYPERLINK(\"http://x\")", "+32 470 12 34 56", "-2+3", "@SUM(A1)",
             "\tcmd", "\r=1", None],
    "count": [1, -2, 3, 4, 5, 6, 7, 8],
    "day": [date(2025, 1, 2)] * 8,
})
SAFE = ["Éloïse Dupré", "'=HYPERLINK(\"http://x\")", "'+32 470 12 34 56", "'-2+3", "'@SUM(A1)",
        "'\tcmd", "'\r=1"]


def _csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_is_utf8_with_a_bom_and_commas() -> None:
    data = csv_bytes(FRAME)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = _csv_rows(data)
    assert rows[0] == ["name", "count", "day"]
    assert rows[1] == ["Éloïse Dupré", "1", "2025-01-02"]


def test_csv_defuses_formulas_but_keeps_numbers() -> None:
    rows = _csv_rows(csv_bytes(FRAME))
    assert [r[0] for r in rows[1:8]] == SAFE
    assert rows[2][1] == "-2"  # a negative number is data, not text to defuse
    assert rows[8][0] == ""


def test_excel_defuses_formulas_and_keeps_types() -> None:
    sheet = load_workbook(io.BytesIO(xlsx_bytes(FRAME, "Registry"))).active
    assert sheet is not None and sheet.title == "Registry"
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == ("name", "count", "day")
    # XML reads a CR back as a line feed: still no formula.
    assert [v[0] for v in values[1:8]] == [v.replace("\r", "\n") for v in SAFE]
    assert values[8][0] is None and values[2][1] == -2
    assert values[1][2] == datetime(2025, 1, 2)
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_excel_shows_aware_times_in_brussels() -> None:
    frame = pd.DataFrame({"at": pd.to_datetime([datetime(2025, 7, 1, 10, tzinfo=UTC)])})
    sheet = load_workbook(io.BytesIO(xlsx_bytes(frame, "x"))).active
    assert sheet is not None and sheet["A2"].value == datetime(2025, 7, 1, 12)


def test_a_header_cannot_be_a_formula_either() -> None:
    frame = pd.DataFrame({"=1+1": ["a"]})
    assert _csv_rows(csv_bytes(frame))[0] == ["'=1+1"]
    sheet = load_workbook(io.BytesIO(xlsx_bytes(frame, "x"))).active
    assert sheet is not None and sheet["A1"].value == "'=1+1"


def test_an_empty_table_still_has_its_header() -> None:
    frame = pd.DataFrame({"id": pd.Series(dtype=int), "name": pd.Series(dtype=object)})
    assert _csv_rows(csv_bytes(frame)) == [["id", "name"]]
    sheet = load_workbook(io.BytesIO(xlsx_bytes(frame, "x"))).active
    assert sheet is not None and list(sheet.iter_rows(values_only=True)) == [("id", "name")]


@pytest.mark.parametrize(("name", "title"), [("Registre: 2025/11", "Registre  2025 11"),
                                             ("x" * 40, "x" * 31), ("[]", "Sheet1")])
def test_sheet_titles_are_valid(name: str, title: str) -> None:
    assert sheet_title(name) == title


@given(st.text(max_size=30))
def test_no_text_cell_opens_as_a_formula(text: str) -> None:
    frame = pd.DataFrame({"t": [text]})
    sheet = load_workbook(io.BytesIO(xlsx_bytes(frame, "x"))).active
    assert sheet is not None and sheet["A2"].data_type != "f"
    assert _csv_rows(csv_bytes(frame))[1] == [defuse(text, inner=True)]
    assert not defuse(text).startswith(("=", "+", "-", "@", "\t", "\r"))
