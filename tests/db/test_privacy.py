"""Partners' disclosure: counts rounded to base 5, "< 5", breakdowns audited against totals."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from db import reads
from db.engine import session_scope
from db.permissions import PermissionDenied
from db.privacy import (
    SMALL,
    UNKNOWN,
    Withheld,
    disclose,
    disclose_count,
    feasible,
    interval,
)
from db.reads import Read, run_read
from tests.conftest import TODAY


@pytest.mark.parametrize(("count", "shown"), [
    (0, 0), (1, SMALL), (4, SMALL), (5, 5), (7, 5), (8, 10), (12, 10), (13, 15), (17, 15),
    (18, 20), (1002, 1000), (1003, 1005), (11_553_047, 11_553_045)])
def test_counts_round_to_a_multiple_of_five_and_small_ones_show_as_under_five(
        count: int, shown: int | str) -> None:
    assert disclose_count(count) == shown


def test_an_interval_is_exactly_the_counts_that_look_alike() -> None:
    assert [interval(s) for s in (0, SMALL, 5, 10, 15)] == [(0, 0), (1, 4), (5, 7), (8, 12),
                                                             (13, 17)]
    for count in range(300):
        lo, hi = interval(disclose_count(count))
        assert lo <= count <= hi
        assert {disclose_count(c) for c in range(lo, hi + 1)} == {disclose_count(count)}


def _breakdown(counts: list[int], uncharted: int = 0) -> pd.DataFrame:
    rows = [(f"c{i:02}", c) for i, c in enumerate(counts)] + ([(None, uncharted)] * bool(uncharted))
    return pd.DataFrame(rows, columns=["commune_nis", "count"])


def test_the_issue_example_no_longer_gives_the_small_cell_away() -> None:
    # old: 86 shown exactly, 50+20+10 shown, so the two hidden cells were 5 and 1
    out = disclose("breakdown", _breakdown([50, 20, 10, 5, 1]))
    assert not isinstance(out, Withheld)
    assert out["count"].tolist()[:4] == [50, 20, 10, 5] and out["count_hidden"].tolist()[4] == SMALL
    cells = [interval(s) for s in (50, 20, 10, 5, SMALL)]
    ranges, total = feasible(cells, interval(disclose_count(86)))
    assert all(lo < hi for lo, hi in [*ranges, total])


def test_a_breakdown_whose_cells_are_pinned_by_the_total_is_withheld() -> None:
    # four cells of 7 show as 5 (5 to 7 each), the total 28 as 30 (28 to 32): all must be 7
    cells = [interval(5)] * 4
    assert feasible(cells, interval(30))[0] == [(7, 7)] * 4
    assert isinstance(disclose("breakdown", _breakdown([7, 7, 7, 7])), Withheld)


def test_uncharted_rows_count_toward_the_total_the_audit_checks() -> None:
    assert not isinstance(disclose("breakdown", _breakdown([7, 7, 7])), Withheld)  # 21 -> 20
    assert isinstance(disclose("breakdown", _breakdown([7, 7, 7], uncharted=7)), Withheld)


def test_partners_see_breakdown_cells_ordered_by_disclosed_value_only() -> None:
    out = disclose("breakdown", _breakdown([12, 3, 8, 1, 40]))
    assert out["commune_nis"].tolist() == ["c04", "c00", "c02", "c01", "c03"]  # 10, 10 by name


def _growth(news: dict[str, int]) -> pd.DataFrame:
    frame = pd.DataFrame({"month": pd.to_datetime(list(news)), "new": list(news.values())})
    return frame.assign(total=frame["new"].cumsum())


def test_growth_shows_rounded_totals_and_new_members_as_their_differences() -> None:
    out = disclose("growth", _growth({"2024-01-01": 2, "2024-02-01": 1, "2024-03-01": 9,
                                      "2024-05-01": 3, "2024-06-01": 28}))
    assert out["month"].dt.month.tolist() == [1, 2, 3, 4, 5, 6]  # April filled in
    assert out["total"].tolist()[2:] == [10, 10, 15, 45]
    assert out["total_hidden"].tolist()[:2] == [SMALL, SMALL]
    assert out["new_hidden"].tolist()[:3] == [SMALL, SMALL, UNKNOWN]
    assert out["new"].tolist()[3:] == [0, 5, 30]  # exactly: 0, 3 and 28


def test_headline_figures_are_each_rounded() -> None:
    figures = {"members": 424, "certified": 3, "impressions": 11_553_047, "follow_ups_open": 0}
    assert disclose("figures", figures) == {"members": 425, "certified": SMALL,
                                            "impressions": 11_553_045, "follow_ups_open": 0}


def test_run_read_discloses_to_partners_and_any_unknown_role(session: Session) -> None:
    for role in ("partner", "nobody"):
        assert run_read(session, "overview_figures", role, TODAY)["members"] == 0
    growth = run_read(session, "members_by_month", "partner", TODAY)
    assert "total_hidden" in growth.columns
    assert "count_hidden" not in run_read(session, "members_by_commune", "staff", TODAY).columns


def test_a_read_without_disclosure_is_refused_to_partners(
        session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    people = Read(lambda s: pd.DataFrame({"name": ["A. Person"]}), ("artisans",), None)
    monkeypatch.setitem(reads.READS, "artisan_list", people)
    assert len(run_read(session, "artisan_list", "staff")) == 1
    with pytest.raises(PermissionDenied):
        run_read(session, "artisan_list", "partner")


def test_breakdowns_add_up_to_their_headline_figure(seeded: Engine) -> None:
    with session_scope(seeded) as s:
        figures = run_read(s, "overview_figures", "staff", TODAY)
        for name, card in (("members_by_commune", "members"),
                           ("certified_by_sector", "certified")):
            assert run_read(s, name, "staff", TODAY)["count"].sum() == figures[card]


def _pinned_by_brute_force(cells: list[tuple[int, int]], total: tuple[int, int],
                           known: int) -> bool:
    """Whether some cell (or the total) takes one value only over every consistent guess."""
    seen: list[set[int]] = [set() for _ in cells] + [set()]
    for guess in itertools.product(*(range(lo, hi + 1) for lo, hi in cells)):
        if total[0] <= sum(guess) + known <= total[1]:
            for values, value in zip(seen, [*guess, sum(guess) + known], strict=True):
                values.add(value)
    given_ = [*cells, total]
    return any(len(values) == 1 and lo < hi for values, (lo, hi) in zip(seen, given_, strict=True))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=5),
       st.integers(min_value=0, max_value=12))
def test_no_cell_a_partner_sees_can_be_recovered(counts: list[int], uncharted: int) -> None:
    """Even a partner who knew the uncharted count exactly pins no cell of a shown breakdown;
    and a breakdown is withheld only when such a partner could pin one (the audit is exact)."""
    out = disclose("breakdown", _breakdown(counts, uncharted))
    total = interval(disclose_count(sum(counts) + uncharted))
    pinned = _pinned_by_brute_force([interval(disclose_count(c)) for c in counts], total,
                                    uncharted)
    assert isinstance(out, Withheld) == pinned
    if not isinstance(out, Withheld):
        assert all(v % 5 == 0 for v in out["count"].dropna())
        assert set(out.loc[out["count"].isna(), "count_hidden"]) <= {SMALL}
        cells = [interval(SMALL if h else int(v)) for v, h in zip(out["count"].fillna(0),
                                                                  out["count_hidden"],
                                                                  strict=True)]
        assert not _pinned_by_brute_force(cells, total, uncharted)
