"""Database layer: models, engine, migrations and one query module per area."""
