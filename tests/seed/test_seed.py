"""The seed: deterministic, realistic, refusing to overwrite data unless told to."""

from __future__ import annotations

import random
import subprocess
import sys
from collections import Counter
from datetime import date

import pytest
from sqlalchemy import Engine, func, select

from db import identity
from db import models as m
from db.engine import session_scope
from db.queries.label import certified_count, may_follow
from seed.common import enterprise_number
from seed.label import generate_label_steps
from seed.people import generate_artisans
from seed.populate import SeedRefused, populate
from tests.conftest import ROOT, TODAY


def _count(engine: Engine, model: type[m.Base]) -> int:
    with engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(model)) or 0)


def test_enterprise_numbers_follow_mod97() -> None:
    assert enterprise_number(3_145_953) == "0314595348"  # FPS Economy's own number
    assert enterprise_number(4_123_456) == "0412345614"
    assert int(enterprise_number(9_999_999)[-2:]) == 97 - 9_999_999 % 97


def test_seed_is_deterministic(seeded: Engine) -> None:
    with seeded.connect() as conn:
        first = conn.execute(select(m.Artisan.last_name).order_by(m.Artisan.id).limit(20)).all()
    with session_scope(seeded) as s:
        populate(s, scale=0.1, seed=7, today=TODAY, reset_first=True)
    with seeded.connect() as conn:
        again = conn.execute(select(m.Artisan.last_name).order_by(m.Artisan.id).limit(20)).all()
    assert first == again


def test_seed_refuses_a_database_with_data(seeded: Engine) -> None:
    before = _count(seeded, m.Artisan)
    with pytest.raises(SeedRefused), session_scope(seeded) as s:
        populate(s, scale=0.1, seed=8, today=TODAY)
    assert _count(seeded, m.Artisan) == before


