"""Identity fields of an artisan as typed and as stored: enterprise number, e-mail, phone,
postcode, and the accent-free keys used to search and to spot duplicates."""

from __future__ import annotations

import re
import unicodedata

from db.reference import communes

_SEPARATORS = re.compile(r"[\s.\-/]")
_PHONE = re.compile(r"\+?[0-9 ./()\-]{8,25}")


def fold(text: str | None) -> str:
    """Lower-case text without accents or repeated spaces: 'Éloïse  Dupré' -> 'eloise dupre'."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def enterprise_digits(raw: str) -> str:
    """The digits of a typed enterprise number: 'BE 0123.456.789' -> '0123456789'; a 9-digit
    number of before 2005 gets its leading 0. Anything else comes back as typed (trimmed)."""
    value = _SEPARATORS.sub("", raw.strip()).upper()
    value = value.removeprefix("BE")
    if value.isdigit() and len(value) == 9:
        value = "0" + value
    return value


def enterprise_number_valid(digits: str) -> bool:
    """Ten digits starting with 0 or 1, whose last two are 97 - (first eight mod 97)."""
    if len(digits) != 10 or not digits.isascii() or not digits.isdigit() or digits[0] not in "01":
        return False
    return int(digits[8:]) == 97 - int(digits[:8]) % 97


def enterprise_number_problem(raw: str) -> str | None:
    """The message key of what is wrong with a typed enterprise number (empty is fine)."""
    if not raw.strip():
        return None
    digits = enterprise_digits(raw)
    if len(digits) != 10 or not digits.isdigit():
        return "artisans.enterprise_format"
    if not enterprise_number_valid(digits):
        return "artisans.enterprise_check_digit"
    return None


def format_enterprise_number(digits: str | None) -> str:
    """'0123456789' -> '0123.456.789' (the way the KBO/BCE writes it)."""
    if not digits or len(digits) != 10:
        return digits or ""
    return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"


def normalize_email(raw: str) -> str:
    """An e-mail as stored and compared: no spaces anywhere, lower-case."""
    return "".join(raw.split()).lower()


def normalize_phone(raw: str) -> str:
    """A phone number as stored: trimmed, inner runs of spaces collapsed."""
    return " ".join(raw.split())


def phone_problem(raw: str) -> str | None:
    """'artisans.phone_invalid' unless 8 to 15 digits, with +, spaces, dots, dashes, slashes."""
    value = normalize_phone(raw)
    if not value:
        return None
    digits = sum(c.isdigit() for c in value)
    if not _PHONE.fullmatch(value) or not 8 <= digits <= 15 or "+" in value[1:]:
        return "artisans.phone_invalid"
    return None


def commune_of_postcode(postcode: str) -> str | None:
    """The NIS code of the Brussels commune a postcode belongs to, or None outside the Region."""
    value = postcode.strip()
    for commune in communes():
        if value in commune.postcodes:
            return commune.nis_code
    return None


def name_key(first_name: str, last_name: str) -> str:
    """The key two records of one person share: folded first and last name."""
    return fold(f"{first_name} {last_name}")


def search_text(first_name: str, last_name: str, business_name: str | None,
                email: str | None, enterprise_number: str | None) -> str:
    """Everything a search box may match, folded, in one column (one LIKE per search)."""
    parts = [first_name, last_name, business_name or "", email or "", enterprise_number or ""]
    return fold(" ".join(p for p in parts if p))[:700]
