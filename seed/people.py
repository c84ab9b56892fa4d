"""Artisans of the Brussels registry and those who joined through the plan's actions."""

from __future__ import annotations

import random
from datetime import date, timedelta

from faker import Faker

from db import identity
from db.reference import communes, craft_sectors
from seed.common import PLAN_START, at, day_between, enterprise_number, slug

# Rough population of each commune (thousands), so artisans spread like residents do.
COMMUNE_WEIGHTS = {
    "21001": 122, "21002": 34, "21003": 25, "21004": 188, "21005": 48, "21006": 43,
    "21007": 56, "21008": 25, "21009": 87, "21010": 53, "21011": 22, "21012": 97,
    "21013": 50, "21014": 27, "21015": 133, "21016": 84, "21017": 25, "21018": 59,
    "21019": 42,
}
SOURCES = (("registry_import", 70), ("event", 12), ("campaign", 7), ("referral", 7),
           ("other", 4))
LANGUAGES = (("fr", 68), ("nl", 22), ("en", 10))
MAIL_HOSTS = ("gmail.com", "outlook.be", "skynet.be", "telenet.be", "proximus.be",
              "hotmail.com")
BUSINESS_WORDS = {
    "food": ("Boulangerie", "Chocolaterie", "Brasserie", "Fromagerie", "Biscuiterie"),
    "furniture_interior": ("Atelier", "Ébénisterie", "Tapisserie", "Restauration"),
    "textile_fashion": ("Maroquinerie", "Couture", "Atelier textile", "Chapellerie"),
    "wood": ("Menuiserie", "Tournerie", "Atelier bois"),
    "ceramics": ("Céramique", "Poterie", "Verrerie", "Atelier terre"),
    "luxury_jewellery": ("Bijouterie", "Joaillerie", "Horlogerie"),
    "other": ("Reliure", "Lutherie", "Taille de pierre", "Atelier de restauration"),
}


def _weighted(rng: random.Random, pairs: tuple[tuple[str, float], ...]) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def _created_on(rng: random.Random, source: str, today: date) -> date:
    if source == "registry_import":
        return PLAN_START
    if source == "campaign":
        return day_between(rng, date(2023, 4, 3), date(2023, 6, 30))
    return day_between(rng, PLAN_START, today)


def generate_artisans(rng: random.Random, count: int, today: date) -> list[dict]:
    """`count` artisans with fr_BE/nl_BE names, valid unique enterprise numbers and e-mails."""
    fakers = {"fr": Faker("fr_BE"), "nl": Faker("nl_BE")}
    for i, f in enumerate(fakers.values()):
        f.seed_instance(rng.randint(0, 2**31) + i)
    nis_codes = list(COMMUNE_WEIGHTS)
    postcodes = {c.nis_code: c.postcodes for c in communes()}
    sectors = tuple((s.code, s.share_of_labels_pct) for s in craft_sectors())
    bodies = rng.sample(range(4_000_000, 10_000_000), count)
    emails: set[str] = set()
    rows = []
    for i in range(count):
        lang = _weighted(rng, LANGUAGES)
        fake = fakers["nl" if lang == "nl" else "fr"]
        first, last = fake.first_name(), fake.last_name()
        sector = _weighted(rng, sectors)
        nis = rng.choices(nis_codes, weights=list(COMMUNE_WEIGHTS.values()))[0]
        source = _weighted(rng, SOURCES)
        email = None
        if rng.random() < 0.85:
            email = f"{slug(first)}.{slug(last)}@{rng.choice(MAIL_HOSTS)}"
            if email in emails:
                email = email.replace("@", f"{i}@")
            emails.add(email)
        created = _created_on(rng, source, today)
        consent = rng.random() < 0.8
        business = f"{rng.choice(BUSINESS_WORDS[sector])} {last}" if rng.random() < 0.7 else None
        rows.append({
            "first_name": first, "last_name": last, "business_name": business, "email": email,
            "phone": f"+32 4{rng.randint(70, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
                     f"{rng.randint(10, 99)}" if rng.random() < 0.75 else None,
            "enterprise_number": enterprise_number(bodies[i]) if rng.random() < 0.96 else None,
            "commune_nis": nis, "postcode": rng.choice(postcodes[nis]), "sector": sector,
            "language": lang, "source": source,
            "consent_contact": consent,
            "consent_newsletter": consent and rng.random() < 0.6,
            "consent_recorded_on": created if consent else None,
            "created_at": at(created, 9) + timedelta(minutes=i % 480),
        })
    return [_with_keys(row) for row in rows]


def _with_keys(row: dict) -> dict:
    """The derived search and duplicate keys, as the registry's writes store them."""
    row["name_key"] = identity.name_key(row["first_name"], row["last_name"])
    row["search_text"] = identity.search_text(row["first_name"], row["last_name"],
                                              row["business_name"], row["email"],
                                              row["enterprise_number"])
    return row
