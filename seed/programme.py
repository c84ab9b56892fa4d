"""Coaching tracks with their planned sessions, enrolments and attendance; individual coachings."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from seed.common import PLAN_START, at, day_between

# title, description, one topic code per planned session (every two weeks from the start)
TRACKS = (
    ("Parcours label « artisan certifié »", "Constituer un dossier de label complet",
     ("label_application", "business_model", "pricing", "label_application",
      "label_application", "label_application")),
    ("Parcours vendre en ligne", "Boutique en ligne, photos, réseaux sociaux",
     ("digital_presence", "digital_presence", "business_model", "digital_presence",
      "pricing")),
    ("Parcours prix et marges", "Calcul du prix de revient et positionnement",
     ("pricing", "pricing", "financing", "business_model")),
)
# Individual coachings: how often each topic comes up; "other" stays a minority.
TOPIC_WEIGHTS = {"business_model": 15, "pricing": 18, "digital_presence": 18,
                 "label_application": 15, "sustainability": 9, "financing": 14, "other": 11}
OTHER_TOPICS = ("Recherche d'atelier", "Export", "Statut et TVA", "Recrutement d'un apprenti",
                "Salons et marchés", "Assurances professionnelles", "Protection d'un modèle")
NOTES = {
    "business_model": ("Clarifier l'offre : pièces uniques ou petites séries ?",
                       "Réflexion sur la clientèle cible et les canaux de vente."),
    "pricing": ("Prix de revient recalculé avec les heures réelles : marge trop faible.",
                "Revoir les prix avant le marché de Noël."),
    "digital_presence": ("Photos produit à refaire en lumière naturelle.",
                         "Fiche Google à compléter, boutique en ligne en préparation."),
    "label_application": ("Dossier label presque complet : manque l'extrait BCE.",
                          "Critères du label expliqués, l'artisan hésite encore."),
    "sustainability": ("Recherche de fournisseurs de matières locales.",
                       "Pistes pour réemployer les chutes de matière."),
    "financing": ("Présentation des primes régionales et du microcrédit.",
                  "Demande de prime à l'investissement à préparer."),
    "other": ("Point d'étape, prochaine action convenue.",
              "Questions pratiques, orientation vers le bon service."),
}


def generate_tracks(scale: int, today: date,
                    created_by: str) -> tuple[list[dict], list[dict]]:
    """Three tracks a year (February and September) and their planned sessions, one every
    two weeks from the start, each with its topic."""
    tracks: list[dict] = []
    planned: list[dict] = []
    for year in range(PLAN_START.year, today.year + 1):
        for i, (title, description, topics) in enumerate(TRACKS):
            for copy in range(max(1, scale // 2)):
                starts = date(year, 2 if i % 2 == 0 else 9, 6 + copy)
                if starts > today:
                    continue
                track_id = len(tracks) + 1
                tracks.append({"id": track_id, "title": f"{title} {year}",
                               "description": description, "starts_on": starts,
                               "ends_on": starts + timedelta(weeks=2 * len(topics)),
                               "planned_sessions": len(topics), "created_by": created_by,
                               "created_at": at(starts - timedelta(days=42), 10)})
                planned += [{"id": len(planned) + seq, "track_id": track_id, "seq": seq,
                             "planned_on": starts + timedelta(weeks=2 * (seq - 1)),
                             "topic": topic} for seq, topic in enumerate(topics, start=1)]
    return tracks, planned


def generate_track_attendance(rng: random.Random, tracks: list[dict], planned: list[dict],
                              artisan_ids: list[int], coaches: dict[int, str], today: date,
                              now: datetime) -> tuple[list[dict], list[dict]]:
    """8-14 artisans enrolled in each track by its coach, each attending ~90% of the planned
    sessions held so far (a coaching session each, on the planned day)."""
    by_track: dict[int, list[dict]] = {}
    for p in planned:
        by_track.setdefault(p["track_id"], []).append(p)
    enrolments: list[dict] = []
    sessions: list[dict] = []
    for track in tracks:
        coach = rng.choice(list(coaches.items()))
        fmt = rng.choice(("office", "online"))
        for artisan_id in rng.sample(artisan_ids, min(rng.randint(8, 14), len(artisan_ids))):
            enrolled = track["starts_on"] - timedelta(days=rng.randint(3, 28))
            enrolments.append({"track_id": track["id"], "artisan_id": artisan_id,
                               "enrolled_by": coach[1],
                               "enrolled_at": at(enrolled, rng.randint(9, 17))})
            sessions += [_session(rng, artisan_id, coach, p["planned_on"], now,
                                  track_id=track["id"], track_session_id=p["id"],
                                  format=fmt, duration_min=150, topic=p["topic"])
                         for p in by_track[track["id"]]
                         if p["planned_on"] <= today and rng.random() < 0.9]
    return enrolments, sessions


def generate_sessions(rng: random.Random, artisan_ids: list[int], coaches: dict[int, str],
                      scale: float, today: date, now: datetime) -> list[dict]:
    """About 250 individual coachings a year per scale, among ~400 regulars per scale."""
    regulars = rng.sample(artisan_ids, min(len(artisan_ids), max(1, round(400 * scale))))
    staff = list(coaches.items())
    topics, weights = list(TOPIC_WEIGHTS), list(TOPIC_WEIGHTS.values())
    rows = []
    for _ in range(int(250 * scale * (today - PLAN_START).days / 365)):
        held = day_between(rng, PLAN_START, today)
        if held.weekday() >= 5:
            held -= timedelta(days=2)
        topic = rng.choices(topics, weights)[0]
        rows.append(_session(
            rng, rng.choice(regulars), rng.choice(staff), held, now,
            format=rng.choice(("on_site", "office", "online", "phone")),
            duration_min=rng.choice((45, 60, 60, 90, 120)), topic=topic,
            topic_other=rng.choice(OTHER_TOPICS) if topic == "other" else None,
            notes=rng.choice(NOTES[topic])))
    return rows


def _session(rng: random.Random, artisan_id: int, coach: tuple[int, str], held: date,
             now: datetime, **fields: object) -> dict:
    """A coaching session recorded by its coach the afternoon it was held."""
    return {"artisan_id": artisan_id, "coach_user_id": coach[0], "held_on": held,
            "track_id": None, "track_session_id": None, "topic_other": None, "notes": None,
            "created_by": coach[1], "created_at": min(at(held, rng.randint(12, 18)), now),
            **fields}


# channel -> weekly figures at scale 1 (varied by +-15% each week)
CHANNEL_WEEK = {
    "posters": {"poster_faces": 350, "impressions": 1_200_000, "reach": 420_000,
                "spend_eur": 11_000},
    "radio": {"spots_aired": 84, "grp": 45, "impressions": 900_000, "reach": 350_000,
              "spend_eur": 9_000},
    "flyers": {"flyers_distributed": 12_000, "impressions": 12_000, "reach": 10_500,
               "spend_eur": 1_800},
    "social": {"impressions": 600_000, "reach": 180_000, "clicks": 5_400, "spend_eur": 4_500},
    "search": {"impressions": 120_000, "clicks": 6_000, "spend_eur": 3_500},
}


def generate_campaign(rng: random.Random, scale: int) -> tuple[dict, list[dict]]:
    """The April 2023 campaign and its weekly figures on five channels."""
    campaign = {"id": 1, "name": "Plus bruxellois – avril 2023",
                "slogan": "plus juste, plus local, plus durable… plus bruxellois",
                "starts_on": date(2023, 4, 3), "ends_on": date(2023, 4, 30),
                "budget_eur": 120_000 * scale}
    metrics = []
    for week in range(4):
        start = date(2023, 4, 3) + timedelta(weeks=week)
        for channel, figures in CHANNEL_WEEK.items():
            row: dict = {"campaign_id": 1, "channel": channel, "period_start": start,
                         "period_end": start + timedelta(days=6)}
            for name, value in figures.items():
                varied = value * rng.uniform(0.85, 1.15)
                varied *= 1 if name == "grp" else scale
                row[name] = round(varied, 2) if name in ("grp", "spend_eur") else round(varied)
            metrics.append(row)
    return campaign, metrics


def generate_targets(scale: int, today: date) -> list[dict]:
    """Yearly targets; cumulative indicators are the value due at the end of the period."""
    rows = [{"indicator": "campaign_impressions", "period_start": date(2023, 4, 1),
             "period_end": date(2023, 4, 30), "target_value": 10_000_000 * scale}]
    yearly = {"community_members": (350, 700, 900, 1100),
              "certified_artisans": (125, 150, 165, 180),
              "artisans_coached": (150, 180, 180, 200),
              "coaching_sessions": (300, 330, 330, 350)}
    for indicator, values in yearly.items():
        for i, year in enumerate(range(2023, min(today.year, 2026) + 1)):
            rows.append({"indicator": indicator, "period_start": date(year, 1, 1),
                         "period_end": date(year, 12, 31), "target_value": values[i] * scale})
    return rows
