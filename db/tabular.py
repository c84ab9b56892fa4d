"""Uploaded spreadsheets read as tables of strings: CSV (UTF-8 or Windows-1252, ; or , or tab)
or Excel .xlsx, with the limits and the message keys of what is wrong with a file."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, time
from typing import Any, cast

import pandas as pd

from db.errors import ValidationError
from db.validation import FORBIDDEN_CATEGORIES

MAX_ROWS = 20_000
MAX_BYTES = 10 * 1024 * 1024
MAX_COLUMNS = 200
MAX_FILENAME = 120  # a file name is shown, audited and put in label steps' notes
DELIMITERS = (";", ",", "\t")
# Bytes no text file holds (NUL, other C0 controls): UTF-16, images, zips read as CSV.
_BINARY = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# A header cell that is a value (a number, a date, an e-mail address): the file has no header.
_VALUE = re.compile(r"(?=.*\d)[\d\s.,/+\-:]+|.*@.*")


def _refuse(key: str) -> ValidationError:
    return ValidationError({"file": key})


def header_key(name: str) -> str:
    """A header compared loosely: 'Numéro d’entreprise ' -> 'numerodentreprise'."""
    bare = unicodedata.normalize("NFKD", name)
    return "".join(c for c in bare.casefold() if c.isalnum() and c.isascii())


def _visible(c: str) -> str:
    """A character as kept: invisible ones dropped ('Pré\u200bnom' is 'Prénom'), controls and
    line breaks as a space."""
    kind = unicodedata.category(c)
    return c if kind not in FORBIDDEN_CATEGORIES else "" if kind in ("Cf", "Cs") else " "


def clean_text(value: str) -> str:
    """Text from a file as we store it: NFC, without the characters every flush refuses
    (zero-width, BOM, bidi marks, controls), spaces collapsed."""
    return " ".join("".join(map(_visible, unicodedata.normalize("NFC", value))).split())


def clean_filename(name: str) -> str:
    """An uploaded file's name as clean_text, cut to MAX_FILENAME keeping its extension."""
    text = clean_text(name)
    stem, _, ext = text.rpartition(".")
    if len(text) <= MAX_FILENAME or not stem or len(ext) > 10:
        return text[:MAX_FILENAME]
    return f"{stem[:MAX_FILENAME - len(ext) - 2]}….{ext}"


def _decode(data: bytes) -> str:
    if _BINARY.search(data):
        raise _refuse("imports.file_encoding")
    for encoding in ("utf-8-sig", "cp1252"):  # utf-8-sig also reads UTF-8 without a BOM
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _refuse("imports.file_encoding")


def _delimiter(text: str) -> str:
    """The delimiter found most often on the header line (Excel writes ; in Belgium)."""
    line = text.lstrip("\r\n").split("\n", 1)[0]
    return max(DELIMITERS, key=line.count)


def _csv_rows(data: bytes) -> Iterator[list[str]]:
    text = _decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    try:
        yield from reader
    except csv.Error:  # an unclosed quote, a stray quote after a quoted field, a huge field
        raise _refuse("imports.file_unreadable") from None


def _cell(value: Any) -> str:
    """A cell as text: blank for None, NaN and NaT; whole numbers without '.0'; ISO dates."""
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 1000.0 typed as a postcode is 1000
    return str(value)


