"""Pieces of the import screen: the upload, the column mapping, the previews, the commit."""


from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from components.forms import form_feedback, submit
from components.i18n import fmt_number, labeller, t
from components.import_tables import column_mapping, download, metrics, show_table
from db.engine import session_scope
from db.errors import ValidationError
from db.permissions import Actor
from db.queries.artisans import FIELDS
from db.queries.label_register import STATUSES, apply_register, preview_register, register_rows
from db.queries.registry_import import commit_import, guess_mapping, preview_import, rows_of
from db.tabular import MAX_BYTES, clean_filename, read_table

COMMIT, APPLY = "import_commit", "import_register_apply"


def upload(slot: str, forget: tuple[str, ...]) -> tuple[str, pd.DataFrame] | None:
    """The uploaded file, read once and kept in the session (AppTest and reruns reuse it);
    what is wrong with it shows under the uploader. A new file forgets the earlier choices."""
    file = st.file_uploader(t("imports.file"), type=["csv", "xlsx"], key=f"import_{slot}_file",
                            help=t("imports.file_help"))
    if file is None:
        st.session_state.pop(f"import_{slot}_parsed", None)
        return None
    kept = st.session_state.get(f"import_{slot}_parsed")
    if kept is None or kept["id"] != file.file_id:
        for key in forget:
            st.session_state.pop(key, None)
        name = clean_filename(file.name)  # shown, audited, in notes: nothing invisible
        try:
            if file.size > MAX_BYTES:  # refused before reading it into memory
                raise ValidationError({"file": "imports.too_large"})
            kept = {"id": file.file_id, "name": name,
                    "frame": read_table(file.getvalue(), file.name), "error": None}
        except ValidationError as exc:
            kept = {"id": file.file_id, "name": name, "frame": None,
                    "error": exc.errors["file"]}
        st.session_state[f"import_{slot}_parsed"] = kept
    if kept["error"]:
        st.error(t(kept["error"]))
        return None
    return kept["name"], kept["frame"]


def _cached(slot: str, stamp: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
    """A preview kept until the file, the choices or the data it was read from change."""
    cache = st.session_state.get(f"import_{slot}_preview")
    if not cache or cache[0] != stamp:
        cache = (stamp, compute())
        st.session_state[f"import_{slot}_preview"] = cache
    return cache[1]


def _progress(bar: Any) -> Callable[[int, int], None]:
    def show(done: int, total: int) -> None:
        bar.progress(done / total if total else 1.0,
                     text=t("imports.progress", done=fmt_number(done), total=fmt_number(total)))
    return show


def _mapping(headers: list[str]) -> dict[str, str | None]:
    st.subheader(t("imports.mapping"))
    st.caption(t("imports.mapping_help"))
    return column_mapping(FIELDS, headers, guess_mapping(headers), "import_", "imports.field.",
                          3)


def registry_list(actor: Actor, name: str, frame: pd.DataFrame) -> None:
    """Mapping, preview, commit and the rejected rows of a registry list."""
    mapping = _mapping(list(frame.columns))
    stamp = (st.session_state["import_registry_parsed"]["id"], tuple(mapping.items()),
             st.session_state.get("data_versions", {}).get("artisans"))
    try:
        with session_scope() as session:
            preview = _cached("registry", stamp, lambda: preview_import(session, frame, mapping))
    except ValidationError as exc:
        st.error(t(next(iter(exc.errors.values()))))
        return
    st.subheader(t("imports.preview"))
    metrics({s: preview.count(s) for s in ("new", "existing", "rejected")})
    shown = st.radio(t("imports.show"), ("new", "existing", "rejected"), horizontal=True,
                     key="import_show", format_func=labeller("imports.status."))
    show_table(rows_of(preview, shown))
    if preview.count("rejected"):
        download(rows_of(preview, "rejected"), "imports.download_rejected",
                 f"{name.rsplit('.', 1)[0]}-rejected.csv", "import_download_rejected")
    if not preview.count("new"):
        st.info(t("imports.nothing_new"))
    elif st.button(t("imports.commit", count=fmt_number(preview.count("new"))), type="primary",
                   key="import_commit_button", icon=":material/upload:"):
        bar = st.progress(0.0)

        def write() -> None:
            with session_scope() as session:
                st.session_state["import_result"] = commit_import(
                    session=session, actor=actor, frame=frame, mapping=mapping,
                    filename=name, progress=_progress(bar))

        submit(COMMIT, write, "imports.committed")
        if st.session_state.get(f"{COMMIT}__success"):
            st.rerun()  # the preview again, from the data now saved
    form_feedback(COMMIT)
    if (result := st.session_state.get("import_result")) and st.session_state.get(
            f"{COMMIT}__success"):
        st.write(t("imports.result", **{k: fmt_number(v) for k, v in vars(result).items()}))


def label_register(actor: Actor, name: str, frame: pd.DataFrame) -> None:
    """Preview and application of the FPS Economy's register of certified artisans."""
    versions = st.session_state.get("data_versions", {})
    stamp = (st.session_state["import_register_parsed"]["id"], versions.get("label"),
             versions.get("artisans"))
    try:
        with session_scope() as session:
            preview = _cached("register", stamp, lambda: preview_register(session, frame))
    except ValidationError as exc:
        st.error(t(next(iter(exc.errors.values()))))
        return
    counts = preview.counts()
    metrics(dict(list(counts.items())[:3]))
    metrics(dict(list(counts.items())[3:]))
    shown = st.radio(t("imports.show"), STATUSES, horizontal=True, key="import_register_show",
                     format_func=labeller("imports.status."))
    show_table(register_rows(preview, shown))
    stem = name.rsplit(".", 1)[0]
    for status, label in (("unmatched_brussels", "imports.download_unmatched"),
                          ("rejected", "imports.download_rejected")):
        if counts[status]:
            download(register_rows(preview, status), label, f"{stem}-{status}.csv",
                     f"import_register_download_{status}")
    changes = counts["certify"] + counts["withdraw"]
    if not changes:
        st.info(t("imports.nothing_to_apply"))
    elif st.button(t("imports.apply", count=fmt_number(changes)), type="primary",
                   key="import_register_apply_button", icon=":material/verified:"):

        def write() -> None:
            with session_scope() as session:
                st.session_state["import_register_result"] = apply_register(
                    session=session, actor=actor, frame=frame, filename=name)

        submit(APPLY, write, "imports.register_applied")
        if st.session_state.get(f"{APPLY}__success"):
            st.rerun()
    form_feedback(APPLY)
    if (result := st.session_state.get("import_register_result")) and st.session_state.get(
            f"{APPLY}__success"):
        st.write(t("imports.register_result", steps=fmt_number(result.steps)))
