"""Benchmark: seed time and Overview read times at a given scale (figures for the README).

Usage: python scripts/bench.py [--scale 20] [--repeat 5]   (DATABASE_URL picks the database;
unset means a throwaway SQLite file)."""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        path = Path(tempfile.mkdtemp()) / "bench.sqlite3"
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    from db import clock
    from db.engine import get_engine, session_scope, upgrade_to_head
    from db.queries.community import members_by_month
    from db.queries.overview import overview_figures
    from seed.populate import populate

    engine = get_engine()
    upgrade_to_head(engine)
    started = time.perf_counter()
    with session_scope(engine) as s:
        counts = populate(s, scale=args.scale, seed=2023, reset_first=True)
    seeded = time.perf_counter() - started
    print(f"database: {engine.url.get_backend_name()}, scale {args.scale:g}: "
          f"{counts['artisans']:,} artisans, {counts['attendances']:,} attendances, "
          f"{counts['label_steps']:,} label steps, {counts['coaching_sessions']:,} sessions")
    print(f"seed: {seeded:.1f} s")
    for name, query in (("overview_figures", overview_figures),
                        ("members_by_month", members_by_month)):
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            with session_scope(engine) as s:
                query(s, clock.today())
            times.append((time.perf_counter() - t0) * 1000)
        print(f"{name}: median {statistics.median(times):.1f} ms over {args.repeat} runs "
              f"(uncached SQL; a cached read costs one data_versions lookup)")


if __name__ == "__main__":
    main()
