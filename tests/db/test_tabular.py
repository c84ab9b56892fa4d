"""Uploaded files read as tables: encodings, delimiters, Excel, and the files refused."""

from __future__ import annotations

import io
import time
from datetime import date

import pandas as pd
import pytest
from openpyxl import Workbook

from db.errors import ValidationError
from db.tabular import (
    MAX_FILENAME,
    MAX_ROWS,
    annotate,
    clean_filename,
    clean_text,
    header_key,
    read_table,
    records,
)

ROWS = "Prénom;Nom;Commune\nÉloïse;Dupré;Ixelles\nJoël;Van den Brënde;Schaerbeek\n"


def _refused(data: bytes, filename: str = "list.csv") -> str:
    with pytest.raises(ValidationError) as err:
        read_table(data, filename)
    return err.value.errors["file"]


def _xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_each_encoding_reads_the_accents(encoding: str) -> None:
    frame = read_table(ROWS.encode(encoding), "list.csv")
    assert list(frame.columns) == ["Prénom", "Nom", "Commune"]
    assert frame["Prénom"].tolist() == ["Éloïse", "Joël"]
    assert frame.loc[3, "Nom"] == "Van den Brënde"


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_the_delimiter_is_found_on_the_header_line(delimiter: str) -> None:
    text = f'Prénom{delimiter}Nom{delimiter}Notes\nAnne{delimiter}Smet{delimiter}"a; b, c"\n'
    frame = read_table(text.encode(), "list.csv")
    assert frame.to_dict("records") == [{"Prénom": "Anne", "Nom": "Smet", "Notes": "a; b, c"}]


def test_cells_are_strings_and_blanks_stay_empty() -> None:
    frame = read_table(b"Nom;Code postal;Notes\nNA;1000;\nnull;01070;x\n", "list.csv")
    assert frame.to_dict("records") == [{"Nom": "NA", "Code postal": "1000", "Notes": ""},
                                        {"Nom": "null", "Code postal": "01070", "Notes": "x"}]


def test_the_index_is_the_row_number_a_spreadsheet_shows() -> None:
    frame = read_table(b"Nom;Prenom\n\nSmet;Anne\n;\nPeeters;Jan\n", "list.csv")
    assert frame.index.tolist() == [3, 5]  # blank rows are skipped, not renumbered


def test_excel_first_sheet_with_numbers_and_dates() -> None:
    data = _xlsx([["Prénom", "Nom", "Code postal", "Numéro BCE", "Depuis", None],
                  ["Éloïse", "Dupré", 1050, 123456749, date(2024, 3, 5), None],
                  [None, None, None, None, None, None]])
    frame = read_table(data, "Liste.XLSX")
    assert list(frame.columns) == ["Prénom", "Nom", "Code postal", "Numéro BCE", "Depuis"]
    assert frame.to_dict("records") == [{"Prénom": "Éloïse", "Nom": "Dupré",
                                         "Code postal": "1050", "Numéro BCE": "123456749",
                                         "Depuis": "2024-03-05"}]


def test_headers_are_trimmed_and_made_unique() -> None:
    frame = read_table(b" Nom ;Nom;;Pr\xc3\xa9nom\nA;B;C;D\n", "list.csv")
    assert list(frame.columns) == ["Nom", "Nom (2)", "#3", "Prénom"]


@pytest.mark.parametrize(("data", "key"), [
    (b"", "imports.file_empty"),
    (b" \r\n\r\n", "imports.file_empty"),
    ("Prénom;Nom\nÉloïse;Dupré\n".encode("utf-16"), "imports.file_encoding"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "imports.file_encoding"),
    (b"Nom;Prenom\nSmet;\x81\x8d\n", "imports.file_encoding"),  # neither UTF-8 nor cp1252
    (b'Nom;Prenom\n"Smet;Anne\n', "imports.file_unreadable"),  # unclosed quote
    (b"Nom;Prenom\nSmet;Anne;Gand;1000\n", "imports.file_unreadable"),  # more cells than names
    (b"Anne;Smet;anne@example.be\nJan;Peeters;jan@example.be\n", "imports.no_header"),
    (b"PK\x03\x04 not really a workbook", "imports.file_unreadable"),
])
def test_bad_files_are_refused_with_a_reason(data: bytes, key: str) -> None:
    assert _refused(data) == key