def _xlsx_rows(data: bytes) -> Iterator[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # not a zip, not a workbook, a corrupt part: all "unreadable"
        raise _refuse("imports.file_unreadable") from None
    try:
        if not book.worksheets:
            return
        for row in book.worksheets[0].iter_rows(values_only=True):
            yield [_cell(v) for v in row]
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise _refuse("imports.file_unreadable") from None
    finally:
        book.close()


def _headers(cells: list[str]) -> list[str]:
    """Unique names: a blank one becomes '#<position>', a repeated one gets ' (2)'."""
    names: list[str] = []
    for position, cell in enumerate(cells, start=1):
        name = cell or f"#{position}"
        base, n = name, 1
        while name in names:
            n += 1
            name = f"{base} ({n})"
        names.append(name)
    return names


def _collect(rows: Iterable[list[str]]) -> tuple[list[str], list[list[str]], list[int]]:
    """The header, the non-blank data rows (trimmed, padded) and their row numbers."""
    header: list[str] | None = None
    body: list[list[str]] = []
    numbers: list[int] = []
    for number, raw in enumerate(rows, start=1):
        cells = [c.strip() for c in raw]
        if not any(cells):
            continue
        if header is None:
            header = cells
            continue
        if len(cells) > len(header) and any(cells[len(header):]):
            raise _refuse("imports.file_unreadable")  # more values than columns
        if len(body) == MAX_ROWS:
            raise _refuse("imports.too_many_rows")  # stops reading here: the rest is not parsed
        body.append(cells[:len(header)] + [""] * (len(header) - len(cells)))
        numbers.append(number)
    if header is None:
        raise _refuse("imports.file_empty")
    return header, body, numbers


def _drop_blank_columns(frame: pd.DataFrame, header: list[str]) -> pd.DataFrame:
    """Columns without a name or any value (an Excel sheet's formatted but empty columns)."""
    keep = [name for name, cell in zip(frame.columns, header, strict=True)
            if cell or frame[name].str.len().sum() > 0]
    return frame[keep]


def read_table(data: bytes, filename: str) -> pd.DataFrame:
    """The first sheet of an .xlsx file, or a CSV file, as strings (blank cells are ''),
    indexed by the row number a spreadsheet shows (the header is row 1); raises
    ValidationError({"file": key}) for an empty, too large, unreadable or header-less file."""
    if not data.strip():
        raise _refuse("imports.file_empty")
    if len(data) > MAX_BYTES:
        raise _refuse("imports.too_large")
    xlsx = data.startswith(b"PK\x03\x04") or filename.lower().endswith(".xlsx")
    raw, body, numbers = _collect(_xlsx_rows(data) if xlsx else _csv_rows(data))
    header = [clean_text(cell) for cell in raw]  # names reach the audit log: none invisible
    if len(header) > MAX_COLUMNS:
        raise _refuse("imports.file_unreadable")
    if any(cell and _VALUE.fullmatch(cell) for cell in header):
        raise _refuse("imports.no_header")
    names = _headers(header)
    frame = pd.DataFrame(body, columns=names, dtype=str,
                         index=pd.Index(numbers, name="row", dtype="int64"))
    return _drop_blank_columns(frame, header)


def chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    """Consecutive slices of at most `size` items (for INSERTs and IN lists)."""
    return (items[i:i + size] for i in range(0, len(items), size))


def annotate(frame: pd.DataFrame, **columns: Sequence[Any]) -> pd.DataFrame:
    """Rows of a read_table frame as a table: `row` (its number in the file), the file's
    columns, then the given ones; a file column named like one of these gets ' (file)'."""
    taken, renamed = {"row", *columns, *frame.columns}, {}
    for column in (c for c in frame.columns if c == "row" or c in columns):
        renamed[column] = f"{column} (file)"
        while renamed[column] in taken:  # the file may have 'row (file)' too
            renamed[column] += " (file)"
        taken.add(renamed[column])
    out = frame.rename(columns=renamed)
    for name, values in columns.items():
        out[name] = list(values)
    out.insert(0, "row", list(frame.index))
    return out.reset_index(drop=True)


def records(frame: pd.DataFrame) -> list[dict[str, str]]:
    """The rows of a frame as dicts of header -> text: a frame not from read_table (numbers,
    dates, None or NaN cells) reads as read_table would read it from an Excel sheet."""
    rows = cast(list[dict[str, Any]], frame.to_dict("records"))
    return [{header: v if isinstance(v, str) else _cell(v) for header, v in row.items()}
            for row in rows]
