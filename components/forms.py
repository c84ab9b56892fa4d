"""Form plumbing: run a write on submit, keep the values, show each error at its field."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from components.errors import error_key, report
from components.i18n import t
from db.engine import run_write
from db.errors import ValidationError
from db.permissions import PermissionDenied


def _errors_key(form: str) -> str:
    return f"{form}__errors"


def submit(form: str, write: Callable[[], object], success_key: str,
           clear: tuple[str, ...] = ()) -> None:
    """Callback for a submit button: run the write and remember its errors or success. Every
    form writes through here, so each write is serialised on SQLite, retried after a PostgreSQL
    deadlock (db.engine.run_write), and an unexpected error shows a reference, not a traceback."""
    st.session_state[_errors_key(form)] = {}
    st.session_state.pop(f"{form}__success", None)
    try:
        run_write(write)
    except ValidationError as exc:  # also WriteConflict: another write got in the way
        st.session_state[_errors_key(form)] = exc.errors
        return
    except PermissionDenied as exc:
        st.session_state[_errors_key(form)] = {"_form": exc.key}
        return
    except Exception as exc:  # rolled back, so nothing is written; the details go to the log
        st.session_state[_errors_key(form)] = {"_form": error_key(exc), "_ref": report(exc)}
        return
    st.session_state[f"{form}__success"] = success_key
    for key in clear:  # e.g. password fields, never kept after success
        st.session_state[key] = ""


def field_error(form: str, field: str) -> None:
    """The translated error of one field, right under it."""
    st.session_state.setdefault(f"{form}__shown", set()).add(field)
    key = st.session_state.get(_errors_key(form), {}).get(field)
    if key:
        st.markdown(f":red[:material/error: {t(key)}]")


def form_feedback(form: str) -> None:
    """The form-wide error (e.g. permission, or an error reference) or the success message;
    an error of a field the form has no place for (say, the last check before saving refused
    a derived value) is shown here too, never dropped."""
    errors = st.session_state.get(_errors_key(form), {})
    shown = st.session_state.pop(f"{form}__shown", set()) | {"_form", "_ref"}
    if key := errors.get("_form"):
        st.error(t(key, ref=errors.get("_ref", "")))
    for field, key in errors.items():
        if field not in shown:
            st.error(t("form.not_saved", reason=t(key)))
    if success := st.session_state.get(f"{form}__success"):
        st.success(t(success))


def value(key: str, default: str = "") -> str:
    """A widget's current value from the session (callbacks run before widgets render)."""
    return str(st.session_state.get(key, default) or "")