def test_a_corrupt_workbook_is_unreadable() -> None:
    data = _xlsx([["Nom"], ["Smet"]])
    assert _refused(data[: len(data) // 2], "list.xlsx") == "imports.file_unreadable"


def test_an_empty_workbook_is_empty() -> None:
    assert _refused(_xlsx([]), "list.xlsx") == "imports.file_empty"


def test_a_50000_row_file_is_refused_quickly() -> None:
    data = ("Prénom;Nom\n" + "Anne;Smet\n" * 50_000).encode()
    started = time.perf_counter()
    assert _refused(data) == "imports.too_many_rows"
    assert time.perf_counter() - started < 2


def test_the_row_limit_itself_is_accepted() -> None:
    frame = read_table(("Nom\n" + "Smet\n" * MAX_ROWS).encode(), "list.csv")
    assert len(frame) == MAX_ROWS


def test_a_file_over_the_size_limit_is_refused() -> None:
    assert _refused(b"Nom\n" + b"x" * (11 * 1024 * 1024)) == "imports.too_large"


def test_a_header_only_file_has_no_rows() -> None:
    frame = read_table(b"Pr\xc3\xa9nom;Nom\n", "list.csv")
    assert list(frame.columns) == ["Prénom", "Nom"] and frame.empty


def test_header_key_ignores_case_accents_and_punctuation() -> None:
    assert header_key(" Numéro d’entreprise ") == "numerodentreprise"
    assert header_key("E-mail") == header_key("email")


def test_annotate_keeps_the_row_number_and_avoids_clashes() -> None:
    frame = read_table(b"row;reason\n1;x\n", "list.csv")
    table = annotate(frame, reason=["k"])
    assert list(table.columns) == ["row", "row (file)", "reason (file)", "reason"]
    assert table.iloc[0].tolist() == [2, "1", "x", "k"]


def test_annotate_renames_until_no_column_clashes() -> None:
    frame = read_table(b"row;row (file);reason;reason (file)\n1;2;3;4\n", "list.csv")
    table = annotate(frame, reason=["k"])
    assert table.columns.is_unique
    assert table.iloc[0].tolist() == [2, "1", "2", "3", "4", "k"]


def test_headers_lose_invisible_characters_and_are_nfc() -> None:
    data = "\ufeff\u200bPre\u0301nom;No\u200dm;E-\u202email\nJean;Dupont;j@d.be\n".encode()
    assert list(read_table(data, "list.csv").columns) == ["Prénom", "Nom", "E-mail"]


@pytest.mark.parametrize(("raw", "clean"), [
    ("a\u200bb", "ab"), (" a\tb\n c ", "a b c"), ("\u2028x\u2029", "x"),
    ("Cafe\u0301", "Café"), ("\u202eevil", "evil"),
])
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_clean_filename_drops_invisibles_and_caps_the_length() -> None:
    assert clean_filename("registre \U0001F468\u200d\U0001F3A8.csv") == \
        "registre \U0001F468\U0001F3A8.csv"
    long = clean_filename("a" * 500 + ".xlsx")
    assert len(long) == MAX_FILENAME and long.endswith("….xlsx")
    assert len(clean_filename("b" * 500)) == MAX_FILENAME


def test_records_reads_any_frame_as_text() -> None:
    frame = pd.DataFrame({"n": [412345614, None], "d": [date(2020, 1, 1), pd.NaT],
                          "f": [1050.0, float("nan")], "s": ["x", pd.NA]})
    assert records(frame) == [{"n": "412345614", "d": "2020-01-01", "f": "1050", "s": "x"},
                              {"n": "", "d": "", "f": "", "s": ""}]
