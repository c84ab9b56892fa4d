"""A partner sees aggregates only: no artisan's name, e-mail or phone, and every figure
rounded to a multiple of 5 or shown as "< 5" (see docs/privacy.md)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pandas as pd
import pyarrow as pa
import pytest
from sqlalchemy import Engine, insert, select
from streamlit.testing.v1 import AppTest

from components.navigation import specs_for
from db import models as m
from db.models import Artisan
from db.reference import communes
from tests.conftest import app_as


def _arrow(data: bytes) -> pd.DataFrame:
    return pa.ipc.open_stream(data).read_pandas()


def chart_data(at: AppTest) -> list[pd.DataFrame]:
    """The rows behind every chart on screen."""
    return [_arrow(ds.data.data) for c in at.get("vega_lite_chart") for ds in c.proto.datasets]


def _everything_shown(at: AppTest) -> str:
    """All text of every element, chart and table rows included, as one string."""
    parts: list[str] = []

    def walk(node: object) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            parts.append(str(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    parts += [frame.to_string() for frame in chart_data(at)]
    parts += [_arrow(d.proto.data).to_string() for d in at.get("arrow_data_frame")]
    return "\n".join(parts)


def _partner_screens() -> list[str]:
    screens = []
    for spec in specs_for("partner"):
        at = app_as("partner")
        at.run()
        at.switch_page(spec.path).run()
        assert not at.exception, at.exception
        screens.append(_everything_shown(at))
    return screens


def test_partner_pages_show_no_personal_data(seeded: Engine) -> None:
    with seeded.connect() as conn:
        people = conn.execute(select(Artisan.first_name, Artisan.last_name, Artisan.email,
                                     Artisan.phone)).all()
    screens = _partner_screens()
    assert len(screens) == len(specs_for("partner")) >= 2
    for text in screens:
        for first, last, email, phone in people:
            assert f"{first} {last}" not in text
            assert not email or email not in text
            assert not phone or phone not in text


HIDDEN_LABELS = {"< 5", "non communiqué"}  # French, the default language
FIGURE = re.compile(r"^\d[\d.]*$")  # 1.234 in French


def figures_seen(at: AppTest) -> list[float | str]:
    """Every figure on the page: card values, every value in every chart's data and in every
    chart's data table (months and category names aside); text figures stay as shown
    ("1.234", "< 5")."""
    seen: list[float | str] = [mt.value for mt in at.metric]
    for frame in [*chart_data(at), *(table.value for table in at.dataframe)]:
        for column in frame.columns:
            values = frame[column]
            if pd.api.types.is_datetime64_any_dtype(values):
                continue
            if pd.api.types.is_numeric_dtype(values):
                seen += [float(v) for v in values.dropna()]
            else:
                seen += [v for v in values if FIGURE.match(v) or v in HIDDEN_LABELS]
    return seen


def _number(figure: float | str) -> float | None:
    if isinstance(figure, str):
        return None if figure in HIDDEN_LABELS else float(figure.replace(".", ""))
    return figure


def _disclosed(figure: float | str) -> bool:
    """A multiple of 5, or a label ("< 5"; "non communiqué" for a new-members figure that
    two rounded totals do not determine)."""
    number = _number(figure)
    return number % 5 == 0 if number is not None else figure in HIDDEN_LABELS


def _overview(role: str) -> AppTest:
    at = app_as(role)
    at.run()
    if role == "staff":  # advisers land on their follow-ups
        at.switch_page("pages/overview.py").run()
    assert not at.exception, at.exception
    return at


def test_every_figure_a_partner_sees_is_rounded_or_under_five(seeded: Engine) -> None:
    at = _overview("partner")
    assert len(at.metric) == 6 and len(chart_data(at)) == 3 and len(at.dataframe) == 3
    seen = figures_seen(at)
    assert len(seen) > 100 and "< 5" in seen, "the seed has small sectors"
    assert [f for f in seen if not _disclosed(f)] == []


def test_the_members_card_is_the_growth_charts_last_total(seeded: Engine) -> None:
    at = _overview("partner")
    growth = chart_data(at)[0]
    assert {mt.label: mt.value for mt in at.metric}["Membres de la communauté"] == \
        growth["total_text"].iloc[-1]


def _members(engine: Engine, joined: list[tuple[int, int, int]]) -> None:
    """(month of 2024, commune index, how many) first attend a community evening that month."""
    places = communes()
    with engine.begin() as conn:
        artisan = 0
        for event_id, (month, commune, how_many) in enumerate(joined, start=1):
            conn.execute(insert(m.Event), {
                "id": event_id, "title": "Soirée", "kind": "networking", "action": "community",
                "starts_at": datetime(2024, month, 15, 18, tzinfo=UTC)})
            for _ in range(how_many):
                artisan += 1
                place = places[commune]
                conn.execute(insert(m.Artisan), {
                    "id": artisan, "first_name": "Prénom", "last_name": f"Nom{artisan}",
                    "language": "fr", "source": "other", "commune_nis": place.nis_code,
                    "postcode": place.postcodes[0]})
                at = datetime(2024, month, 15, 18, tzinfo=UTC)  # registered and in at the start
                conn.execute(insert(m.Attendance), {"event_id": event_id, "artisan_id": artisan,
                                                    "status": "attended", "recorded_by": "s",
                                                    "registered_at": at, "checked_in_at": at})


SMALL_CASE = [(1, 0, 30), (2, 1, 3), (3, 2, 12)]  # 3 join in February, all from commune 1


def test_a_small_month_and_a_small_commune_never_show_their_count(demo_users: Engine) -> None:
    _members(demo_users, SMALL_CASE)  # totals 30, 33, 45
    at = _overview("partner")
    seen = figures_seen(at)
    assert [f for f in seen if not _disclosed(f)] == []
    assert not {3, 12, 33} & {_number(f) for f in seen}
    growth, by_commune = chart_data(at)[:2]
    assert growth["new_text"].tolist() == ["30", "5", "10"]
    assert by_commune["text"].tolist() == ["30", "10", "< 5"]
    assert by_commune["shown"].isna().tolist() == [False, False, True]  # no bar, a label


@pytest.mark.parametrize("role", ["staff", "manager", "admin"])
def test_staff_and_up_see_exact_figures(demo_users: Engine, role: str) -> None:
    _members(demo_users, SMALL_CASE)
    at = _overview(role)
    growth, by_commune = chart_data(at)[:2]
    assert {mt.label: mt.value for mt in at.metric}["Membres de la communauté"] == "45"
    assert growth["new"].tolist() == [30, 3, 12]
    assert sorted(by_commune["text"]) == ["12", "3", "30"]
    assert "Chiffres agrégés" not in " ".join(c.value for c in at.caption)


def test_a_breakdown_the_total_would_give_away_is_withheld(demo_users: Engine) -> None:
    _members(demo_users, [(1, i, 7) for i in range(4)])  # 4 x 7 = 28: each "5" must be 7
    partner = _overview("partner")
    assert "Répartition masquée pour protéger la vie privée" in partner.info[0].value
    assert len(chart_data(partner)) == 1  # the growth chart only
    assert [f for f in figures_seen(partner) if not _disclosed(f)] == []
    staff = _overview("staff")
    assert chart_data(staff)[1]["text"].tolist() == ["7"] * 4
