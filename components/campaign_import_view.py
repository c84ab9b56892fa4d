"""The import of an ad platform's export into one campaign and channel: the upload (the
registry import's, with its limits), the column mapping, a preview of new / changed /
unchanged / rejected rows with the reasons, then one all-or-nothing commit."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from components.downloads import csv_bytes
from components.forms import form_feedback, submit
from components.i18n import fmt_number, labeller, t
from components.import_tables import column_mapping
from components.import_view import upload
from db import clock
from db.engine import session_scope
from db.errors import ValidationError
from db.permissions import Actor
from db.queries.campaign_import import (
    STATUSES,
    FiguresPreview,
    commit_figures,
    preview_figures,
    rows_of,
)
from db.queries.campaign_parse import IMPORT_FIELDS, guess_mapping
from db.vocab import CHANNELS

SLOT = "campaign"  # the upload's keys: import_campaign_file, import_campaign_parsed
COMMIT = "campaign_import_commit"
PREFIX = "campaign_import_"
FORGET = ("campaign_import_result", f"{COMMIT}__success", f"{COMMIT}__errors",
          *(f"{PREFIX}{f}" for f in IMPORT_FIELDS))


def _preview(campaign_id: int, channel: str, frame: pd.DataFrame,
             mapping: dict[str, str | None]) -> FiguresPreview:
    """Kept in the session until the file, the choices or the campaign's figures change."""
    stamp = (st.session_state[f"import_{SLOT}_parsed"]["id"], campaign_id, channel,
             tuple(mapping.items()), st.session_state.get("data_versions", {}).get("campaign"))
    kept = st.session_state.get(f"{PREFIX}preview")
    if not kept or kept[0] != stamp:
        with session_scope() as session:
            kept = (stamp, preview_figures(session, campaign_id, channel, frame, mapping,
                                           clock.today()))
        st.session_state[f"{PREFIX}preview"] = kept
    result: FiguresPreview = kept[1]
    return result


def _readable(table: pd.DataFrame) -> pd.DataFrame:
    """Fields and reasons in words; the file's own text only ever in a dataframe."""
    out = table.copy()
    if "field" in out.columns:
        out["field"] = [t(f"campaign.field.{f}") if f else "" for f in out["field"]]
        out["reason"] = [t(r) if r else "" for r in out["reason"]]
    return out.rename(columns={c: t(f"imports.col.{c}") for c in ("row", "field", "reason")
                               if c in out.columns})


def _rows(preview: FiguresPreview, name: str) -> None:
    counts = {s: preview.count(s) for s in STATUSES}
    for column, (status, count) in zip(st.columns(len(counts)), counts.items(), strict=True):
        column.metric(t(f"campaign.import_status.{status}"), fmt_number(count))
    shown = st.radio(t("imports.show"), STATUSES, horizontal=True, key=f"{PREFIX}show",
                     format_func=labeller("campaign.import_status."))
    table = _readable(rows_of(preview, shown))
    if table.empty:
        st.info(t("imports.no_rows"))
    else:
        st.dataframe(table, hide_index=True, width="stretch")
    if counts["rejected"]:
        st.download_button(t("imports.download_rejected"), key=f"{PREFIX}download_rejected",
                           data=csv_bytes(_readable(rows_of(preview, "rejected"))),
                           file_name=f"{name.rsplit('.', 1)[0]}-rejected.csv", mime="text/csv",
                           icon=":material/download:", on_click="ignore")


def figures_import(actor: Actor, campaign_id: int) -> None:
    """Channel, file, mapping, preview and commit of an ad platform's export."""
    st.caption(t("campaign.import_intro"))
    st.session_state.setdefault(f"{PREFIX}channel", "social")
    channel = st.selectbox(t("campaign.import_channel"), CHANNELS, key=f"{PREFIX}channel",
                           format_func=labeller("channel."))
    chosen = upload(SLOT, FORGET)
    if chosen is None:
        return
    name, frame = chosen
    st.subheader(t("imports.mapping"))
    headers = list(frame.columns)
    mapping = column_mapping(IMPORT_FIELDS, headers, guess_mapping(headers), PREFIX,
                             "campaign.field.", 4)
    try:
        preview = _preview(campaign_id, channel, frame, mapping)
    except ValidationError as exc:
        st.error(t(next(iter(exc.errors.values()))))
        return
    st.subheader(t("imports.preview"))
    _rows(preview, name)
    writes = preview.count("new") + preview.count("changed")
    if not writes:
        st.info(t("campaign.import_nothing"))
    else:
        st.button(t("campaign.import_commit", count=fmt_number(writes)), type="primary",
                  key=f"{PREFIX}commit_button", icon=":material/upload:", on_click=submit,
                  args=(COMMIT, lambda: _commit(actor, campaign_id, channel, frame, mapping,
                                                name), "campaign.import_committed"))
    form_feedback(COMMIT)
    result = st.session_state.get(f"{PREFIX}result")
    if result and st.session_state.get(f"{COMMIT}__success"):
        st.write(t("campaign.import_result", **{k: fmt_number(v) for k, v in result.items()}))


def _commit(actor: Actor, campaign_id: int, channel: str, frame: pd.DataFrame,
            mapping: dict[str, Any], name: str) -> None:
    with session_scope() as session:
        result = commit_figures(session=session, actor=actor, campaign_id=campaign_id,
                                channel=channel, frame=frame, mapping=mapping, filename=name)
    st.session_state[f"{PREFIX}result"] = vars(result)
