"""Page benchmark of the door check-in: the search (three letters typed) and the tap-to-confirmed
round trip, timed in Streamlit's script thread, as a ratio to the floor page (one text input, one
button: scripts/bench_floor_page.py) run through app.py like every page, so both pay the same app
shell (the floor alone is shown for information). The issue's target: within 1.5x.
Usage: python scripts/bench_pages.py [--scale 20] [--repeat 7] [--profile] [--seeded] [--cpu]
(DATABASE_URL picks the database, which is wiped and seeded, unless --seeded says it was seeded
before, by python -m seed; unset means a throwaway SQLite file)."""

from __future__ import annotations

import argparse
import cProfile
import functools
import gc
import logging
import os
import pstats
import statistics
import tempfile
import time
import warnings
from collections.abc import Callable
from datetime import UTC, datetime
from datetime import time as clock_time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

if TYPE_CHECKING:
    from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
FLOOR = "scripts/bench_floor_page.py"  # st.Page paths are relative to app.py's folder
TARGET = 1.5
REGISTERED = 60  # a busy networking evening (the issue: 20-80 artisans)
Times = dict[str, float]  # ms: "run" (the whole script thread's), then the parts watched


class ScriptClock:
    """Wall time of every ScriptRunner._run_script call in the script thread (AppTest's parsing of
    the result left out) and of the watched functions within it; optionally cProfiled."""

    def __init__(self, timer: Callable[[], float] = time.perf_counter) -> None:
        self.timer = timer  # wall time; time.thread_time: the script thread's CPU time only
        self.runs: list[Times] = []
        self.profile: cProfile.Profile | None = None
        self._now: Times = {}

    def install(self) -> None:
        from streamlit.runtime.scriptrunner.script_runner import ScriptRunner

        original = ScriptRunner._run_script

        def timed(runner: ScriptRunner, rerun_data: Any) -> None:
            self._now, profile, started = {}, self.profile, self.timer()
            if profile:
                profile.enable()  # cProfile follows the calling thread: the script thread
            try:
                original(runner, rerun_data)
            finally:
                if profile:
                    profile.disable()
                self.runs.append({**self._now, "run": (self.timer() - started) * 1000})

        ScriptRunner._run_script = timed  # type: ignore[method-assign,assignment]

    def watch(self, name: str, owner: Any, attribute: str) -> None:
        """Add the time spent in owner.attribute during a run to the run's `name`."""
        original = getattr(owner, attribute)

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = self.timer()
            try:
                return original(*args, **kwargs)
            finally:
                self._now[name] = self._now.get(name, 0.0) + (self.timer() - started) * 1e3

        setattr(owner, attribute, timed)

    def run(self, at: AppTest) -> Times:
        """Run the app once, as a browser event would: the script thread's ms, whole and parts."""
        gc.collect()  # AppTest's own garbage is not the page's: collect it before, not during
        first = len(self.runs)
        at.run()
        if at.exception:
            raise RuntimeError(at.exception[0].message)
        return {k: sum(r.get(k, 0.0) for r in self.runs[first:]) for k in self.runs[-1]}


