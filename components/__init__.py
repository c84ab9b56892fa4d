"""Reusable UI pieces: translation, formatting, cached data access, charts, navigation."""
