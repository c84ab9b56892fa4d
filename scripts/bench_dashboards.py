"""Page benchmark of issue 8: every page a manager can open, cold cache (st.cache_data cleared) and
warm (the same run again), timed in Streamlit's script thread (bench_pages.ScriptClock) as a ratio
to the floor page (6 metrics and 3 small Altair charts from constant data:
scripts/bench_dash_floor_page.py) run through app.py like every page; then the dashboards' SQL
figures against the naive way (whole tables read with pandas, aggregated in pandas), checked to
give the same numbers. Targets: every page within 1.5x the floor warm and cold at scale 1, within
2x cold at scale 20; the dashboards' figures 3x faster than the naive way at scale 20.
Usage: python scripts/bench_dashboards.py [--scales 1,20] [--repeat 5] [--dir DIR] [--profile]
(SQLite files DIR/scale-<N>.sqlite3, seeded unless already there; default: a throwaway DIR)."""

from __future__ import annotations

import argparse
import cProfile
import logging
import math
import os
import pstats
import statistics
import tempfile
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
from bench_pages import ROOT, ScriptClock, _as_on_a_server  # scripts/ is sys.path[0]
from sqlalchemy import Engine, func, select

if TYPE_CHECKING:
    from streamlit.testing.v1 import AppTest

FLOOR = "scripts/bench_dash_floor_page.py"
DASHBOARDS = ("coaching-dashboard", "community-dashboard", "label-dashboard",
              "campaign-dashboard")
BY_ID = {"event": "event", "track": "track", "artisan": "artisan"}  # url path -> id kind
PAGE_TARGET, COLD_TARGET_AT_20, NAIVE_TARGET = 1.5, 2.0, 3.0
Figures = dict[str, Any]


@dataclass
class Case:
    """One page as a manager opens it (url path and address), its AppTest and its times."""

    name: str
    path: str
    params: dict[str, str]
    click: str | None = None  # a button pressed once after opening (its key)
    at: Any = None
    cold: list[float] = field(default_factory=list)
    warm: list[float] = field(default_factory=list)


def _ids() -> dict[str, int]:
    """Ids for the pages opened from another one: the busiest past event, the track with the
    most enrolments, the artisan with the most attendances."""
    from db.engine import session_scope
    from db.models import Attendance, Event, TrackEnrolment

    with session_scope() as s:
        def top(column: Any, *where: Any) -> int:
            query = select(column).where(*where).group_by(column).order_by(
                func.count().desc(), column)
            return int(s.execute(query.limit(1)).scalar_one())

        return {"event": top(Attendance.event_id, Attendance.event_id.in_(
                    select(Event.id).where(Event.starts_at < datetime.now(UTC)))),
                "track": top(TrackEnrolment.track_id), "artisan": top(Attendance.artisan_id)}


def _cases() -> list[Case]:
    from components.navigation import specs_for

    ids = _ids()
    cases = [Case("floor", FLOOR, {})]
    for spec in specs_for("manager"):
        if spec.path.startswith("scripts/"):
            continue
        params = {"id": str(ids[spec.url_path])} if spec.url_path in BY_ID else {}
        label = f"{spec.url_path}?id={params['id']}" if params else spec.url_path
        cases.append(Case(label, spec.path, params))
        if spec.url_path in DASHBOARDS:
            cases.append(Case(f"{spec.url_path}?period=plan", spec.path, {"period": "plan"}))
        if spec.url_path == "report":  # then with its figures read (the prepare button)
            cases.append(Case("report, prepared", spec.path, {}, click="report_prepare"))
    return cases


