"""Row-id sanity check shared by the write queries."""


def valid_id(value: object) -> bool:
    """True when value can be a row id on both SQLite and PostgreSQL (a 32-bit serial)."""
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 2**31 - 1
