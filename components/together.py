"""A page's independent reads, run at once: on a cold cache a dashboard's five or six SQL
reads take most of its time, and the database drivers let other threads run while a query
executes (README, "Speed": 15-30 ms less on the slow dashboards at scale 20 on one two-core
machine, nothing measurable on another, where two threads each ran slower)."""

from __future__ import annotations

import itertools
import os
import threading
from collections.abc import Callable
from typing import Any

from streamlit.runtime.scriptrunner import add_script_run_ctx

# Helper threads per call, besides the script's own thread: one per extra core this process
# may use, at most 3 (more threads than cores only contend for the interpreter; each holds a
# pooled connection while it reads, and db/engine.py's PostgreSQL pool holds 5 + 5).
_CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
HELPERS = max(1, min(3, (_CORES or 2) - 1))  # sched_getaffinity: Linux only (not macOS)


def together(*reads: Callable[[], Any]) -> list[Any]:
    """Each read's result, in order, as if called one after the other; the first error is
    raised as if so too. The script's thread takes part, claiming the next read not yet
    started, so a call never takes longer than running the reads in turn and a read never
    waits for a thread. The helper threads carry the script's context (Streamlit's session
    state and caches work in them as in the script)."""
    results: list[Any] = [None] * len(reads)
    errors: list[BaseException | None] = [None] * len(reads)
    claims = itertools.count()  # next() on a count is atomic: each read runs exactly once

    def work() -> None:
        while (index := next(claims)) < len(reads):
            try:
                results[index] = reads[index]()
            except BaseException as error:  # noqa: BLE001 - raised in the script's thread
                errors[index] = error

    helpers = [add_script_run_ctx(threading.Thread(target=work, name="reads", daemon=True))
               for _ in range(min(HELPERS, len(reads) - 1))]
    for helper in helpers:
        helper.start()
    work()
    for helper in helpers:
        helper.join()
    for error in errors:
        if error is not None:
            raise error
    return results
