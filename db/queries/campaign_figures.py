"""Campaign figures: a channel's figures for a period entered or corrected (a correction from
an older screen is refused). Every write role-checked, audited, versioned;
reach is kept per channel and period as entered, never added up."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import audit, clock, vocab
from db.errors import ValidationError
from db.ids import valid_id
from db.models import Campaign, CampaignMetric
from db.permissions import Actor, authorize
from db.queries.events import FIRST_DAY, LAST_DAY, as_fields, is_day
from db.versioning import bump

MONEY = ("spend_eur", "grp")  # two decimals; every other figure is a whole number
FIGURES = ("impressions", "reach", "clicks", "spend_eur", "flyers_distributed", "poster_faces",
           "spots_aired", "grp")
FIELDS = ("channel", "period_start", "period_end", *FIGURES)
MAX_WHOLE = 2**31 - 1
MAX_MONEY = {"spend_eur": Decimal("9999999999.99"), "grp": Decimal("999999.99"),
             "budget_eur": Decimal("9999999999.99")}
CENT = Decimal("0.01")


def figure_problem(name: str, value: object) -> tuple[Any, str | None]:
    """(the figure as stored, or None; the message key of what is wrong, or None)."""
    if value is None:
        return None, None
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return None, "form.invalid_value"
    if isinstance(value, float) and not math.isfinite(value):
        return None, "form.invalid_value"
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None, "form.invalid_value"
    if number < 0:
        return None, "campaign.figure_negative"
    if name in MAX_MONEY:
        number = number.quantize(CENT)
        return (number, None) if number <= MAX_MONEY[name] else (None, "campaign.figure_too_large")
    if number != number.to_integral_value():
        return None, "campaign.figure_whole"
    return (int(number), None) if number <= MAX_WHOLE else (None, "campaign.figure_too_large")


def day_problem(value: object) -> str | None:
    """'form.required', 'form.invalid_value' or 'events.date_out_of_range', else None."""
    if value is None:
        return "form.required"
    if not is_day(value):
        return "form.invalid_value"
    assert isinstance(value, date)
    return None if FIRST_DAY <= value <= LAST_DAY else "events.date_out_of_range"


def check_figures(fields: Mapping[str, Any], today: date) -> dict[str, Any]:
    """A figure row's values (FIELDS) checked on their own, without the database: channel,
    period (not ending after today), figures (whole or money, not negative), and figures that
    contradict each other (reach or clicks above impressions)."""
    fields = as_fields(fields)
    errors = {str(n): "form.invalid_value" for n in fields if n not in FIELDS}
    values: dict[str, Any] = {"channel": fields.get("channel")}
    if values["channel"] not in vocab.CHANNELS:
        errors["channel"] = "campaign.channel_unknown"
    for name in ("period_start", "period_end"):
        values[name] = fields.get(name)
        if problem := day_problem(values[name]):
            errors[name] = problem
    start, end = values["period_start"], values["period_end"]
    if not {"period_start", "period_end"} & errors.keys():
        if end < start:
            errors["period_end"] = "campaign.period_end_before_start"
        elif end > today:
            errors["period_end"] = "campaign.period_in_future"
    for name in FIGURES:
        values[name], problem = figure_problem(name, fields.get(name))
        if problem:
            errors[name] = problem
    impressions = values["impressions"]
    for name in ("reach", "clicks"):
        if impressions is not None and values[name] is not None and values[name] > impressions:
            errors.setdefault(name, f"campaign.{name}_over_impressions")
    if all(fields.get(n) is None for n in FIGURES):
        errors.setdefault("_form", "campaign.no_figures")
    if errors:
        raise ValidationError(errors)
    return values


def overlapping(session: Session, campaign_id: int, channel: str, start: date, end: date,
                other_than: int | None = None) -> CampaignMetric | None:
    """A row of the same campaign and channel whose period shares a day with start-end."""
    query = select(CampaignMetric).where(
        CampaignMetric.campaign_id == campaign_id, CampaignMetric.channel == channel,
        CampaignMetric.period_start <= end, CampaignMetric.period_end >= start)
    if other_than is not None:
        query = query.where(CampaignMetric.id != other_than)
    return session.scalars(query.order_by(CampaignMetric.period_start).limit(1)).first()


def clean_figures(session: Session, campaign_id: object, fields: Mapping[str, Any],
                  today: date, other_than: int | None = None) -> dict[str, Any]:
    """check_figures, then against the database: the campaign exists, and the period overlaps
    no other row of the same campaign and channel (reach per period is only right once)."""
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    if not valid_id(campaign_id) or session.get(Campaign, campaign_id) is None:
        errors["campaign_id"] = "campaign.campaign_unknown"
    try:
        values = check_figures(fields, today)
    except ValidationError as exc:
        errors |= exc.errors
    if not errors and isinstance(campaign_id, int) and overlapping(
            session, campaign_id, values["channel"], values["period_start"],
            values["period_end"], other_than):
        errors["period_start"] = "campaign.period_overlaps"
    if errors:
        raise ValidationError(errors)
    return values


def record_figures(*, session: Session, actor: Actor, campaign_id: int,
                   fields: Mapping[str, Any], today: date | None = None) -> CampaignMetric:
    """Enter one channel's figures for one period of a campaign; audited."""
    authorize(session, actor, "campaign.write")
    bump(session, "campaign")  # first: the write lock, so the overlap check below holds
    values = clean_figures(session, campaign_id, fields, today or clock.today())
    row = CampaignMetric(campaign_id=campaign_id, created_by=actor.username, row_version=1,
                         **values)
    session.add(row)
    session.flush()
    audit.record(session, actor=actor.username, action="create", entity="campaign_metrics",
                 entity_id=row.id, before=None, after=audit.snapshot(row))
    return row


def correct_figures(*, session: Session, actor: Actor, metric_id: int, version: int,
                    fields: Mapping[str, Any], today: date | None = None) -> CampaignMetric:
    """Correct a figure row (channel, period, figures): refused when someone saved it since
    `version` was read, or when nothing changed; audited with its before and after."""
    authorize(session, actor, "campaign.write")
    bump(session, "campaign")
    row = (session.get(CampaignMetric, metric_id, populate_existing=True, with_for_update=True)
           if valid_id(metric_id) else None)
    if row is None:
        raise ValidationError({"_form": "campaign.figures_not_found"})
    if row.row_version != version:
        raise ValidationError({"_form": "campaign.changed_meanwhile"})
    values = clean_figures(session, row.campaign_id, fields, today or clock.today(),
                           other_than=row.id)
    if all(same_value(getattr(row, name), value) for name, value in values.items()):
        raise ValidationError({"_form": "campaign.nothing_changed"})
    audit.record_update(session, actor=actor.username, entity="campaign_metrics", obj=row,
                        values=values)
    return row


def same_value(stored: Any, new: Any) -> bool:
    """Equal values, a number read back as Decimal equal to the same number typed."""
    numbers = (int, float, Decimal)
    if isinstance(stored, numbers) and isinstance(new, numbers):
        return Decimal(str(stored)) == Decimal(str(new))
    return bool(stored == new)