def _open(clock: ScriptClock, case: Case) -> AppTest:
    """AppTest of app.py logged in as the demo manager, switched to the case's page."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for key, value in (("authentication_status", True), ("username", "manager"),
                       ("name", "manager"), ("roles", ["manager"]), ("lang", "en")):
        at.session_state[key] = value
    for key, value in case.params.items():
        at.query_params[key] = value
    clock.run(at)
    at.switch_page(case.path)
    clock.run(at)
    if case.click:
        at.button(key=case.click).click()
        clock.run(at)
    return at


def _run(clock: ScriptClock, case: Case) -> float:
    """One measured run of the case's page (ms); a click case presses its button again, having
    forgotten what the last press kept in the session (the prepared report)."""
    from components.report_contents import READY

    if case.click:
        case.at.session_state[READY] = None
        clock.run(case.at)  # the page with its button again (it reads no figure)
        case.at.button(key=case.click).click()
    return float(clock.run(case.at)["run"])


def _measure(clock: ScriptClock, cases: list[Case], repeat: int) -> None:
    """`repeat` rounds after an unmeasured one; each round runs every page cold, then warm, in
    turn, so a busy (shared) machine weighs on all of them alike."""
    import streamlit as st

    for case in cases:
        case.at = _open(clock, case)
    for round_ in range(repeat + 1):
        for case in cases:
            st.cache_data.clear()
            cold = _run(clock, case)
            warm = _run(clock, case)
            if round_:
                case.cold.append(cold)
                case.warm.append(warm)


def _report(scale: float, cases: list[Case]) -> list[Case]:
    """Print the table; return the cases that miss a target."""
    floor = cases[0]
    f_cold, f_warm = statistics.median(floor.cold), statistics.median(floor.warm)
    cold_target = PAGE_TARGET if scale <= 1 else COLD_TARGET_AT_20
    warm_target = PAGE_TARGET if scale <= 1 else None
    print(f"{'page (median ms, ratio to the floor)':<40}{'cold':>16}{'warm':>16}   target "
          f"(cold {cold_target}x" + (f", warm {warm_target}x)" if warm_target else ")"))
    missed = []
    for case in cases:
        cold, warm = statistics.median(case.cold), statistics.median(case.warm)
        rc, rw = cold / f_cold, warm / f_warm
        ok = rc <= cold_target and (warm_target is None or rw <= warm_target)
        if case.click:  # the page after an action (say, reading every figure of the report)
            verdict = "(after a click, not a page opening: no target)"
        else:
            verdict = "" if case is floor else ("ok" if ok else "MISSED")
            if not ok:
                missed.append(case)
        print(f"{case.name:<40}{cold:>9.1f} ({rc:.1f}x){warm:>9.1f} ({rw:.1f}x)   {verdict}")
    return missed


def _profile(clock: ScriptClock, cases: list[Case], repeat: int) -> None:
    """cProfile of the script thread over `repeat` cold runs of each page that missed."""
    import streamlit as st

    for case in cases:
        clock.profile = cProfile.Profile()
        for _ in range(repeat):
            st.cache_data.clear()
            _run(clock, case)
        print(f"\n{case.name}: {repeat} cold runs, by cumulative time (script thread), then "
              "the app's own functions (reads in db/queries, chart builders in components):")
        stats = pstats.Stats(clock.profile).sort_stats("cumulative")
        stats.print_stats(12)
        stats.print_stats(rf"{ROOT}/(db/queries|components)/|altair/", 20)
    clock.profile = None


# The naive way: whole tables read with pandas, aggregated in pandas (a reference, not the app).

def _table(conn: Any, model: Any, days: tuple[str, ...] = (),
           moments: tuple[str, ...] = ()) -> pd.DataFrame:
    frame = pd.read_sql(select(model.__table__), conn)
    for column in days:
        frame[column] = pd.to_datetime(frame[column])
    for column in moments:
        frame[column] = pd.to_datetime(frame[column], utc=True)
    return frame


def _day(value: date) -> pd.Timestamp:
    return pd.Timestamp(value)


def _moment(value: datetime) -> pd.Timestamp:
    return pd.Timestamp(value).tz_convert("UTC")


def _artisans(conn: Any) -> pd.DataFrame:
    from db.models import Artisan

    return _table(conn, Artisan, moments=("created_at",))


def _median(values: pd.Series) -> float | None:
    return float(values.median()) if len(values) else None


def naive_coaching(conn: Any, scope: Any, today: date) -> Figures:
    from db.models import CoachingSession, FollowUp

    art = _artisans(conn)[["id"]].rename(columns={"id": "artisan_id"})
    held = _table(conn, CoachingSession, days=("held_on",)).merge(art, on="artisan_id")
    fu = _table(conn, FollowUp, days=("due_on", "done_on")).merge(art, on="artisan_id")
    start, end = _day(scope.period.start), _day(scope.period.end)
    held_in = held[held.held_on.between(start, end)]
    due = fu[fu.due_on.between(start, end)]
    done = due[due.status == "done"]
    closed = fu[(fu.status == "done") & fu.done_on.between(start, end)].merge(
        held[["id", "held_on"]], left_on="session_id", right_on="id")
    return {"artisans_coached": held_in.artisan_id.nunique(), "sessions": len(held_in),
            "hours": float(held_in.duration_min.sum()) / 60, "follow_ups_done": len(done),
            "follow_ups_cancelled": int((due.status == "cancelled").sum()),
            "follow_ups_open": int((due.status == "open").sum()),
            "follow_ups_overdue": int(((due.status == "open") & (due.due_on < _day(today))).sum()),
            "done_on_time": (int((done.done_on <= done.due_on).sum()) / len(done)
                             if len(done) else None),
            "median_days_to_close": _median((closed.done_on - closed.held_on).dt.days),
            "follow_ups_closed": len(closed)}


def naive_community(conn: Any, scope: Any, today: date) -> Figures:
    from db.models import Attendance, Event
    from db.queries.community import window

    start, end = (_moment(m) for m in window(scope, today))
    art = _artisans(conn)[["id"]].rename(columns={"id": "artisan_id"})
    events = _table(conn, Event, moments=("starts_at",))
    events = events[events.action == "community"][["id", "starts_at"]]
    rows = _table(conn, Attendance).merge(events, left_on="event_id", right_on="id").merge(
        art, on="artisan_id")
    now = rows[(rows.starts_at >= start) & (rows.starts_at < end)]
    attended = now[now.status == "attended"]
    first = rows[rows.status == "attended"].groupby("artisan_id").starts_at.min()
    first = first[first < end]
    active, registrations = attended.artisan_id.nunique(), int(
        ((~now.walk_in) & (now.status != "cancelled")).sum())
    no_shows = int((now.status == "no_show").sum())
    repeaters = int((attended.groupby("artisan_id").event_id.nunique() >= 2).sum())
    new = int((first >= start).sum())
    return {"members": len(first), "new_members": new,
            "active_members": active, "returning_members": active - new,
            "events_held": int(((events.starts_at >= start) & (events.starts_at < end)).sum()),
            "attendances": len(attended), "walk_ins": int(attended.walk_in.sum()),
            "registrations": registrations, "no_shows": no_shows,
            "cancelled": int((now.status == "cancelled").sum()),
            "repeat_rate": repeaters / active if active else None,
            "no_show_rate": no_shows / registrations if registrations else None}


def naive_label(conn: Any, scope: Any, today: date) -> Figures:
    """label_figures and, under "funnel", label_funnel's counts."""
    from db.models import LabelStep
    from db.queries.event_lists import utc_day_start
    from db.vocab import LABEL_STATES, LABEL_VALIDITY_YEARS

    six = pd.DateOffset(years=LABEL_VALIDITY_YEARS)
    day = _day(min(scope.period.end, today))
    art = _artisans(conn)
    steps = _table(conn, LabelStep, days=("occurred_on",)).merge(
        art[["id"]].rename(columns={"id": "artisan_id"}), on="artisan_id")
    cert = steps[(steps.state == "certified") & (steps.occurred_on <= day)
                 & (steps.occurred_on > day - six)]
    expiries = steps[(steps.state == "expired") & (steps.occurred_on <= day)]
    pairs = cert.merge(expiries[["artisan_id", "occurred_on"]], on="artisan_id",
                       suffixes=("", "_exp"))
    lapsed = set(pairs[pairs.occurred_on_exp > pairs.occurred_on].id)
    certified = cert[~cert.id.isin(lapsed)].artisan_id.nunique()
    in_registry = art.created_at < _moment(utc_day_start(day.date() + timedelta(1)))
    decisions = steps[steps.state.isin(("certified", "refused"))
                      & steps.occurred_on.between(_day(scope.period.start), day)]
    prior = decisions.merge(steps[["artisan_id", "state", "occurred_on"]], on="artisan_id",
                            suffixes=("", "_prior"))

    def latest(state: str, strictly: bool) -> pd.Series:
        before = (prior.occurred_on_prior < prior.occurred_on if strictly
                  else prior.occurred_on_prior <= prior.occurred_on)
        found = prior[(prior.state_prior == state) & before].groupby("id").occurred_on_prior.max()
        return pd.Series(found.reindex(decisions.id).to_numpy(), index=decisions.index)

    submitted, previous, expired = (latest("submitted", False), latest("certified", True),
                                    latest("expired", True))
    eve = decisions.occurred_on - timedelta(days=1)
    renewal = (decisions.state == "certified") & previous.notna() & (previous > eve - six) & (
        expired.isna() | (expired <= previous))
    granted, renewals = int((decisions.state == "certified").sum()), int(renewal.sum())
    timed = (decisions.occurred_on - submitted).dt.days.dropna()
    known = steps[steps.occurred_on <= day].sort_values(["artisan_id", "occurred_on", "id"])
    last = known.groupby("artisan_id").tail(1).set_index("artisan_id")
    state = art.id.map(last.state)
    state = state.mask((state == "certified") & (art.id.map(last.occurred_on) <= day - six),
                       "expired")
    state = state[state.notna() | in_registry].fillna("not_informed")
    registry = int(in_registry.sum())
    return {"certified": certified, "registry": registry,
            "uptake_rate": certified / registry if registry else None,
            "new_certified": granted - renewals, "renewals": renewals,
            "refusals": len(decisions) - granted, "decisions": len(decisions),
            "decisions_timed": len(timed), "median_days_to_decision": _median(timed),
            "funnel": [int((state == s).sum()) for s in LABEL_STATES]}


