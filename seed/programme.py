"""Coaching tracks, sessions and follow-ups; the April 2023 campaign; KPI targets."""

from __future__ import annotations

import random
from datetime import date, timedelta

from seed.common import PLAN_START, day_between

TRACKS = (
    ("Parcours label « artisan certifié »", 6, "Constituer un dossier de label complet"),
    ("Parcours vendre en ligne", 5, "Boutique en ligne, photos, réseaux sociaux"),
    ("Parcours prix et marges", 4, "Calcul du prix de revient et positionnement"),
)
TOPICS = ("Prix de revient", "Dossier label", "Boutique en ligne", "Recherche d'atelier",
          "Financement et primes", "Export", "Photographie produit", "Statut et TVA",
          "Recrutement d'un apprenti", "Salons et marchés")
FOLLOW_UP_ACTIONS = ("Envoyer la liste des primes régionales", "Relire le dossier label",
                     "Présenter un fournisseur", "Mettre en contact avec un comptable",
                     "Planifier une visite d'atelier", "Envoyer le modèle de calcul de prix",
                     "Inscrire au prochain salon")


def generate_tracks(scale: int, today: date) -> list[dict]:
    """Three tracks a year, starting in February and September."""
    rows: list[dict] = []
    for year in range(PLAN_START.year, today.year + 1):
        for i, (title, planned, description) in enumerate(TRACKS):
            for copy in range(max(1, scale // 2)):
                starts = date(year, 2 if i % 2 == 0 else 9, 6 + copy)
                if starts > today:
                    continue
                rows.append({"id": len(rows) + 1, "title": f"{title} {year}",
                             "description": description, "starts_on": starts,
                             "ends_on": starts + timedelta(weeks=2 * planned),
                             "planned_sessions": planned})
    return rows


def generate_sessions(rng: random.Random, tracks: list[dict], artisan_ids: list[int],
                      coach_ids: list[int], scale: float, today: date) -> list[dict]:
    """Track sessions for each participant, plus ~250 individual coachings a year per scale."""
    rows = []
    for track in tracks:
        coach = rng.choice(coach_ids)
        for artisan_id in rng.sample(artisan_ids, min(rng.randint(8, 14), len(artisan_ids))):
            for k in range(track["planned_sessions"]):
                held = track["starts_on"] + timedelta(weeks=2 * k)
                if held <= today and rng.random() < 0.9:
                    rows.append(_session(artisan_id, coach, track["id"], held, rng.choice(
                        ("office", "online")), 150, f"{track['title']} – {k + 1}", None))
    regulars = rng.sample(artisan_ids, min(len(artisan_ids), max(1, round(400 * scale))))
    days = (today - PLAN_START).days
    for _ in range(int(250 * scale * days / 365)):
        held = day_between(rng, PLAN_START, today)
        if held.weekday() >= 5:
            held -= timedelta(days=2)
        rows.append(_session(rng.choice(regulars), rng.choice(coach_ids), None, held,
                             rng.choice(("on_site", "office", "online", "phone")),
                             rng.choice((45, 60, 60, 90, 120)), rng.choice(TOPICS),
                             "Point d'étape, prochaine action convenue."))
    return rows


def _session(artisan_id: int, coach: int, track_id: int | None, held: date, fmt: str,
             minutes: int, topic: str, notes: str | None) -> dict:
    return {"artisan_id": artisan_id, "coach_user_id": coach, "track_id": track_id,
            "held_on": held, "duration_min": minutes, "format": fmt, "topic": topic,
            "notes": notes}


def generate_follow_ups(rng: random.Random, sessions: list[dict], today: date) -> list[dict]:
    """A follow-up for ~60% of individual sessions: mostly done, some open and overdue."""
    rows = []
    for session_id, s in enumerate(sessions, start=1):
        if s["track_id"] is not None or rng.random() > 0.6:
            continue
        due = s["held_on"] + timedelta(days=rng.randint(7, 30))
        status, done_on = "open", None
        if due < today - timedelta(days=10):
            status = rng.choices(("done", "cancelled", "open"), (82, 6, 12))[0]
        elif rng.random() < 0.3:
            status = "done"
        if status == "done":
            done_on = min(today, max(s["held_on"], due + timedelta(days=rng.randint(-10, 15))))
        rows.append({"artisan_id": s["artisan_id"], "session_id": session_id,
                     "owner_user_id": s["coach_user_id"], "action": rng.choice(
                         FOLLOW_UP_ACTIONS), "due_on": due, "status": status,
                     "done_on": done_on})
    return rows


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
