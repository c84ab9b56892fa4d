"""Campaigns: one created with its name (unique, case ignored), dates, slogan and budget;
role-checked, audited, versioned like every write."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import audit
from db.errors import ValidationError
from db.models import Campaign
from db.permissions import Actor, authorize
from db.queries.campaign_figures import day_problem, figure_problem
from db.queries.coaching_log import clean_text
from db.queries.events import as_fields
from db.versioning import bump

CAMPAIGN_FIELDS = ("name", "slogan", "starts_on", "ends_on", "budget_eur")


def create_campaign(*, session: Session, actor: Actor, fields: Mapping[str, Any]) -> Campaign:
    """A new campaign (name unique, case ignored; dates; optional slogan and budget)."""
    authorize(session, actor, "campaign.write")
    bump(session, "campaign")
    fields = as_fields(fields)
    errors = {str(n): "form.invalid_value" for n in fields if n not in CAMPAIGN_FIELDS}
    name, problem = clean_text(fields.get("name"), 150, True)
    if problem:
        errors["name"] = problem
    elif session.scalar(select(Campaign.id).where(
            func.lower(Campaign.name) == (name or "").lower())):
        errors["name"] = "campaign.name_taken"
    slogan, problem = clean_text(fields.get("slogan"), 200, False)
    if problem:
        errors["slogan"] = problem
    for day in ("starts_on", "ends_on"):
        if problem := day_problem(fields.get(day)):
            errors[day] = problem
    if not {"starts_on", "ends_on"} & errors.keys() and fields["ends_on"] < fields["starts_on"]:
        errors["ends_on"] = "campaign.ends_before_start"
    budget, problem = figure_problem("budget_eur", fields.get("budget_eur"))
    if problem:
        errors["budget_eur"] = problem
    if errors:
        raise ValidationError(errors)
    campaign = Campaign(name=name, slogan=slogan, starts_on=fields["starts_on"],
                        ends_on=fields["ends_on"], budget_eur=budget, created_by=actor.username)
    session.add(campaign)
    session.flush()
    audit.record(session, actor=actor.username, action="create", entity="campaigns",
                 entity_id=campaign.id, before=None, after=audit.snapshot(campaign))
    return campaign
