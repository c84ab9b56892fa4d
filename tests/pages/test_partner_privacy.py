"""A partner sees aggregates only: no artisan's name, e-mail or phone, no cell under 5."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
from sqlalchemy import Engine, select
from streamlit.testing.v1 import AppTest

from components.navigation import specs_for
from db.models import Artisan
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


def test_partner_breakdowns_hide_cells_under_five(seeded: Engine) -> None:
    at = app_as("partner")
    at.run()
    breakdowns = [f for f in chart_data(at) if "suppressed" in f.columns]
    assert len(breakdowns) == 2
    for frame in breakdowns:
        counts = frame["count"].dropna()
        assert ((counts == 0) | (counts >= 5)).all()
        assert (frame.loc[frame["hidden_as"] == "small", "text"] == "< 5").all()
        assert (frame.loc[frame["hidden_as"] == "masked", "text"] == "masqué").all()
        assert frame["suppressed"].sum() != 1
    assert any(frame["suppressed"].any() for frame in breakdowns), "the seed has small cells"


def test_staff_see_exact_small_counts(seeded: Engine) -> None:
    at = app_as("staff")
    at.run()
    breakdowns = [f for f in chart_data(at) if "suppressed" in f.columns]
    assert not any(frame["suppressed"].any() for frame in breakdowns)
    assert any((frame["count"] < 5).any() for frame in breakdowns)
