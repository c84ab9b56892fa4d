"""Server-side checks of typed input (message keys or None), and the last check at every flush."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from sqlalchemy import Text, inspect
from sqlalchemy.orm import Session

from db.errors import ValidationError

USERNAME = re.compile(r"[a-z0-9._]{2,40}")  # ASCII only: no look-alike letters or full width
EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")
MAX_NAME = 100
MAX_EMAIL = 200
# Control and format characters (NUL, line breaks, bidi overrides, zero-width), surrogates,
# line and paragraph separators: invisible or misleading in a name, some refused by databases.
FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def clean_username(raw: str) -> str:
    """A typed username as stored: trimmed, lower-cased when ASCII (anything else is kept as
    typed, so that it is refused rather than folded into a look-alike ASCII name)."""
    value = raw.strip()
    return value.lower() if value.isascii() else value


def username_problem(username: str) -> str | None:
    """'users.username_invalid' unless 2-40 of a-z, 0-9, dot and underscore."""
    return None if USERNAME.fullmatch(username) else "users.username_invalid"


def has_control_characters(value: str, multiline: bool = False) -> bool:
    """True when the text holds a control or invisible format character (NUL included)."""
    if value.isprintable():  # the usual case, at C speed: every FORBIDDEN_CATEGORIES character
        return False  # is non-printable to Python (it refuses all of C* and Z* but the space)
    allowed = "\n\r\t" if multiline else ""
    return any(unicodedata.category(c) in FORBIDDEN_CATEGORIES and c not in allowed
               for c in value)


def text_problem(value: str, max_len: int, required: bool = True,
                 multiline: bool = False) -> str | None:
    """The message key of what is wrong with a (trimmed) text field, or None."""
    if not value:
        return "form.required" if required else None
    if len(value) > max_len:
        return "form.too_long"
    if has_control_characters(value, multiline):
        return "form.control_characters"
    return None


def email_problem(email: str, required: bool = False) -> str | None:
    """The message key of what is wrong with a (trimmed) e-mail address, or None."""
    if problem := text_problem(email, MAX_EMAIL, required):
        return problem
    if email and not EMAIL.fullmatch(email):
        return "form.email_invalid"
    return None


def column_problems(obj: object) -> dict[str, str]:
    """Problems of a model instance's new or changed text values against their columns:
    longer than the column allows, or control characters (a Text column may hold line breaks)."""
    state = inspect(obj)
    errors: dict[str, str] = {}
    for attr in state.mapper.column_attrs:
        value = state.dict.get(attr.key)  # loaded values only: never a query inside a flush
        if not isinstance(value, str) or (
                state.persistent and not state.attrs[attr.key].history.has_changes()):
            continue
        kind = attr.columns[0].type
        if (length := getattr(kind, "length", None)) and len(value) > length:
            errors[attr.key] = "form.too_long"
        elif has_control_characters(value, multiline=isinstance(kind, Text)):
            errors[attr.key] = "form.control_characters"
    return errors


def check_before_flush(session: Session, _context: Any, _instances: Any) -> None:
    """The last check of every ORM write (db/engine.py installs it on every session), after the
    write function's own: a write added later cannot store NUL or overlong text either."""
    errors: dict[str, str] = {}
    for obj in (*session.new, *session.dirty):
        errors |= column_problems(obj)
    if errors:
        raise ValidationError(errors)
