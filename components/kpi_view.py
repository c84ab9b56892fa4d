"""Dashboard figures as cards: the value as the reader may see it, its change against the
previous period of equal length (percent, or percentage points for a rate; "n/a" when the
previous value is 0), and the definition it uses as its help text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from components.i18n import current_language, fmt_number, t, translate
from db.periods import change
from db.privacy import SMALL, UNKNOWN


@dataclass(frozen=True)
class Card:
    """One figure: its key in the figures, how it is shown, and its definition's message."""

    name: str
    label_key: str
    help_key: str
    kind: str = "count"  # count, hours, rate (a share), days
    worse_up: bool = False  # a rise is bad news (overdue, refusals, no-shows): drawn in red


def shown(value: object, kind: str, lang: str | None = None) -> str:
    """A figure as text in the language's format (`lang`, else the session's: pass it when
    formatting many); a hidden or missing one as its label."""
    lang = lang or current_language()
    if value == SMALL:
        return translate("privacy.small_cell", lang)
    if value == UNKNOWN or value is None:
        return translate("kpi.not_available", lang)
    assert isinstance(value, int | float)
    if kind == "rate":  # a small share keeps a decimal: 3,3 % rather than 3 %
        return f"{fmt_number(100 * value, lang, decimals=1 if value < 0.1 else 0)} %"
    if kind in ("hours", "days"):  # 6, or 4,5: a half hour or day is not lost
        return fmt_number(value, lang, decimals=0 if float(value).is_integer() else 1)
    return fmt_number(value, lang)


def rates(values: pd.Series) -> list[str]:
    """A column of rates as text, in the session's language (read once for the column)."""
    lang = current_language()
    return [shown(v, "rate", lang) for v in values]


def delta(now: object, before: object, kind: str) -> str:
    """The change as text: "+12 %", "-3,5 pp", or "n/a"."""
    if not isinstance(now, int | float) or not isinstance(before, int | float):
        return t("kpi.delta_na")
    moved = change(float(now), float(before), rate=kind == "rate")
    if moved.value is None:
        return t("kpi.delta_na")
    sign = "+" if moved.value > 0 else ""
    unit = t("kpi.points") if moved.points else "%"
    return f"{sign}{fmt_number(moved.value, decimals=1)} {unit}"


def cards(figures: dict[str, object], previous: dict[str, object], row: Sequence[Card],
          per_row: int = 4) -> None:
    """Cards in rows of `per_row`, each with its delta against the previous period; a figure
    the reader does not get (a partner's, db.privacy.PARTNER_KPIS) has no card."""
    row = [card for card in row if card.name in figures]
    for first in range(0, len(row), per_row):
        part = row[first:first + per_row]
        for column, card in zip(st.columns(per_row), part, strict=False):
            now, before = figures.get(card.name), previous.get(card.name)
            text = delta(now, before, card.kind)
            column.metric(t(card.label_key), shown(now, card.kind),
                          delta=text if text != t("kpi.delta_na") else None,
                          delta_color="inverse" if card.worse_up else "normal",
                          help=t(card.help_key) + " " + t("kpi.compared", delta=text),
                          border=True)
