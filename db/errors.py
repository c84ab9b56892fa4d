"""Errors that write functions raise for the UI to show at the right field, translated."""

from __future__ import annotations


class ValidationError(ValueError):
    """Input refused: maps each field to the translation key of its message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(", ".join(f"{f}: {k}" for f, k in errors.items()))
        self.errors = errors


class WriteConflict(ValidationError):
    """Another write got in the way (deadlock, busy database) and nothing was saved."""

    key = "errors.write_conflict"

    def __init__(self) -> None:
        super().__init__({"_form": self.key})
