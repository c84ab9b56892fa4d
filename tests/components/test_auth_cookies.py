"""A new login cookie is set again on the following runs until the browser reports it set."""

from __future__ import annotations

import pytest

from components import auth


def _runs(monkeypatch: pytest.MonkeyPatch, reported_on: int | None, runs: int = 8) -> list[int]:
    """Which runs set the cookie, when the browser reports it set from run `reported_on` on."""
    state: dict[str, object] = {"renew_cookie": auth.RENEW_RUNS}
    monkeypatch.setattr(auth.st, "session_state", state)
    set_on: list[int] = []
    for run in range(runs):
        if reported_on is not None and run >= reported_on:
            state["set"] = True  # the cookie component's value once its browser code has run
        auth._keep_setting("renew_cookie", "set", lambda run=run: set_on.append(run))
    return set_on


def test_the_cookie_is_set_until_the_browser_reports_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # Runs 0 and 1 were swept away before the browser ran them: run 2's component reported.
    assert _runs(monkeypatch, reported_on=2) == [0, 1, 2]


def test_a_browser_that_never_reports_is_not_sent_the_cookie_forever(
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert _runs(monkeypatch, reported_on=None) == list(range(auth.RENEW_RUNS))


def test_nothing_is_set_without_a_new_cookie(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auth.st, "session_state", {"set": True})
    auth._keep_setting("renew_cookie", "set", lambda: pytest.fail("no cookie to renew"))
