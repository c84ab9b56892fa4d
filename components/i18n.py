"""The one translation layer: t(key) in the session's language, with Babel formatting."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import ROUND_HALF_EVEN, Decimal
from functools import lru_cache
from typing import Any

import numpy as np
import streamlit as st
from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal

from components.messages import MESSAGES
from db.clock import BRUSSELS

LANGUAGES = {"fr": "Français", "nl": "Nederlands", "en": "English"}
DEFAULT = "fr"
DATE_LOCALES = {"fr": "fr_BE", "nl": "nl_BE", "en": "en_GB"}
# Belgian convention in both national languages: 1.234,5 (CLDR's fr_BE groups with a thin space).
NUMBER_LOCALES = {"fr": "nl_BE", "nl": "nl_BE", "en": "en_GB"}


def current_language() -> str:
    """The session's language: the sidebar choice, else ?lang= in the URL, else French."""
    lang = st.session_state.get("lang") or st.query_params.get("lang", DEFAULT)
    return lang if lang in LANGUAGES else DEFAULT


def translate(key: str, lang: str, **params: Any) -> str:
    """The message for key in lang; a missing key shows itself rather than crash a page."""
    entry = MESSAGES.get(key)
    text = entry.get(lang) or entry["en"] if entry else key
    return text.format(**params) if params else text


def t(key: str, **params: Any) -> str:
    """The message for key in the session's language."""
    return translate(key, current_language(), **params)


def labeller(prefix: str, blank: str | None = None) -> Callable[[str], str]:
    """A format_func for a closed list, bound to the language of this run (`role.` + value);
    the empty option (e.g. "any") is named by the key `blank`. Bound, because AppTest and
    Streamlit may call a format_func outside the run that drew the widget."""
    lang = current_language()
    return lambda value: translate(blank, lang) if blank and not value else translate(
        prefix + value, lang)


# The two number locales' group and decimal signs, as Babel's CLDR data gives them (a test
# compares fmt_number with Babel's format_decimal): Python formats, these signs replace its own.
_SIGNS = {"nl_BE": str.maketrans({",": ".", ".": ","}), "en_GB": str.maketrans({})}


def fmt_number(value: float | int | Decimal, lang: str | None = None, decimals: int = 0) -> str:
    """A number in the language's format: 1.234,5 in French and Dutch, 1,234.5 in English;
    rounded half to even, as Babel rounds (2.675 -> 2.68: the float's shortest text)."""
    if isinstance(value, int | np.integer):
        exact = Decimal(int(value))
    elif isinstance(value, Decimal):
        exact = value
    else:  # a float's shortest text, as Babel reads it (np.float32(2.675) is "2.675")
        exact = Decimal(str(value))
    if not exact.is_finite():  # infinity, NaN: Babel's own signs (never a figure we show)
        locale = NUMBER_LOCALES[lang or current_language()]
        return format_decimal(value, format="#,##0" + ("." + "0" * decimals if decimals else ""),
                              locale=locale)
    rounded = exact.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_EVEN)
    return f"{rounded:,.{decimals}f}".translate(_SIGNS[NUMBER_LOCALES[lang or current_language()]])


def fmt_date(value: date, lang: str | None = None, style: str = "medium") -> str:
    """A date in the language's format (5 mars 2024, 5 mrt 2024, 5 Mar 2024)."""
    return _date_text(value, DATE_LOCALES[lang or current_language()], style)


@lru_cache(maxsize=8192)
def _date_text(value: date, locale: str, style: str) -> str:
    # Babel takes ~40 us a date; a page's tables repeat the same few period starts and ends.
    return format_date(value, format=style, locale=locale)


def fmt_time(value: datetime, lang: str | None = None) -> str:
    """A moment as Brussels wall-clock time, e.g. 14:35."""
    return format_datetime(value, "HH:mm", tzinfo=BRUSSELS,
                           locale=DATE_LOCALES[lang or current_language()])


def fmt_moment(value: datetime | None, lang: str | None = None) -> str:
    """A moment as Brussels date and time (29/11/2026 14:35), or nothing."""
    if value is None or value != value:  # None or NaT
        return ""
    return format_datetime(value, "dd/MM/yyyy HH:mm", tzinfo=BRUSSELS,
                           locale=DATE_LOCALES[lang or current_language()])
