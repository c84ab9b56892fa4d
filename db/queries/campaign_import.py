"""Importing an ad platform's export (Meta Ads, Google Ads: one row per day or per reporting
period) into one campaign and channel: columns mapped by their FR, NL or EN names, each row
classified new, changed, unchanged or rejected, then new and changed written in one
transaction, all or nothing. Importing the same file twice changes nothing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from db import audit, clock, vocab
from db.errors import ValidationError
from db.ids import valid_id
from db.models import Campaign, CampaignMetric
from db.permissions import Actor, authorize
from db.queries.campaign_figures import FIGURES, check_figures, same_value
from db.queries.campaign_parse import (
    IMPORT_FIELDS,
    decimal_mark,
    parse_day,
    parse_number,
)
from db.tabular import annotate, clean_filename, clean_text, header_key, records
from db.versioning import bump

STATUSES = ("new", "changed", "unchanged", "rejected")
FIGURE_FIELDS = ("impressions", "reach", "clicks", "spend_eur")


@dataclass(frozen=True)
class FigureOutcome:
    """What an import does with one row of the file; `reason` is a message key."""

    row: int
    status: str
    field: str | None = None
    reason: str | None = None
    metric_id: int | None = None
    values: dict[str, Any] | None = None  # new and changed: the row's values as stored


@dataclass(frozen=True, eq=False)
class FiguresPreview:
    frame: pd.DataFrame
    rows: tuple[FigureOutcome, ...]

    def count(self, status: str) -> int:
        """How many rows have this outcome."""
        return sum(r.status == status for r in self.rows)


@dataclass(frozen=True)
class FiguresImportResult:
    created: int
    changed: int
    unchanged: int
    rejected: int


def _check_target(session: Session, campaign_id: object, channel: object) -> None:
    errors = {}
    if not valid_id(campaign_id) or session.get(Campaign, campaign_id) is None:
        errors["campaign_id"] = "campaign.campaign_unknown"
    if channel not in vocab.CHANNELS:
        errors["channel"] = "campaign.channel_unknown"
    if errors:
        raise ValidationError(errors)


def _check_mapping(frame: pd.DataFrame, mapping: Mapping[str, str | None]) -> dict[str, str]:
    chosen = {f: h for f, h in mapping.items() if f in IMPORT_FIELDS and h}
    if any(h not in frame.columns for h in chosen.values()):
        raise ValidationError({"mapping": "imports.mapping_unknown"})
    if "period_start" not in chosen:
        raise ValidationError({"mapping": "campaign.import_needs_day"})
    if not set(FIGURE_FIELDS) & chosen.keys():
        raise ValidationError({"mapping": "campaign.import_needs_figure"})
    return chosen


def _parse(cells: Mapping[str, str], chosen: Mapping[str, str], mark: str, channel: str
           ) -> tuple[dict[str, Any], str | None, str | None]:
    """(the row's fields, the wrong field, its message key) from the file's text."""
    start = cells[chosen["period_start"]]
    if (day := parse_day(start)) is None:
        total = header_key(start).startswith(("total", "totaal"))
        return {}, "period_start", ("campaign.import_total_row" if total or not start
                                    else "campaign.import_not_a_date")
    fields: dict[str, Any] = {"channel": channel, "period_start": day, "period_end": day}
    if "period_end" in chosen and (end := parse_day(cells[chosen["period_end"]])) is None:
        return {}, "period_end", "campaign.import_not_a_date"
    elif "period_end" in chosen:
        fields["period_end"] = end
    currency = header_key(cells[chosen["currency"]]) if "currency" in chosen else "eur"
    if currency not in ("eur", ""):
        return {}, "currency", "campaign.import_not_eur"
    for name in FIGURE_FIELDS:
        if name in chosen:
            ok, number = parse_number(cells[chosen[name]], mark, whole=name != "spend_eur")
            if not ok:
                return {}, name, "campaign.import_not_a_number"
            fields[name] = number
    return fields, None, None


def preview_figures(session: Session, campaign_id: int, channel: str, frame: pd.DataFrame,
                    mapping: Mapping[str, str | None], today: date) -> FiguresPreview:
    """Each row of the file as it would be imported into the campaign and channel: new, changed
    (same period as a row saved, other figures: the mapped ones replace them), unchanged, or
    rejected with the wrong field and why (a total line, a period overlapping another saved
    or an earlier row of the file, figures that contradict each other...)."""
    _check_target(session, campaign_id, channel)
    chosen = _check_mapping(frame, mapping)
    cells_of = records(frame)
    mark = decimal_mark(c[chosen[n]] for n in ("spend_eur", *FIGURE_FIELDS) if n in chosen
                        for c in cells_of)
    saved = list(session.scalars(select(CampaignMetric).where(
        CampaignMetric.campaign_id == campaign_id, CampaignMetric.channel == channel)))
    taken: list[tuple[date, date]] = []
    outcomes = []
    for row, cells in zip(frame.index, cells_of, strict=True):
        outcomes.append(_classify(int(row), cells, chosen, mark, channel, saved, taken, today))
    return FiguresPreview(frame, tuple(outcomes))


def _classify(row: int, cells: Mapping[str, str], chosen: Mapping[str, str],
              mark: str, channel: str, saved: list[CampaignMetric],
              taken: list[tuple[date, date]], today: date) -> FigureOutcome:
    fields, wrong, reason = _parse(cells, chosen, mark, channel)
    if wrong:
        return FigureOutcome(row, "rejected", wrong, reason)
    start, end = fields["period_start"], fields["period_end"]
    if any(s <= end and e >= start for s, e in taken):
        return FigureOutcome(row, "rejected", "period_start", "campaign.import_overlap_in_file")
    same = next((m for m in saved if (m.period_start, m.period_end) == (start, end)), None)
    if same is None and any(m.period_start <= end and m.period_end >= start for m in saved):
        return FigureOutcome(row, "rejected", "period_start", "campaign.period_overlaps")
    if same is not None:  # figures the file does not give stay as saved
        fields = {n: getattr(same, n) for n in FIGURES} | {
            n: v for n, v in fields.items() if v is not None}
    try:
        values = check_figures(fields, today)
    except ValidationError as exc:
        wrong, reason = next(iter(exc.errors.items()))
        return FigureOutcome(row, "rejected", None if wrong == "_form" else wrong, reason)
    taken.append((start, end))
    if same is None:
        return FigureOutcome(row, "new", values=values)
    if all(same_value(getattr(same, n), values[n]) for n in FIGURES):
        return FigureOutcome(row, "unchanged", metric_id=same.id)
    return FigureOutcome(row, "changed", metric_id=same.id, values=values)


def rows_of(preview: FiguresPreview, status: str) -> pd.DataFrame:
    """The file's rows with one outcome, with `field` and `reason` (keys) when rejected."""
    rows = [r for r in preview.rows if r.status == status]
    part = preview.frame.loc[[r.row for r in rows]]
    if status == "rejected":
        return annotate(part, field=[r.field for r in rows], reason=[r.reason for r in rows])
    return annotate(part)


def commit_figures(*, session: Session, actor: Actor, campaign_id: int, channel: str,
                   frame: pd.DataFrame, mapping: Mapping[str, str | None], filename: str,
                   today: date | None = None) -> FiguresImportResult:
    """Write the file's new and changed rows, classified again inside this transaction; each
    row audited, plus one import entry. Nothing is written when nothing is new or changed."""
    authorize(session, actor, "campaign.write")
    bump(session, "campaign")  # first: the write lock, so the classification holds
    preview = preview_figures(session, campaign_id, channel, frame, mapping,
                              today or clock.today())
    result = FiguresImportResult(*(preview.count(s) for s in STATUSES))
    for outcome in preview.rows:
        if outcome.status == "new":
            metric = CampaignMetric(campaign_id=campaign_id, created_by=actor.username,
                                    row_version=1, **(outcome.values or {}))
            session.add(metric)
            session.flush()
            audit.record(session, actor=actor.username, action="create",
                         entity="campaign_metrics", entity_id=metric.id, before=None,
                         after=audit.snapshot(metric))
        elif outcome.status == "changed":
            saved = session.get(CampaignMetric, outcome.metric_id, with_for_update=True)
            assert saved is not None  # read in this transaction, under the write lock
            audit.record_update(session, actor=actor.username, entity="campaign_metrics",
                                obj=saved, values=outcome.values or {})
    if result.created or result.changed:
        chosen = _check_mapping(frame, mapping)
        audit.record(session, actor=actor.username, action="import", entity="campaign_metrics",
                     entity_id=None, before=None, after={
                         "filename": clean_filename(filename), "campaign_id": campaign_id,
                         "channel": channel, **vars(result),
                         "mapping": {f: clean_text(str(h)) for f, h in chosen.items()}})
    session.flush()
    return result