def naive_campaign(conn: Any, scope: Any, today: date) -> Figures:
    """channel_figures (as records), campaign_totals and campaign_signups."""
    from db.models import CampaignMetric
    from db.queries.community import day_after
    from db.queries.event_lists import utc_day_start
    from db.vocab import CHANNELS

    m = _table(conn, CampaignMetric, days=("period_start", "period_end"))
    m = m[m.period_end.between(_day(scope.period.start), _day(scope.period.end))].copy()
    for column in ("spend_eur", "grp"):
        m[column] = m[column].astype(float)
    m["poster_face_days"] = m.poster_faces * ((m.period_end - m.period_start).dt.days + 1)

    def paired(part: pd.DataFrame, value: str, other: str) -> float:
        return float(part[value].where(part[other].notna()).sum(min_count=1))

    def ratio(top: float, bottom: float, times: float = 1.0) -> float | None:
        return None if math.isnan(top) or math.isnan(bottom) or not bottom else (
            top * times / bottom)

    channels = []
    for channel in (c for c in CHANNELS if c in set(m.channel)):
        part = m[m.channel == channel]
        sums = [part[c].sum(min_count=1) for c in ("impressions", "clicks", "spend_eur",
                                                    "flyers_distributed", "poster_face_days",
                                                    "spots_aired", "grp")]
        channels.append([channel, len(part), *sums, part.reach.max(),
                         ratio(paired(part, "clicks", "impressions"),
                               paired(part, "impressions", "clicks")),
                         ratio(paired(part, "spend_eur", "impressions"),
                               paired(part, "impressions", "spend_eur"), 1000.0),
                         ratio(paired(part, "spend_eur", "clicks"),
                               paired(part, "clicks", "spend_eur"))])
    art = _artisans(conn)
    signups = art[(art.source == "campaign")
                  & (art.created_at >= _moment(utc_day_start(scope.period.start)))
                  & (art.created_at < _moment(day_after(scope.period.end)))]
    return {"channels": [[_plain(v) for v in row] for row in channels],
            "impressions": int(m.impressions.sum()), "clicks": int(m.clicks.sum()),
            "spend_eur": float(m.spend_eur.sum()), "campaign_signups": len(signups)}