def test_cli_refuses_with_a_clear_message(seeded: Engine, db_url: str) -> None:
    result = subprocess.run([sys.executable, "-m", "seed", "--scale", "0.1"], cwd=ROOT,
                            env={"DATABASE_URL": db_url, "BCRYPT_ROUNDS": "4"},
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "already holds data; pass --reset" in result.stderr


def test_real_scale_label_history(engine: Engine) -> None:
    """About 100 certified when the plan began, rising toward ~150 by the end of 2024."""
    with session_scope(engine) as s:
        counts = populate(s, scale=1, seed=2023, today=TODAY)
    assert counts["artisans"] == 5000
    with session_scope(engine) as s:
        assert 95 <= certified_count(s, date(2023, 1, 1)) <= 105
        assert 135 <= certified_count(s, date(2024, 12, 31)) <= 170


@pytest.fixture(scope="module")
def real_scale_steps() -> list[dict]:
    """The label steps the generators give at the real size (5,000 artisans)."""
    rng = random.Random(2023)
    artisans = generate_artisans(rng, 5000, TODAY)
    for i, artisan in enumerate(artisans, start=1):
        artisan["id"] = i
    return generate_label_steps(rng, artisans, 1, TODAY)


def _refused_share(steps: list[dict], first: int, last: int) -> float:
    decided = Counter(s["state"] for s in steps if first <= s["occurred_on"].year <= last)
    return decided["refused"] / (decided["refused"] + decided["certified"])


def test_refusals_match_the_commission_s(real_scale_steps: list[dict]) -> None:
    """About 30% of decided files refused in 2016-2019, about 20% in 2023-2026."""
    assert 0.26 <= _refused_share(real_scale_steps, 2016, 2019) <= 0.34
    assert 0.16 <= _refused_share(real_scale_steps, 2023, 2026) <= 0.24


def _replayed(steps: list[tuple[int, str]]) -> list[tuple[int, str | None, str]]:
    """The steps (artisan, state) that may not follow their artisan's previous one."""
    wrong, previous = [], {}
    for artisan_id, state in steps:
        if not may_follow(previous.get(artisan_id), state):
            wrong.append((artisan_id, previous.get(artisan_id), state))
        previous[artisan_id] = state
    return wrong


def test_generated_journeys_follow_the_transitions(real_scale_steps: list[dict]) -> None:
    ordered = sorted(enumerate(real_scale_steps),  # a tie keeps the order of generation
                     key=lambda e: (e[1]["artisan_id"], e[1]["occurred_on"], e[0]))
    assert _replayed([(s["artisan_id"], s["state"]) for _, s in ordered]) == []


def test_seeded_journeys_follow_the_transitions(seeded: Engine) -> None:
    with seeded.connect() as conn:
        steps = conn.execute(select(m.LabelStep.artisan_id, m.LabelStep.state).order_by(
            m.LabelStep.artisan_id, m.LabelStep.occurred_on, m.LabelStep.id)).all()
    assert steps and _replayed([tuple(row) for row in steps]) == []


def test_the_registry_shows_each_artisan_s_latest_step(seeded: Engine) -> None:
    with seeded.connect() as conn:
        shown = {a: (s, d) for a, s, d in conn.execute(select(
            m.Artisan.id, m.Artisan.label_state, m.Artisan.label_state_on))}
        steps = conn.execute(select(m.LabelStep.artisan_id, m.LabelStep.state,
                                    m.LabelStep.occurred_on).order_by(m.LabelStep.id)).all()
    latest: dict[int, tuple[str | None, date | None]] = dict.fromkeys(shown, (None, None))
    for artisan_id, state, day in sorted(steps, key=lambda s: s.occurred_on):  # stable
        latest[artisan_id] = (state, day)
    assert shown == latest


def test_seeded_artisans_are_searchable(seeded: Engine) -> None:
    with seeded.connect() as conn:
        rows = conn.execute(select(m.Artisan)).all()
    for a in rows:
        assert a.name_key == identity.name_key(a.first_name, a.last_name) != ""
        assert a.search_text == identity.search_text(a.first_name, a.last_name,
                                                     a.business_name, a.email,
                                                     a.enterprise_number)


def test_every_event_action_and_channel_is_represented(seeded: Engine) -> None:
    with seeded.connect() as conn:
        actions = set(conn.scalars(select(m.Event.action).distinct()))
        channels = set(conn.scalars(select(m.CampaignMetric.channel).distinct()))
        statuses = set(conn.scalars(select(m.Attendance.status).distinct()))
    assert actions == {"community", "coaching", "label"}
    assert channels == {"posters", "radio", "flyers", "social", "search"}
    assert statuses == {"registered", "attended", "no_show", "cancelled"}


def test_some_follow_ups_are_overdue(seeded: Engine) -> None:
    with seeded.connect() as conn:
        overdue = conn.scalar(select(func.count()).where(
            m.FollowUp.status == "open", m.FollowUp.due_on < TODAY))
    assert overdue and overdue > 0


def test_no_seeded_account_has_a_password_derived_from_the_code(seeded: Engine) -> None:
    """The three advisers' passwords once came from the public seed; now nobody knows them."""
    import random

    from db.passwords import verify_password
    from seed.accounts import COACHES, DEMO_USERS

    rng = random.Random(7)  # the seed the `seeded` fixture used
    derived = {u: f"{rng.getrandbits(64):x}-{u}" for u, _ in COACHES}
    with session_scope(seeded) as s:
        hashes = {u: h for u, h in s.execute(select(m.User.username, m.User.password_hash))}
    assert set(hashes) == {u for u, *_ in DEMO_USERS} | set(derived)
    for username, password in derived.items():
        assert not verify_password(password, hashes[username])
        assert not any(verify_password(p, hashes[username]) for *_, p in DEMO_USERS)


@pytest.mark.parametrize("reset", [False, True])
def test_the_seed_refuses_production(db_url: str, monkeypatch: pytest.MonkeyPatch,
                                     reset: bool) -> None:
    monkeypatch.setenv("APP_ENV", "production")
    with pytest.raises(SeedRefused, match="production"), session_scope() as s:
        populate(s, scale=0.01, seed=1, today=TODAY, reset_first=reset)
    with session_scope() as s:
        assert s.scalar(select(func.count()).select_from(m.User)) == 0


def test_the_seed_command_in_production_creates_nothing(db_url: str) -> None:
    env = {"DATABASE_URL": db_url, "APP_ENV": "production", "PATH": "/usr/bin:/bin"}
    refused = subprocess.run([sys.executable, "-m", "seed", "--reset"], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=120)
    assert refused.returncode == 1 and "production" in refused.stderr
    quiet = subprocess.run([sys.executable, "-m", "seed", "--if-empty"], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=120)
    assert quiet.returncode == 0 and "make admin" in quiet.stderr  # `make run` goes on


def test_create_admin_makes_the_first_admin_once(db_url: str) -> None:
    env = {"DATABASE_URL": db_url, "APP_ENV": "production", "PATH": "/usr/bin:/bin",
           "ADMIN_PASSWORD": "a-long-admin-password", "BCRYPT_ROUNDS": "12"}
    args = [sys.executable, "-m", "db.create_admin", "--username", "J.Janssens",
            "--name", "Jan Janssens"]
    made = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    assert "a-long-admin-password" not in made.stdout + made.stderr
    again = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert again.returncode == 1 and "exists already" in again.stderr
    with session_scope() as s:
        user = s.scalars(select(m.User)).one()
    assert (user.username, user.role, user.active) == ("j.janssens", "admin", True)
    assert user.password_hash.startswith("$2b$12$")
