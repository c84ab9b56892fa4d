"""The attendance list of a held event: upload or paste, map the columns, preview the matches,
settle the ambiguous rows, record; embedded in the event page's "after the event" tab."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from components.downloads import csv_bytes
from components.forms import form_feedback, submit
from components.i18n import fmt_number, labeller, t
from components.import_tables import column_mapping
from db.engine import session_scope
from db.errors import ValidationError
from db.permissions import Actor
from db.queries.attendance_import import (
    FIELDS,
    STATUSES,
    AttendancePreview,
    attendance_rows,
    commit_attendance,
    guess_attendance_mapping,
    preview_attendance,
)
from db.tabular import MAX_BYTES, clean_filename, read_table

FORM = "attendance_import"
P = "attendance_import_"  # every widget and session key of this block
SKIP = 0  # the "skip this row" option of an ambiguous row (never an artisan id)
PASTED = "pasted.csv"
# Our columns in the tables, and how their values read.
WORDS: dict[str, Callable[[Any], str]] = {
    "how": lambda v: t(f"attendance_import.how.{v}") if v else "",
    "field": lambda v: t(f"attendance_import.field.{v}") if v else "",
    "reason": lambda v: t(v) if v else "",
}
OURS = ("row", "artisan_id", "how", "candidates", "field", "reason")


def _forget() -> None:
    """A new list: the earlier mapping, choices and outcome no longer apply."""
    for key in [k for k in st.session_state if str(k).startswith((f"{P}map_", f"{P}resolve_"))]:
        del st.session_state[key]
    for key in (f"{P}result", f"{P}preview", f"{FORM}__success", f"{FORM}__errors"):
        st.session_state.pop(key, None)


def _parsed(stamp: tuple[str, str], name: str, read: Callable[[], bytes]) -> pd.DataFrame | None:
    """The list read once per file or text (kept for reruns); its problem shown in words."""
    kept = st.session_state.get(f"{P}parsed")
    if kept is None or kept["stamp"] != stamp:
        _forget()
        try:
            kept = {"stamp": stamp, "frame": read_table(read(), name), "error": None}
        except ValidationError as exc:
            kept = {"stamp": stamp, "frame": None, "error": exc.errors["file"]}
        st.session_state[f"{P}parsed"] = kept
    if kept["error"]:
        st.error(t(kept["error"]))
    return kept["frame"]


def _list() -> tuple[str, str, pd.DataFrame] | None:
    """The uploaded file or the pasted text: its name, its stamp and its rows."""
    source = st.radio(t("attendance_import.source"), ("file", "paste"), horizontal=True,
                      key=f"{P}source", format_func=labeller("attendance_import.source."))
    if source == "paste":
        text = st.text_area(t("attendance_import.paste"), key=f"{P}text", height=160,
                            help=t("attendance_import.paste_help"))
        if not text.strip():
            return None
        stamp = hashlib.sha256(text.encode("utf-8")).hexdigest()
        frame = _parsed(("paste", stamp), PASTED, lambda: text.encode("utf-8"))
        return (PASTED, stamp, frame) if frame is not None else None
    file = st.file_uploader(t("imports.file"), type=["csv", "xlsx"], key=f"{P}file",
                            help=t("imports.file_help"))
    if file is None:
        return None
    if file.size > MAX_BYTES:  # refused before reading it into memory
        st.error(t("imports.too_large"))
        return None
    frame = _parsed(("file", file.file_id), file.name, file.getvalue)
    return (clean_filename(file.name), file.file_id, frame) if frame is not None else None


def _mapping(headers: list[str]) -> dict[str, str | None]:
    st.caption(t("attendance_import.mapping_help"))
    return column_mapping(FIELDS, headers, guess_attendance_mapping(headers), f"{P}map_",
                          "attendance_import.field.", 4)


def _readable(preview: AttendancePreview, status: str) -> pd.DataFrame:
    """A group's rows with our values in words; our columns this group leaves empty dropped."""
    table = attendance_rows(preview, status)
    table = table.drop(columns=[c for c in OURS[1:] if not table[c].fillna("").map(bool).any()])
    return table.assign(**{c: table[c].map(show) for c, show in WORDS.items() if c in table})


def _headers(table: pd.DataFrame) -> dict[str, str]:
    return {c: t(f"attendance_import.col.{c}") for c in OURS if c in table.columns}


def _table(table: pd.DataFrame) -> None:
    """A group of rows; the list's text only ever in a dataframe, never as markdown."""
    if table.empty:
        st.info(t("imports.no_rows"))
        return
    st.dataframe(table, hide_index=True, width="stretch", column_config=_headers(table))


