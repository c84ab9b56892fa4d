"""The Region's reference lists shipped with the app: communes, postcodes, craft sectors."""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent / "reference"


@dataclass(frozen=True)
class Commune:
    nis_code: str
    name_fr: str
    name_nl: str
    postcodes: tuple[str, ...]


@dataclass(frozen=True)
class CraftSector:
    code: str
    name_fr: str
    name_nl: str
    name_en: str
    share_of_labels_pct: float


@functools.cache
def communes() -> tuple[Commune, ...]:
    """The 19 communes of the Brussels-Capital Region, with NIS codes and postcodes."""
    with open(HERE / "communes.csv", encoding="utf-8") as fh:
        return tuple(
            Commune(r["nis_code"], r["name_fr"], r["name_nl"], tuple(r["postcodes"].split(";")))
            for r in csv.DictReader(fh)
        )


@functools.cache
def craft_sectors() -> tuple[CraftSector, ...]:
    """Craft sectors with their names and share of Belgian labels in 2024."""
    with open(HERE / "craft_sectors.csv", encoding="utf-8") as fh:
        return tuple(
            CraftSector(r["code"], r["name_fr"], r["name_nl"], r["name_en"],
                        float(r["share_of_belgian_labels_2024_pct"]))
            for r in csv.DictReader(fh)
        )


def commune_name(nis_code: str, lang: str) -> str:
    """A commune's name in the UI language (English uses the French name, as Brussels signs do)."""
    for c in communes():
        if c.nis_code == nis_code:
            return c.name_nl if lang == "nl" else c.name_fr
    return nis_code


def sector_name(code: str, lang: str) -> str:
    """A craft sector's name in the UI language."""
    for s in craft_sectors():
        if s.code == code:
            return {"fr": s.name_fr, "nl": s.name_nl}.get(lang, s.name_en)
    return code
