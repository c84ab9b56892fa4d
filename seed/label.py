"""Label journeys: ~100 certified before the plan, renewals and expiries, new files since 2023."""

from __future__ import annotations

import random
from datetime import date, timedelta

from seed.common import PLAN_START, day_between

VALIDITY = timedelta(days=365 * 6 + 1)


def _step(artisan_id: int, state: str, day: date) -> dict:
    return {"artisan_id": artisan_id, "state": state, "occurred_on": day, "recorded_by": "seed"}


def _certified_before_plan(rng: random.Random, artisan_id: int, today: date) -> list[dict]:
    # Labels exist since June 2016; later years weigh more, as uptake grew.
    year = rng.choices(range(2017, 2023), weights=(1, 1, 2, 2, 3, 3))[0]
    certified = day_between(rng, date(year, 1, 10), date(year, 12, 20))
    steps = [_step(artisan_id, "submitted", certified - timedelta(days=rng.randint(35, 75))),
             _step(artisan_id, "certified", certified)]
    expiry = certified + VALIDITY
    if expiry <= today:
        if rng.random() < 0.8:
            renewed = expiry - timedelta(days=rng.randint(1, 40))
            steps += [_step(artisan_id, "submitted", renewed - timedelta(days=60)),
                      _step(artisan_id, "certified", renewed)]
        else:
            steps.append(_step(artisan_id, "expired", expiry))
    return steps


def _journey(rng: random.Random, artisan_id: int, informed: date, today: date) -> list[dict]:
    """informed -> interested -> file_in_preparation -> submitted -> certified | refused."""
    chain: list[tuple[str, tuple[int, int] | None, float]] = [
        ("informed", None, 1.0), ("interested", (10, 60), 0.4),
        ("file_in_preparation", (15, 90), 0.5), ("submitted", (20, 120), 0.8)]
    steps: list[dict] = []
    day = informed
    for state, delay, chance in chain:
        if rng.random() > chance:
            return steps
        day = day + timedelta(days=rng.randint(*delay)) if delay else day
        if day > today:
            return steps
        steps.append(_step(artisan_id, state, day))
    for _attempt in range(2):
        day += timedelta(days=rng.randint(30, 90))  # 2 months, +30 days with an on-site check
        if day > today:
            return steps
        if rng.random() < 0.85:
            return [*steps, _step(artisan_id, "certified", day)]
        steps.append(_step(artisan_id, "refused", day))
        if rng.random() > 0.45:
            return steps
        day += timedelta(days=rng.randint(20, 90))
        if day > today:
            return steps
        steps.append(_step(artisan_id, "submitted", day))
    return steps


def generate_label_steps(rng: random.Random, artisans: list[dict], scale: float,
                         today: date) -> list[dict]:
    """Every label step of every artisan, in no particular order."""
    registry = [a["id"] for a in artisans if a["source"] == "registry_import"]
    ids = [a["id"] for a in artisans]
    created = {a["id"]: a["created_at"].date() for a in artisans}
    veterans = rng.sample(registry, min(max(1, round(100 * scale)), len(registry)))
    steps = [s for a in veterans for s in _certified_before_plan(rng, a, today)]
    taken = set(veterans)
    newcomers = [a for a in rng.sample(ids, min(round(650 * scale), len(ids)))
                 if a not in taken]
    for artisan_id in newcomers:
        # Information peaks with the April 2023 campaign, then flows steadily.
        start = date(2023, 4, 3) if rng.random() < 0.25 else PLAN_START
        end = date(2023, 6, 30) if start.month == 4 else today
        informed = max(day_between(rng, start, end), created[artisan_id])
        if informed <= today:
            steps += _journey(rng, artisan_id, informed, today)
    return steps
