"""together(): a page's reads at once, with the results and errors of reads made in turn."""

from __future__ import annotations

import threading

import pytest
from streamlit.testing.v1 import AppTest

from components.together import together


def test_results_come_in_the_order_of_the_reads() -> None:
    assert together(*(lambda n=n: n * n for n in range(9))) == [n * n for n in range(9)]
    assert together() == []
    assert together(lambda: "one") == ["one"]


def test_two_reads_run_at_the_same_time() -> None:
    """Each waits for the other at a barrier: read one after the other, the first would wait
    alone and the barrier break."""
    meet = threading.Barrier(2, timeout=5)
    assert together(meet.wait, meet.wait) in ([0, 1], [1, 0])


def test_each_read_runs_once() -> None:
    calls: list[int] = []
    together(*(lambda n=n: calls.append(n) for n in range(50)))
    assert sorted(calls) == list(range(50))


def test_the_first_error_in_order_is_raised_once_every_read_is_done() -> None:
    done: list[str] = []

    def fails(error: Exception) -> None:
        raise error

    with pytest.raises(ValueError, match="second"):
        together(lambda: done.append("first"), lambda: fails(ValueError("second")),
                 lambda: fails(KeyError("third")), lambda: done.append("fourth"))
    assert sorted(done) == ["first", "fourth"]


def _script() -> None:
    import threading

    import streamlit as st
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    from components.together import together

    st.session_state["seen"] = "a value"
    cached = st.cache_data(lambda n: n + 1)
    meet = threading.Barrier(2, timeout=5)  # each thread takes one read before the other ends

    def seen() -> object:
        meet.wait()
        assert get_script_run_ctx() is not None  # in the helper thread too
        return st.session_state["seen"]

    got = together(seen, seen, lambda: cached(1), lambda: cached(2))
    st.text(repr(got))


def test_reads_in_a_page_see_its_session_state_and_caches() -> None:
    at = AppTest.from_function(_script).run()
    assert not at.exception
    assert at.text[0].value == repr(["a value", "a value", 2, 3])
