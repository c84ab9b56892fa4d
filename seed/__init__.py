"""Deterministic, realistic Brussels demo data, from pure generators shared with the tests."""

from seed.populate import SeedRefused, populate

__all__ = ["SeedRefused", "populate"]