def _as_on_a_server(clock: ScriptClock) -> None:
    """As tests/conftest.py: AppTest runs app.py's st.navigation, never the legacy pages/ mode,
    and scans installed components once; as a server, it compiles each script once (one
    ScriptCache per runtime). The floor page is registered as one more staff page (in this
    process only). The page, the search's queries and the check-in write are timed."""
    from streamlit.components.v2 import manifest_scanner
    from streamlit.navigation.page import StreamlitPage
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    import components.forms
    import components.navigation as navigation
    import db.queries.checkin

    original_init = PagesManager.__init__

    def init(self: PagesManager, *args: Any, **kwargs: Any) -> None:
        original_init(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init  # type: ignore[method-assign]
    manifest_scanner.scan_component_manifests = functools.cache(  # type: ignore[assignment]
        manifest_scanner.scan_component_manifests)
    shared = ScriptCache()
    app_test.ScriptCache = lambda: shared  # type: ignore[assignment,misc]
    local_script_runner.ScriptCache = lambda: shared  # type: ignore[assignment,misc]  # app.py's
    navigation.PAGES = (*navigation.PAGES, navigation.PageSpec(  # type: ignore[assignment]
        FLOOR, "nav.overview", ":material/speed:", "bench-floor",
        frozenset({"staff", "manager", "admin"}), "nav.section.dashboards", in_sidebar=False))
    clock.watch("page", StreamlitPage, "run")
    clock.watch("search queries", db.queries.checkin, "checkin_candidates")
    clock.watch("check-in write", components.forms, "run_write")  # what submit() calls


def _tonight() -> tuple[int, list[tuple[int, str]]]:
    """An event today with REGISTERED registrations: its id and (artisan id, three typed letters)
    of each registered artisan whose letters bring their button up."""
    from db import clock
    from db.engine import session_scope
    from db.identity import fold
    from db.models import Artisan
    from db.permissions import SYSTEM
    from db.queries.checkin import checkin_candidates
    from db.queries.events import create_event
    from db.queries.registrations import register

    with session_scope() as s:
        event = create_event(session=s, actor=SYSTEM, fields={
            "title": "Apéro des artisan·e·s (bench)", "kind": "networking",
            "action": "community", "day": clock.today(), "time": clock_time(18, 0),
            "venue": "hub.brussels", "commune_nis": "21013", "capacity": 80})
        people = s.execute(select(Artisan.id, Artisan.last_name).where(
            Artisan.erased_at.is_(None)).order_by(Artisan.id)).all()
        chosen = people[::max(1, len(people) // REGISTERED)][:REGISTERED]
        register(session=s, actor=SYSTEM, event_id=event.id, artisan_ids=[p.id for p in chosen])
        s.flush()
        taps = [(p.id, fold(p.last_name)[:3]) for p in chosen]
        return event.id, [(i, typed) for i, typed in taps if i in {
            p.artisan_id for p in checkin_candidates(s, event.id, typed).people}]


Rep = Callable[[], tuple[Times, Times]]  # one search and one tap


def _open(clock: ScriptClock, page: str, event_id: int | None = None) -> AppTest:
    """AppTest on the bare floor, or on app.py switched to `page` as staff (tests/conftest.py)."""
    from streamlit.testing.v1 import AppTest

    if page == "bare":
        at = AppTest.from_file(str(ROOT / FLOOR), default_timeout=60)
        clock.run(at)
        return at
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in (("authentication_status", True), ("username", "staff"),
                       ("name", "staff"), ("roles", ["staff"]), ("lang", "en")):
        at.session_state[key] = value
    if event_id is not None:
        at.query_params["event"] = str(event_id)
    clock.run(at)
    at.switch_page(page)
    clock.run(at)
    return at


def _floor(clock: ScriptClock, page: str) -> Rep:
    at = _open(clock, page)
    words = iter(f"{a}{b}x" for a in "abcdefghij" for b in "abcdefghij")

    def rep() -> tuple[Times, Times]:
        at.text_input(key="floor_search").input(next(words))
        search = clock.run(at)
        at.button(key="floor_tap").click()
        return search, clock.run(at)

    return rep


def _door(clock: ScriptClock, event_id: int, taps: list[tuple[int, str]]) -> Rep:
    at = _open(clock, "pages/checkin.py", event_id)
    people = iter(taps)

    def rep() -> tuple[Times, Times]:
        artisan_id, typed = next(people)  # someone new each time: every tap is a real check-in
        attended = int(at.metric[0].value.split(" / ")[0])
        at.text_input(key="door_search").input(typed)
        search = clock.run(at)
        at.button(key=f"door_pick_{artisan_id}").click()
        tap = clock.run(at)
        if int(at.metric[0].value.split(" / ")[0]) != attended + 1 or not at.success:
            raise RuntimeError(f"the tap on artisan {artisan_id} did not check in")
        return search, tap

    return rep


def _series(reps: dict[str, Rep], repeat: int) -> dict[str, dict[str, Times]]:
    """Medians (ms, per part) of `repeat` rounds after an unmeasured one; each round runs every
    driver once in turn, so a busy (shared) machine weighs on all of them alike."""
    runs: dict[str, dict[str, list[Times]]] = {who: {"search": [], "tap": []} for who in reps}
    for round_ in range(repeat + 1):
        for who, rep in reps.items():
            for name, times in zip(("search", "tap"), rep(), strict=True):
                if round_:
                    runs[who][name].append(times)
    return {who: {name: {part: statistics.median(t.get(part, 0.0) for t in times)
                         for part in times[0]} for name, times in series.items()}
            for who, series in runs.items()}


def _report(floor: dict[str, Times], bare: dict[str, Times], door: dict[str, Times]) -> None:
    print(f"{'median ms':<20}{'floor in app':>13}{'bare floor':>11}{'check-in':>10}{'ratio':>8}"
          "    check-in: write / page (search queries) / app shell and Streamlit")
    for name, times in door.items():
        whole, ratio = times["run"], times["run"] / floor[name]["run"]
        verdict = "ok " if ratio <= TARGET else "NO "
        write, page = times.get("check-in write", 0.0), times.get("page", 0.0)
        print(f"{name:<20}{floor[name]['run']:>13.1f}{bare[name]['run']:>11.1f}{whole:>10.1f}"
              f"{ratio:>6.2f}x {verdict}   {write:.1f} / {page:.1f} "
              f"({times.get('search queries', 0.0):.1f}) / {whole - write - page:.1f}")


def _bench(scale: float, repeat: int, profile: bool, seeded: bool, cpu: bool = False) -> None:
    from db.engine import get_engine, session_scope, upgrade_to_head
    from db.models import Artisan
    from seed.populate import populate

    engine = get_engine()
    upgrade_to_head(engine)
    with session_scope(engine) as s:
        counts = ({"artisans": s.scalar(select(func.count()).select_from(Artisan))} if seeded
                  else populate(s, scale=scale, seed=2023, reset_first=True))
    event_id, taps = _tonight()
    if len(taps) < (needed := (2 if profile else 1) * repeat + 1):
        raise SystemExit(f"only {len(taps)} registered artisans to tap, {needed} needed")
    print(f"pages on {engine.url.get_backend_name()}, scale {scale:g}: {counts['artisans']:,} "
          f"artisans; event {event_id} with {REGISTERED} registered; medians of {repeat}, "
          f"{'CPU time of the script thread' if cpu else 'wall time'}, "
          f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    clock = ScriptClock(time.thread_time if cpu else time.perf_counter)
    clock.install()
    _as_on_a_server(clock)
    door_rep = _door(clock, event_id, taps)
    medians = _series({"floor": _floor(clock, FLOOR), "bare": _floor(clock, "bare"),
                       "door": door_rep}, repeat)
    _report(medians["floor"], medians["bare"], medians["door"])
    if profile:  # separate warm runs, so the profiler's overhead is in no figure above
        clock.profile = cProfile.Profile()
        for _ in range(repeat):
            door_rep()
        print(f"check-in, {repeat} warm searches and taps, by cumulative time:")
        pstats.Stats(clock.profile).sort_stats("cumulative").print_stats(30)
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=20)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--profile", action="store_true",
                        help="then cProfile more warm check-in runs (script thread only)")
    parser.add_argument("--seeded", action="store_true",
                        help="DATABASE_URL's database is seeded already: keep it (quicker)")
    parser.add_argument("--cpu", action="store_true",
                        help="time the script thread's CPU time, not wall time: on a machine "
                             "shared with other jobs, waiting for a core is not the page's")
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # the landing page's chart notes, bare-mode warnings
    warnings.filterwarnings("ignore", message=".*expression-based index")  # as pytest does
    with tempfile.TemporaryDirectory(prefix="bench_pages_") as scratch:  # gone afterwards
        os.environ.setdefault("DATABASE_URL", f"sqlite:///{Path(scratch) / 'pages.sqlite3'}")
        _bench(args.scale, args.repeat, args.profile, args.seeded, args.cpu)


if __name__ == "__main__":
    main()
