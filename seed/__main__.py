"""python -m seed [--scale N] [--seed S] [--reset] [--if-empty]: fill DATABASE_URL's database."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date

from db.engine import DatabaseConfigError, get_engine, session_scope, upgrade_to_head
from db.runmode import is_production
from seed.populate import SeedRefused, has_data, populate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m seed", description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0,
                        help="1 = the real size (~5,000 artisans); 20 for benchmarks")
    parser.add_argument("--seed", type=int, default=2023, help="random seed (deterministic)")
    parser.add_argument("--today", type=date.fromisoformat, default=None,
                        help="last day of generated history (default: today)")
    parser.add_argument("--reset", action="store_true", help="delete existing data first")
    parser.add_argument("--if-empty", action="store_true",
                        help="do nothing, successfully, when data is already there")
    args = parser.parse_args(argv)
    if args.scale <= 0:
        parser.error("--scale must be positive")
    try:
        engine = get_engine()
        upgrade_to_head(engine)
        with session_scope(engine) as session:
            if args.if_empty and has_data(session):
                print("seed: the database already holds data; nothing to do")
                return 0
            started = time.perf_counter()
            counts = populate(session, scale=args.scale, seed=args.seed, today=args.today,
                              reset_first=args.reset)
    except DatabaseConfigError as exc:
        print(f"seed: {exc}", file=sys.stderr)
        return 2
    except SeedRefused as exc:
        print(f"seed: refused: {exc}", file=sys.stderr)
        # `make run` in production goes on to serve an empty database, after saying why
        return 0 if args.if_empty and is_production() else 1
    summary = ", ".join(f"{n:,} {t}" for t, n in counts.items())
    print(f"seed: done in {time.perf_counter() - started:.1f}s: {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
