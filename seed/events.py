"""Event series, events and attendance: monthly networking, visits, conferences, label sessions."""

from __future__ import annotations

import random
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from seed.common import PLAN_START, at, months, nth_weekday

VENUES = (
    ("hub.brussels, Chaussée de Charleroi 110", "21013"),
    ("BeCentral, Cantersteen 12", "21004"),
    ("MAD Brussels, Place du Nouveau Marché aux Grains 10", "21004"),
    ("La Vallée, Rue Adolphe Lavallée 39", "21012"),
    ("Maison des Arts, Chaussée de Haecht 147", "21015"),
    ("Wolubilis, Cours Paul-Henri Spaak 1", "21018"),
    ("Espace Senghor, Chaussée de Wavre 366", "21005"),
    ("Centre culturel d'Uccle, Rue Rouge 47", "21016"),
)


@dataclass(frozen=True)
class SeriesPlan:
    title: str
    kind: str
    action: str
    weekday: int  # 0 = Monday
    week: int
    hour: int
    every_months: int
    capacity: int
    registrations: tuple[int, int]


SERIES = (
    SeriesPlan("Rencontres des artisan·e·s bruxellois·es", "networking", "community",
               3, 3, 18, 1, 90, (25, 85)),
    SeriesPlan("Visites d'ateliers", "workshop_visit", "coaching", 1, 2, 14, 2, 20, (8, 20)),
    SeriesPlan("Conférences métiers", "conference", "coaching", 2, 4, 19, 3, 120, (30, 90)),
    SeriesPlan("Séances d'info label « artisan certifié »", "label_info_session", "label",
               0, 1, 12, 3, 30, (10, 28)),
)


def generate_events(rng: random.Random, scale: int, today: date) -> tuple[list, list]:
    """Series and their events from January 2023 to two months after today."""
    series: list[dict] = []
    events: list[dict] = []
    horizon = today + timedelta(days=60)
    for plan in SERIES:
        for copy in range(scale if plan.kind == "networking" else max(1, scale // 2)):
            sid = len(series) + 1
            suffix = f" #{copy + 1}" if copy else ""
            series.append({"id": sid, "title": plan.title + suffix, "kind": plan.kind,
                           "action": plan.action, "recurrence": f"{plan.every_months}m"})
            for i, month in enumerate(months(PLAN_START, horizon)):
                if i % plan.every_months:
                    continue
                day = nth_weekday(month, plan.weekday, plan.week)
                if day > horizon:
                    continue
                venue, nis = VENUES[(i + copy) % len(VENUES)]
                events.append({
                    "id": len(events) + 1, "series_id": sid, "kind": plan.kind,
                    "action": plan.action, "starts_at": at(day, plan.hour, 30 if copy else 0),
                    "title": f"{plan.title}{suffix} – {day.isoformat()}", "venue": venue,
                    "commune_nis": nis, "capacity": plan.capacity,
                })
    return series, events


def generate_attendances(rng: random.Random, events: list[dict], artisans: list[dict],
                         now: datetime) -> list[dict]:
    """Registrations, attendance, no-shows, cancellations and walk-ins, with returning members."""
    plans = {p.kind: p for p in SERIES}
    by_created = sorted(artisans, key=lambda a: a["created_at"])
    ids = [a["id"] for a in by_created]
    created = [a["created_at"] for a in by_created]
    members: list[int] = []  # community members, all created before any later event
    seen: set[int] = set()
    rows: list[dict] = []
    for event in sorted(events, key=lambda e: e["starts_at"]):
        plan = plans[event["kind"]]
        pool = bisect_right(created, event["starts_at"])  # ids[:pool] existed by then
        wanted = min(rng.randint(*plan.registrations), pool, plan.capacity)
        chosen: set[int] = set()
        returning = members if plan.kind == "networking" else []
        while len(chosen) < wanted:
            if returning and rng.random() < 0.55:
                chosen.add(rng.choice(returning))
            else:
                chosen.add(ids[rng.randrange(pool)])
        held = event["starts_at"] <= now
        start = event["starts_at"]
        for artisan_id in sorted(chosen):
            status = "registered"
            if held:
                status = rng.choices(("attended", "no_show", "cancelled"), (76, 18, 6))[0]
            rows.append(_attendance(event, artisan_id, status, start, rng, walk_in=False))
        if held:
            walk_ins = rng.sample(range(pool), min(rng.randint(2, 8), pool))
            for artisan_id in (ids[i] for i in walk_ins):
                if artisan_id not in chosen:
                    chosen.add(artisan_id)
                    rows.append(_attendance(event, artisan_id, "attended", start, rng, True))
            if plan.kind == "networking":
                for r in rows[-len(chosen):]:
                    if r["status"] == "attended" and r["artisan_id"] not in seen:
                        seen.add(r["artisan_id"])
                        members.append(r["artisan_id"])
    return rows


def _attendance(event: dict, artisan_id: int, status: str, start: datetime,
                rng: random.Random, walk_in: bool) -> dict:
    return {
        "event_id": event["id"], "artisan_id": artisan_id, "status": status, "walk_in": walk_in,
        "registered_at": None if walk_in else start - timedelta(days=rng.randint(1, 30)),
        "checked_in_at": start + timedelta(minutes=rng.randint(-10, 45))
        if status == "attended" else None,
        "recorded_by": "staff",
    }
