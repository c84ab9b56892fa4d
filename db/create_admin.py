"""python -m db.create_admin --username U --name "Full Name" [--email E]: the first admin.

For a production database, which the seed never fills: the password comes from the
ADMIN_PASSWORD environment variable or is typed twice at a prompt that does not echo it."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from sqlalchemy import func, select

from db.engine import DatabaseConfigError, get_engine, session_scope, upgrade_to_head
from db.errors import ValidationError
from db.models import User
from db.permissions import SYSTEM
from db.queries.users import create_user

EXPLAINED = {
    "password.too_short": "the password needs at least 10 characters",
    "password.too_long": "the password may not exceed 72 bytes",
    "users.username_taken": "this username exists already",
    "users.username_invalid": "use 2-40 lower-case ASCII letters, digits, dots or underscores",
    "form.required": "this field is required",
    "form.too_long": "too long",
    "form.control_characters": "control characters are not allowed",
    "form.email_invalid": "not an e-mail address",
}


def _password() -> str | None:
    if password := os.environ.get("ADMIN_PASSWORD"):
        return password
    if not sys.stdin.isatty():
        print("create_admin: set ADMIN_PASSWORD or run in a terminal", file=sys.stderr)
        return None
    first = getpass.getpass("Password for the new admin: ")
    if getpass.getpass("Same password again: ") != first:
        print("create_admin: the two passwords differ", file=sys.stderr)
        return None
    return first


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m db.create_admin", description=__doc__)
    parser.add_argument("--username", required=True)
    parser.add_argument("--name", required=True, help="display name")
    parser.add_argument("--email", default=None)
    args = parser.parse_args(argv)
    password = _password()
    if password is None:
        return 2
    from seed.accounts import DEMO_USERS

    if password in {p for *_, p in DEMO_USERS}:
        print("create_admin: refused: that is a published demo password", file=sys.stderr)
        return 1
    try:
        engine = get_engine()
        upgrade_to_head(engine)
        with session_scope(engine) as session:
            admins = session.scalar(select(func.count()).select_from(User)
                                    .where(User.role == "admin", User.active.is_(True)))
            if admins:
                print("create_admin: refused: an active admin exists already; they add "
                      "users on the Users page", file=sys.stderr)
                return 1
            create_user(session=session, actor=SYSTEM, username=args.username,
                        display_name=args.name, role="admin", password=password,
                        email=args.email)
    except DatabaseConfigError as exc:
        print(f"create_admin: {exc}", file=sys.stderr)
        return 2
    except ValidationError as exc:
        for field, key in exc.errors.items():
            print(f"create_admin: {field}: {EXPLAINED.get(key, key)}", file=sys.stderr)
        return 1
    print(f"create_admin: admin '{args.username.strip().lower()}' created")
    return 0


if __name__ == "__main__":
    sys.exit(main())
