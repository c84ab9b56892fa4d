"""Ad platforms' exports as they are written: their column names in FR, NL and EN (Meta Ads,
Google Ads), figures as '1.234,56' or '1,234.56' or '€ 12,50' (the decimal mark read from the
whole file), days as '2023-04-03' or '03/04/2023'."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal, InvalidOperation

from db.tabular import header_key

IMPORT_FIELDS = ("period_start", "period_end", "impressions", "reach", "clicks", "spend_eur",
                 "currency")
SYNONYMS: dict[str, tuple[str, ...]] = {
    "period_start": ("day", "date", "reportingstarts", "startdate", "start", "jour",
                     "debutdesrapports", "debut", "datededebut", "dag", "datum",
                     "rapportagestarten", "startdatum", "begindatum"),
    "period_end": ("reportingends", "enddate", "end", "findesrapports", "fin", "datedefin",
                   "rapportagebeeindigen", "einddatum", "einde"),
    "impressions": ("impressions", "impr", "impressies", "vertoningen", "weergaven"),
    "reach": ("reach", "couverture", "portee", "bereik"),
    "clicks": ("clicksall", "clicks", "clicstous", "clics", "klikkenalle", "klikken",
               "linkclicks", "clicssurunlien", "linkklikken"),
    "spend_eur": ("amountspenteur", "amountspent", "cost", "spend", "montantdepenseeur",
                  "montantdepense", "cout", "couts", "depenses", "besteedbedrageur",
                  "besteedbedrag", "kosten", "uitgaven"),
    "currency": ("currency", "currencycode", "devise", "codedevise", "valuta", "valutacode"),
}

# Currency signs and codes, spaces (also the thin and no-break ones), apostrophe thousands.
_NOISE = re.compile(r"[\s\u00a0\u202f€$£'’]|eur\b", re.IGNORECASE)
_BLANK = frozenset({"", "-", "–", "—", "n/a", "na", "--"})  # "no figure" in exports
_ONE_MARK = re.compile(r"-?\d*([.,])(\d*)")
_GROUPED = re.compile(r"-?\d{1,3}([.,]\d{3})+")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T][\d:.]+)?")
_EUROPEAN = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def _bare(cell: str) -> str:
    return _NOISE.sub("", cell.strip())


def decimal_mark(cells: Iterable[str]) -> str:
    """',' or '.': the first cell that tells (both marks, the last is decimal; one mark seen
    twice is a thousands mark; one followed by other than 3 digits is decimal), else '.'."""
    for cell in cells:
        text = _bare(cell)
        if "," in text and "." in text:
            return "," if text.rfind(",") > text.rfind(".") else "."
        if match := _ONE_MARK.fullmatch(text):
            mark = match.group(1)
            if text.count(mark) == 1 and len(match.group(2)) != 3:
                return mark
        elif text.count(",") > 1:
            return "."
        elif text.count(".") > 1:
            return ","
    return "."


def parse_number(cell: str, mark: str, whole: bool = False) -> tuple[bool, Decimal | None]:
    """(readable, the number or None for a blank cell) with the file's decimal mark; in a
    column of whole numbers (impressions), '3.400' and '3,400' are thousands either way."""
    text = _bare(cell)
    if text.casefold() in _BLANK:
        return True, None
    if whole and _GROUPED.fullmatch(text) and len(set(text) & {",", "."}) == 1:
        text = text.replace(",", "").replace(".", "")
    text = text.replace("," if mark == "." else ".", "").replace(mark, ".")
    if not re.fullmatch(r"-?\d+(\.\d+)?", text):
        return False, None
    try:
        return True, Decimal(text)
    except InvalidOperation:
        return False, None


def parse_day(cell: str) -> date | None:
    """A day written 2023-04-03 (also with a time, as Excel cells read), or 03/04/2023,
    03.04.2023, 03-04-2023 (day first, as in Belgium); None when it is none of these."""
    text = cell.strip()
    if match := _ISO.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _EUROPEAN.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def guess_mapping(headers: Sequence[str]) -> dict[str, str | None]:
    """The header each field is most likely in (FR, NL or EN names, in order of preference:
    'Clicks (all)' before 'Link clicks'), or None."""
    keys = {h: header_key(h) for h in headers}
    mapping: dict[str, str | None] = {}
    for name in IMPORT_FIELDS:
        free = [h for h in headers if h not in mapping.values()]
        mapping[name] = next((h for synonym in SYNONYMS[name] for h in free
                              if keys[h] == synonym), None)
    return mapping
