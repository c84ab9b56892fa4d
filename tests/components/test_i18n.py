"""One translation layer: every key in three languages, every used key defined."""

from __future__ import annotations

import re
import string
from datetime import date

import pytest

from components.i18n import fmt_date, fmt_number, translate
from components.messages import MESSAGES
from tests.conftest import ROOT

SOURCES = [*ROOT.glob("app.py"), *ROOT.glob("pages/*.py"), *ROOT.glob("components/*.py"),
           *ROOT.glob("db/**/*.py")]


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_key_has_french_dutch_and_english(key: str) -> None:
    entry = MESSAGES[key]
    assert set(entry) == {"fr", "nl", "en"}
    assert all(entry[lang].strip() for lang in entry)
    assert _fields(entry["fr"]) == _fields(entry["nl"]) == _fields(entry["en"])


def test_every_key_used_in_the_code_is_defined() -> None:
    pattern = re.compile(r"""\b(?:t|translate)\(\s*["']([a-z_]+\.[a-z_.]+)["']""")
    # Write functions hand the UI message keys: `errors[...] = "key"`, `return "key"`.
    areas = ("errors|form|password|users|artisans|label|imports|events|checkin|coaching|track"
             "|targets|campaign")
    keys_in_db = re.compile(rf"""(?:=|return)\s*["']((?:{areas})\.[a-z_]+)["']""")
    used = set()
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        used |= set(pattern.findall(text)) | set(keys_in_db.findall(text))
    assert used and used - set(MESSAGES) == set()


def test_numbers_follow_the_language() -> None:
    assert fmt_number(1234.5, "fr", decimals=1) == "1.234,5"
    assert fmt_number(1234.5, "nl", decimals=1) == "1.234,5"
    assert fmt_number(1234.5, "en", decimals=1) == "1,234.5"


def test_dates_follow_the_language() -> None:
    day = date(2024, 3, 5)
    assert fmt_date(day, "fr") == "5 mars 2024"
    assert fmt_date(day, "nl") == "5 mrt 2024"
    assert fmt_date(day, "en") == "5 Mar 2024"


def test_a_missing_key_shows_itself() -> None:
    assert translate("nowhere.to_be_found", "nl") == "nowhere.to_be_found"


def test_placeholders_are_filled() -> None:
    assert translate("overview.sessions", "en", year=2025) == "Coaching sessions in 2025"