def _plain(value: Any) -> Any:
    """A figure as a plain number, None for a missing one (NaN, NA, NULL)."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return value if isinstance(value, str) else float(value)


# The dashboards' own reads, uncached, as the app runs them (db/queries/*_kpis.py).

def sql_coaching(s: Any, scope: Any, today: date) -> Figures:
    from db.queries.coaching_kpis import coaching_figures

    return coaching_figures(s, scope, today)


def sql_community(s: Any, scope: Any, today: date) -> Figures:
    from db.queries.community_kpis import community_figures

    return community_figures(s, scope, today)


def sql_label(s: Any, scope: Any, today: date) -> Figures:
    from db.queries.label_kpis import label_figures, label_funnel

    return {**label_figures(s, scope, today),
            "funnel": [int(n) for n in label_funnel(s, scope, today)["count"]]}


def sql_campaign(s: Any, scope: Any, today: date) -> Figures:
    from db.queries.campaign_kpis import campaign_signups, campaign_totals, channel_figures

    frame = channel_figures(s, scope)
    return {"channels": [[_plain(v) for v in row] for row in frame.itertuples(index=False)],
            **campaign_totals(s, scope), **campaign_signups(s, scope)}


READS: dict[str, tuple[Callable[..., Figures], Callable[..., Figures]]] = {
    "coaching": (sql_coaching, naive_coaching), "community": (sql_community, naive_community),
    "label (figures + funnel)": (sql_label, naive_label),
    "campaign (channels, totals, sign-ups)": (sql_campaign, naive_campaign)}


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if a is None or b is None or isinstance(a, str) or isinstance(b, str):
        return a == b
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)


def _ms(run: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _versus_naive(engine: Engine, scale: float, repeat: int) -> list[str]:
    """Check each dashboard's figures against the naive way, then time both (uncached); print
    the table and return the reads that miss the target (at scale 20)."""
    from db import clock
    from db.engine import session_scope
    from db.periods import Scope, quick_period

    today, missed = clock.today(), []
    print(f"{'figures (median ms, uncached)':<40}{'period':>10}{'SQL':>9}{'naive':>9}"
          f"{'faster':>8}   target {NAIVE_TARGET}x at scale 20")
    for name, (sql, naive) in READS.items():
        for pick in ("this_year", "plan"):
            scope = Scope(quick_period(pick, today))
            with session_scope(engine) as s:
                ours = sql(s, scope, today)
            with engine.connect() as conn:
                theirs = naive(conn, scope, today)
            if ours.keys() != theirs.keys() or not all(_same(ours[k], theirs[k]) for k in ours):
                raise AssertionError(f"{name}, {pick}: SQL {ours} != naive {theirs}")

            def by_sql(sql: Any = sql, scope: Scope = scope) -> None:
                with session_scope(engine) as s:
                    sql(s, scope, today)

            def by_pandas(naive: Any = naive, scope: Scope = scope) -> None:
                with engine.connect() as conn:
                    naive(conn, scope, today)

            fast, slow = _ms(by_sql, repeat), _ms(by_pandas, repeat)
            verdict = "" if scale < 20 else ("ok" if slow / fast >= NAIVE_TARGET else "MISSED")
            if verdict == "MISSED":
                missed.append(f"{name} {pick}")
            print(f"{name:<40}{pick:>10}{fast:>9.1f}{slow:>9.1f}{slow / fast:>7.1f}x   {verdict}")
    return missed


def _seeded(folder: Path, scale: float) -> Engine:
    """The scale's SQLite file in `folder` (named by DATABASE_URL), seeded unless it was."""
    from db.engine import get_engine, session_scope, upgrade_to_head
    from seed.populate import has_data, populate

    os.environ["DATABASE_URL"] = f"sqlite:///{folder / f'scale-{scale:g}.sqlite3'}"
    engine = get_engine()
    upgrade_to_head(engine)
    with session_scope(engine) as s:
        if not has_data(s):
            started = time.perf_counter()
            populate(s, scale=scale, seed=2023)
            print(f"seeded scale {scale:g} in {time.perf_counter() - started:.1f} s")
    return engine