def _ask(preview: AttendancePreview) -> None:
    """For each ambiguous row, a choice among its candidates, or skipping it; none preset."""
    ambiguous = [r for r in preview.rows if r.status == "ambiguous"]
    if ambiguous:
        st.markdown(f"**{t('attendance_import.resolve_title')}**")
    skip = t("attendance_import.skip")  # bound now: format_func may run outside this run
    for r in ambiguous:
        labels = {**{c.id: c.label for c in r.candidates}, SKIP: skip}
        st.selectbox(t("attendance_import.resolve", row=r.row), list(labels), index=None,
                     key=f"{P}resolve_{r.row}", placeholder=t("attendance_import.choose"),
                     format_func=labels.__getitem__)


def _answers(preview: AttendancePreview) -> dict[int, int | None]:
    """The answers given so far (read when the button is pressed): an artisan id, or None to
    skip; a row left open is absent, so the write refuses it."""
    answers: dict[int, int | None] = {}
    for r in preview.rows:
        pick = st.session_state.get(f"{P}resolve_{r.row}") if r.status == "ambiguous" else None
        if pick is not None:
            answers[r.row] = None if pick == SKIP else int(pick)
    return answers


def _preview(event_id: int, stamp: str, frame: pd.DataFrame,
             mapping: dict[str, str | None]) -> AttendancePreview | None:
    """The preview, kept until the list, the mapping or the data change; None if refused."""
    versions = st.session_state.get("data_versions", {})
    key = (event_id, stamp, tuple(mapping.items()), versions.get("events"),
           versions.get("attendance"), versions.get("artisans"))
    cache = st.session_state.get(f"{P}preview")
    if not cache or cache[0] != key:
        try:
            with session_scope() as session:
                cache = (key, preview_attendance(session, event_id, frame, mapping))
        except ValidationError as exc:
            st.error(t(next(iter(exc.errors.values()))))
            return None
        st.session_state[f"{P}preview"] = cache
    return cache[1]


def _record(actor: Actor, event_id: int, event_started: bool,
            listed: tuple[str, pd.DataFrame, dict[str, str | None]],
            preview: AttendancePreview) -> None:
    """The button that records the list (once the event has started), and what it did."""
    name, frame, mapping = listed
    todo = sum(preview.count(s) for s in ("matched", "new", "ambiguous"))
    if not event_started:
        st.info(t("attendance_import.not_started"))
    elif todo:

        def write() -> None:
            with session_scope() as session:
                result = commit_attendance(
                    session=session, actor=actor, event_id=event_id, frame=frame,
                    mapping=mapping, resolutions=_answers(preview), filename=name)
            st.session_state[f"{P}result"] = result
            st.session_state.pop(f"{P}preview", None)  # read again from what is now saved

        st.button(t("attendance_import.commit", count=fmt_number(todo)), type="primary",
                  key=f"{P}commit", icon=":material/how_to_reg:", on_click=submit,
                  args=(FORM, write, "attendance_import.committed"))
    elif not st.session_state.get(f"{FORM}__success"):
        st.info(t("attendance_import.nothing"))
    form_feedback(FORM)
    if (result := st.session_state.get(f"{P}result")) and st.session_state.get(
            f"{FORM}__success"):
        st.write(t("attendance_import.result",
                   **{k: fmt_number(v) for k, v in vars(result).items()}))


def attendance_import(actor: Actor, event_id: int, event_started: bool) -> None:
    """Upload or paste an attendance list, preview it, settle ambiguous rows, record it."""
    st.subheader(t("attendance_import.title"))
    st.caption(t("attendance_import.intro"))
    if st.session_state.get(f"{P}event") != event_id:  # another event: nothing carries over
        st.session_state.pop(f"{P}parsed", None)
        st.session_state[f"{P}event"] = event_id
    if (listed := _list()) is None:
        return
    name, stamp, frame = listed
    mapping = _mapping(list(frame.columns))
    if (preview := _preview(event_id, stamp, frame, mapping)) is None:
        return
    for column, status in zip(st.columns(len(STATUSES)), STATUSES, strict=True):
        column.metric(t(f"attendance_import.status.{status}"), fmt_number(preview.count(status)))
    shown = st.radio(t("attendance_import.show"), STATUSES, horizontal=True, key=f"{P}show",
                     format_func=labeller("attendance_import.status."))
    _table(_readable(preview, shown))
    if preview.count("rejected"):
        rejected = _readable(preview, "rejected")
        st.download_button(t("imports.download_rejected"),
                           data=csv_bytes(rejected.rename(columns=_headers(rejected))),
                           file_name=f"{name.rsplit('.', 1)[0]}-rejected.csv", mime="text/csv",
                           icon=":material/download:", key=f"{P}download", on_click="ignore")
    _ask(preview)
    _record(actor, event_id, event_started, (name, frame, mapping), preview)
