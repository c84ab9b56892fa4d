"""Label journeys: ~100 certified before the plan, renewals and expiries, new files since 2023,
with the Commission Artisans' refusals: about 30% of its decisions early on, 20% lately."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta

from seed.common import PLAN_START, day_between

VALIDITY = timedelta(days=365 * 6 + 1)
IN_FORCE = date(2016, 6, 1)  # the law of 19 March 2014 applies from this day
FIRST_DECISIONS = date(2016, 9, 1)  # two months of examination after the first files
PLAN_REFUSAL = 0.25  # of the plan's first files and appeals; renewals pass, so ~20% overall
RETRY_WITHIN = timedelta(days=3 * 365)  # a refused artisan certified later tried again soon

Journey = list[dict]


def refused_share(year: int) -> float:
    """The Commission's refusals among its decisions of a year before the plan."""
    return 0.30 if year <= 2019 else 0.25


def _step(artisan_id: int, state: str, day: date) -> dict:
    return {"artisan_id": artisan_id, "state": state, "occurred_on": day, "recorded_by": "seed"}


def _decision_delay(rng: random.Random) -> timedelta:
    return timedelta(days=rng.randint(35, 90))  # 2 months, +30 days with an on-site check


def _day_in(rng: random.Random, year: int) -> date:
    return day_between(rng, max(date(year, 1, 10), FIRST_DECISIONS), date(year, 12, 20))


def _commission(rng: random.Random, share: float, deck: int = 20) -> Iterator[bool]:
    """Decisions (True: refused) drawn from shuffled decks holding exactly `share` refusals,
    so that a small seed refuses as often as a large one."""
    while True:
        cards = [i < round(deck * share) for i in range(deck)]
        rng.shuffle(cards)
        yield from cards


def _certified_before_plan(rng: random.Random, artisan_id: int, today: date) -> Journey:
    # Labels exist since June 2016; later years weigh more, as uptake grew.
    year = rng.choices(range(2016, 2023), weights=(1, 2, 2, 4, 4, 6, 6))[0]
    certified = _day_in(rng, year)
    steps = [_step(artisan_id, "submitted", certified - _decision_delay(rng)),
             _step(artisan_id, "certified", certified)]
    expiry = certified + VALIDITY
    # A label of 2016 counts among the ~100 of 2023 only if it was renewed in 2022.
    if expiry <= today or year == 2016:
        if year == 2016 or rng.random() < 0.8:
            renewed = expiry - timedelta(days=rng.randint(1, 40))
            steps += [_step(artisan_id, "submitted", renewed - _decision_delay(rng)),
                      _step(artisan_id, "certified", renewed)]
        else:
            steps.append(_step(artisan_id, "expired", expiry))
    return steps


def _decide(rng: random.Random, refuses: Iterator[bool], artisan_id: int, submitted: date,
            today: date) -> Journey:
    """A file submitted on a day, its decision, and after a refusal maybe an appeal."""
    steps, day = [_step(artisan_id, "submitted", submitted)], submitted
    for attempt in range(2):
        day += _decision_delay(rng)
        if day > today:
            return steps
        if not next(refuses):
            return [*steps, _step(artisan_id, "certified", day)]
        steps.append(_step(artisan_id, "refused", day))
        day += timedelta(days=rng.randint(20, 120))
        if attempt == 1 or rng.random() > 0.5 or day > today:
            return steps
        steps.append(_step(artisan_id, "submitted", day))
    return steps


def _refusals_before_plan(rng: random.Random, refuses: Iterator[bool],
                          veterans: dict[int, Journey], applicants: list[int],
                          today: date) -> list[Journey]:
    """Refused files of 2016-2022, as many as each year needs for the Commission's share:
    half an earlier try of a veteran, half applicants not certified before the plan (some of
    whom try again with the plan's help)."""
    decided = Counter((s["occurred_on"].year, s["state"])
                      for steps in veterans.values() for s in steps)
    journeys: list[Journey] = []
    for year in range(IN_FORCE.year, PLAN_START.year):
        share = refused_share(year)
        for _ in range(round(decided[year, "certified"] * share / (1 - share))):
            refused = _day_in(rng, year)
            tried = [_step(0, "submitted", refused - _decision_delay(rng)),
                     _step(0, "refused", refused)]
            retried = [a for a, steps in veterans.items() if steps[1]["state"] == "certified"
                       and refused + timedelta(days=45) <= steps[0]["occurred_on"]
                       <= refused + RETRY_WITHIN]
            if retried and rng.random() < 0.5:
                artisan_id = rng.choice(retried)
                veterans[artisan_id][:0] = [{**s, "artisan_id": artisan_id} for s in tried]
            elif applicants:
                artisan_id = applicants.pop()
                again = day_between(rng, PLAN_START, min(date(2024, 6, 30), today))
                if rng.random() < 0.4:
                    tried += _decide(rng, refuses, artisan_id, again, today)
                journeys.append([{**s, "artisan_id": artisan_id} for s in tried])
    return journeys


def _journey(rng: random.Random, refuses: Iterator[bool], artisan_id: int, informed: date,
             today: date) -> Journey:
    """informed -> interested -> file_in_preparation -> submitted -> certified | refused."""
    chain = (("interested", (10, 60), 0.4), ("file_in_preparation", (15, 90), 0.5),
             ("submitted", (20, 120), 0.9))
    steps, day = [_step(artisan_id, "informed", informed)], informed
    for state, (low, high), chance in chain:
        day += timedelta(days=rng.randint(low, high))
        if rng.random() > chance or day > today:
            return steps
        if state == "submitted":
            return [*steps, *_decide(rng, refuses, artisan_id, day, today)]
        steps.append(_step(artisan_id, state, day))
    return steps


def generate_label_steps(rng: random.Random, artisans: list[dict], scale: float,
                         today: date) -> list[dict]:
    """Every label step of every artisan, each artisan's in the order they happened."""
    rng = random.Random(rng.getrandbits(64))  # one draw: tuning journeys moves nothing else
    refuses = _commission(rng, PLAN_REFUSAL)
    registry = [a["id"] for a in artisans if a["source"] == "registry_import"]
    certified = max(1, round(100 * scale))
    early = rng.sample(registry, min(certified + round(60 * scale), len(registry)))
    veterans = {a: _certified_before_plan(rng, a, today) for a in early[:certified]}
    journeys = _refusals_before_plan(rng, refuses, veterans, early[certified:], today)
    journeys += veterans.values()
    taken = {steps[0]["artisan_id"] for steps in journeys}
    created = {a["id"]: a["created_at"].date() for a in artisans}
    ids = [a["id"] for a in artisans]
    for artisan_id in rng.sample(ids, min(round(650 * scale), len(ids))):
        if artisan_id in taken:
            continue
        # Information peaks with the April 2023 campaign, then flows steadily.
        start = date(2023, 4, 3) if rng.random() < 0.25 else PLAN_START
        end = date(2023, 6, 30) if start.month == 4 else today
        informed = max(day_between(rng, start, end), created[artisan_id])
        if informed <= today:
            journeys.append(_journey(rng, refuses, artisan_id, informed, today))
    return [s for steps in journeys for s in steps]


def current_states(steps: list[dict]) -> dict[int, tuple[str, date]]:
    """Each artisan's latest step (state, day); on a tie, the one generated last."""
    latest: dict[int, tuple[str, date]] = {}
    for step in steps:
        seen = latest.get(step["artisan_id"])
        if seen is None or step["occurred_on"] >= seen[1]:
            latest[step["artisan_id"]] = (step["state"], step["occurred_on"])
    return latest
