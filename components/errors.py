"""Errors on screen: a translated message and a short reference; the details to the server log."""

from __future__ import annotations

import logging
import secrets
import sys
from collections.abc import Sequence

import streamlit as st
from sqlalchemy.exc import InterfaceError, OperationalError

from components.i18n import t
from db.engine import DatabaseConfigError

log = logging.getLogger("artisans")
if not log.handlers:  # Streamlit configures only its own loggers: ours go to stderr
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(_handler)
    log.setLevel(logging.INFO)


def database_down(exc: BaseException) -> bool:
    """True for a bad DATABASE_URL or a database that cannot be reached (not a bad statement)."""
    return isinstance(exc, DatabaseConfigError | OperationalError | InterfaceError)


def _one_line(exc: BaseException) -> str:
    cause = getattr(exc, "orig", None) or exc  # the driver's words, without SQL or values
    lines = str(cause).strip().splitlines()
    return f"{type(cause).__name__}: {lines[0] if lines else ''}"


def report(exc: BaseException) -> str:
    """Log an error under a new short reference and return it: a database that is down gets
    one line (URLs masked), anything else its traceback (engines hide SQL parameters)."""
    ref = secrets.token_hex(4)
    if database_down(exc):
        log.error("database unavailable [ref %s]: %s", ref, _one_line(exc))
    else:
        log.error("unexpected error [ref %s]", ref, exc_info=exc)
    return ref


def error_key(exc: BaseException) -> str:
    """The translation key shown for an error (it takes the reference as {ref})."""
    return "errors.database_unavailable" if database_down(exc) else "errors.unexpected"


def explain(exc: BaseException) -> str:
    """Report an error and return what the browser may see: a translated line and the reference."""
    return t(error_key(exc), ref=report(exc))


def error_screen(messages: Sequence[str]) -> None:
    """A run that cannot serve shows only this page: with st.navigation called, Streamlit never
    falls back to listing the files in pages/ or running one of them without app.py."""

    def unavailable() -> None:
        for message in messages:
            st.error(message)

    st.navigation([st.Page(unavailable, title=t("errors.title"), icon=":material/error:",
                           url_path="unavailable", default=True)], position="hidden").run()


def leave_legacy_pages_mode() -> None:
    """Called first by a page file: Streamlit runs pages/<x>.py without app.py when a fresh
    server's first request is a deep link (its pages/ folder mode lasts until st.navigation is
    first called). Switch that mode off for the process and rerun, so app.py serves the URL."""
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
