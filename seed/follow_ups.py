"""Follow-ups of individual coachings, kept the way a working team keeps them (issue 9)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from seed.common import at, day_between

ACTIONS = {
    "business_model": ("Envoyer la trame de plan d'affaires",
                       "Mettre en contact avec un comptable"),
    "pricing": ("Envoyer le modèle de calcul de prix", "Relire la grille tarifaire"),
    "digital_presence": ("Présenter un photographe", "Relire la page de la boutique en ligne"),
    "label_application": ("Relire le dossier label",
                          "Envoyer le formulaire de demande du label"),
    "sustainability": ("Présenter un fournisseur", "Envoyer la liste des filières de réemploi"),
    "financing": ("Envoyer la liste des primes régionales",
                  "Préparer le rendez-vous au guichet de financement"),
    "other": ("Planifier une visite d'atelier", "Inscrire au prochain salon"),
}
DONE_NOTES = ("Envoyé par e-mail.", "Rendez-vous fixé.", "Fait lors de la visite d'atelier.",
              "L'artisan a bien reçu, à suivre au prochain rendez-vous.")
CANCELLED_NOTES = ("Projet mis en pause par l'artisan.", "Plus d'actualité.",
                   "Réglé par l'artisan lui-même.")
# Days from the session to the due date: mostly a few weeks, some a season ahead.
LAGS = (((7, 21), 60), ((28, 60), 30), ((60, 120), 10))
OVERDUE_SHARE = 0.10  # of the open follow-ups: a small tail, never a backlog
OVERDUE_WINDOW = 60  # days: an overdue follow-up fell due within the last two months,
OVERDUE_LIMIT = 90  # or within three when a small data set has too few due lately
DEMO_ADVISER = "staff"  # the demo login lands on its follow-ups: one of the tail is theirs


@dataclass
class Draft:
    session: dict
    owner: str
    action: str
    due: date
    status: str = "open"
    closes: date | None = None


def generate_follow_ups(rng: random.Random, sessions: list[dict], owners: dict[int, str],
                        today: date) -> list[dict]:
    """Up to two follow-ups per individual coaching, owned by its coach: most closed within
    days or weeks of their due date, a few cancelled, the open ones mostly due in the coming
    weeks, and a recent overdue tail of about a tenth of the open ones."""
    drafts = [_draft(rng, s, owners[s["coach_user_id"]], today)
              for s in sessions if s["track_id"] is None
              for _ in range(rng.choices((0, 1, 2), (15, 55, 30))[0])]
    _leave_overdue(rng, drafts, today)
    return [_row(rng, d) for d in drafts]


def _draft(rng: random.Random, session: dict, owner: str, today: date) -> Draft:
    held = session["held_on"]
    low, high = rng.choices([lag for lag, _ in LAGS], [w for _, w in LAGS])[0]
    draft = Draft(session, owner, rng.choice(ACTIONS[session["topic"]]),
                  held + timedelta(days=rng.randint(low, high)))
    last = today - timedelta(days=1)  # closed yesterday at the latest: never after "now"
    outcome = rng.choices(("done", "cancelled"), (94, 6))[0]
    if draft.due <= last:  # closed around its due date, a few days early to five weeks late
        closes = draft.due + timedelta(days=round(rng.triangular(-10, 35, 2)))
        if closes > last:
            closes = day_between(rng, draft.due, last)
        draft.status, draft.closes = outcome, max(closes, held + timedelta(days=1))
    elif held < last and rng.random() < 0.15:  # done before it falls due
        draft.status = outcome
        draft.closes = day_between(rng, held + timedelta(days=1), last)
    return draft


def _leave_overdue(rng: random.Random, drafts: list[Draft], today: date) -> None:
    """Reopen a few follow-ups due lately, so that about OVERDUE_SHARE of the open ones are
    overdue at any scale and on any day (and at least one, for the demo)."""
    waiting = sum(d.status == "open" for d in drafts)  # all due today or later so far
    wanted = max(1, round(waiting * OVERDUE_SHARE / (1 - OVERDUE_SHARE)))
    recent: list[Draft] = []
    for days in (OVERDUE_WINDOW, OVERDUE_LIMIT):
        if len(recent) < wanted:
            recent = [d for d in drafts if today - timedelta(days=days) <= d.due < today]
    picked = rng.sample(recent, min(wanted, len(recent)))
    theirs = [d for d in recent if d.owner == DEMO_ADVISER]
    if picked and theirs and not any(d.owner == DEMO_ADVISER for d in picked):
        picked[0] = rng.choice(theirs)
    for d in picked:
        d.status, d.closes = "open", None


def _row(rng: random.Random, d: Draft) -> dict:
    s = d.session
    row = {"artisan_id": s["artisan_id"], "session_id": s["id"],
           "owner_user_id": s["coach_user_id"], "action": d.action, "due_on": d.due,
           "status": d.status, "done_on": None, "note": None, "closed_at": None,
           "closed_by": None, "created_by": d.owner, "created_at": s["created_at"],
           "row_version": 1, "updated_at": None}
    if d.closes is not None:  # closed by its owner on a working day, once changed
        closed_at = at(d.closes, rng.randint(9, 17), rng.choice((0, 15, 30, 45)))
        notes = DONE_NOTES if d.status == "done" else CANCELLED_NOTES
        row.update(done_on=d.closes if d.status == "done" else None, closed_at=closed_at,
                   closed_by=d.owner, updated_at=closed_at, row_version=2,
                   note=rng.choice(notes) if rng.random() < 0.35 else None)
    return row
