"""A table as a downloadable file (CSV or Excel), safe to open in a spreadsheet."""

from __future__ import annotations

import io
import re
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from db.clock import BRUSSELS

# A spreadsheet may run a cell starting with these as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


# In a CSV, a spreadsheet set to the other separator starts a new cell after ',' or ';'.
_INNER_START = re.compile(r"([,;])(?=[=+\-@\t\r])")


def defuse(value: Any, inner: bool = False) -> Any:
    """Text a spreadsheet could run as a formula gets a leading apostrophe; with `inner`, also
    after every ',' or ';' that a spreadsheet splitting on it would turn into a cell start."""
    if not isinstance(value, str):
        return value
    if inner:
        value = _INNER_START.sub(r"\1'", value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _safe(frame: pd.DataFrame, inner: bool = False) -> pd.DataFrame:
    """A copy with defused text cells and timezone-aware times as Brussels wall time."""
    safe = frame.copy()
    for name in safe.columns:
        column = safe[name]
        if isinstance(column.dtype, pd.DatetimeTZDtype):
            # Excel has no time zones; the programme's days are Brussels days.
            safe[name] = column.dt.tz_convert(BRUSSELS).dt.tz_localize(None)
        elif column.dtype == object or pd.api.types.is_string_dtype(column.dtype):
            safe[name] = column.map(lambda v: defuse(v, inner))
    safe.columns = [defuse(str(c), inner) for c in safe.columns]
    return safe


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """The table as comma-separated UTF-8 with a byte-order mark.

    Comma, the RFC 4180 separator every BI tool and script reads without being told; the BOM
    makes Excel read UTF-8 (accents intact). Excel in a Belgian locale splits on ';' when a
    CSV is double-clicked, ignoring the quotes of a comma file: so text after a ',' or ';'
    inside a cell is defused as well as the cell's start (Atelier;'=1+1).
    """
    # CRLF as RFC 4180 says; it also makes the writer quote a bare CR inside a cell.
    return _safe(frame, inner=True).to_csv(index=False, lineterminator="\r\n"
                                           ).encode("utf-8-sig")


def _cell(value: Any) -> Any:
    """A value openpyxl writes as data, never as a formula or a character Excel refuses."""
    if value is None or (not isinstance(value, str | list | tuple) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, str):  # stripped first: "\x01=..." must not become a formula
        return defuse(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value.item() if hasattr(value, "item") else value  # numpy scalars


def sheet_title(name: str) -> str:
    """A valid Excel sheet name: no []:*?/\\ and at most 31 characters."""
    return _SHEET_FORBIDDEN.sub(" ", name).strip()[:31] or "Sheet1"


def xlsx_bytes(frame: pd.DataFrame, sheet_name: str) -> bytes:
    """The table as an Excel workbook of one sheet (header row, then one row per record)."""
    safe = _safe(frame)
    workbook = Workbook(write_only=True)  # streams rows: a 100,000-row export stays lean
    sheet = workbook.create_sheet(sheet_title(sheet_name))
    sheet.append([_cell(c) for c in safe.columns])
    for row in safe.itertuples(index=False, name=None):
        sheet.append([_cell(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