def _bench(folder: Path, scales: list[float], repeat: int, profile: bool,
           pages: list[str] | None = None) -> None:
    import streamlit as st

    from components import navigation
    from db.engine import session_scope
    from db.models import Artisan

    clock = ScriptClock()
    clock.install()
    _as_on_a_server(clock)  # also registers bench_pages' floor: not a manager's page here
    navigation.PAGES = (*navigation.PAGES, navigation.PageSpec(  # type: ignore[assignment]
        FLOOR, "nav.overview", ":material/speed:", "bench-dash-floor", frozenset({"manager"}),
        "nav.section.dashboards", in_sidebar=False))
    missed: list[str] = []
    for scale in scales:
        engine = _seeded(folder, scale)
        st.cache_data.clear()
        st.cache_resource.clear()
        with session_scope(engine) as s:
            artisans = s.scalar(select(func.count()).select_from(Artisan))
        load = os.getloadavg()
        print(f"\nscale {scale:g} ({artisans:,} artisans), SQLite, manager, medians of {repeat}, "
              f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, load {load[0]:.1f} {load[1]:.1f}")
        cases = [c for c in _cases() if pages is None or c.name == "floor"
                 or c.name.split("?")[0] in pages]
        _measure(clock, cases, repeat)
        slow = _report(scale, cases)
        missed += [f"scale {scale:g}: {c.name}" for c in slow]
        print()
        if pages is None:  # the naive way: only in a run of every page
            missed += [f"scale {scale:g}: {r}" for r in _versus_naive(engine, scale, repeat)]
        if profile and slow:
            _profile(clock, slow, repeat)
        engine.dispose()
    print("\nall targets met" if not missed else "\nmissed: " + "; ".join(missed))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scales", default="1,20", help="comma-separated, e.g. 1,20")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--dir", type=Path, help="keep (and reuse) the seeded SQLite files here")
    parser.add_argument("--profile", action="store_true",
                        help="then cProfile cold runs of each page that missed its target")
    parser.add_argument("--pages", help="only these pages (url paths, comma-separated) and the "
                        "floor, without the naive way: e.g. label-dashboard,overview")
    args = parser.parse_args()
    os.environ.setdefault("BCRYPT_ROUNDS", "4")  # the demo users' hashes: fast to seed
    logging.disable(logging.WARNING)
    warnings.filterwarnings("ignore", message=".*expression-based index")
    scales = [float(s) for s in args.scales.split(",")]
    pages = args.pages.split(",") if args.pages else None
    if args.dir:
        args.dir.mkdir(parents=True, exist_ok=True)
        _bench(args.dir, scales, args.repeat, args.profile, pages)
        return
    with tempfile.TemporaryDirectory(prefix="bench_dashboards_") as scratch:
        _bench(Path(scratch), scales, args.repeat, args.profile, pages)


if __name__ == "__main__":
    main()
