"""The page registry: which pages exist, for which roles, under which section."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from components.i18n import t
from db.permissions import ADMINS
from db.vocab import ROLES

EVERYONE = frozenset(ROLES)


@dataclass(frozen=True)
class PageSpec:
    path: str
    title_key: str
    icon: str
    url_path: str
    roles: frozenset[str]
    section_key: str


PAGES = (
    PageSpec("pages/overview.py", "nav.overview", ":material/dashboard:", "overview", EVERYONE,
             "nav.section.dashboards"),
    PageSpec("pages/admin_users.py", "nav.users", ":material/group:", "users", ADMINS,
             "nav.section.admin"),
    PageSpec("pages/admin_audit.py", "nav.audit", ":material/history:", "audit", ADMINS,
             "nav.section.admin"),
    PageSpec("pages/account.py", "nav.account", ":material/person:", "account", EVERYONE,
             "nav.section.account"),
)


def specs_for(role: str) -> list[PageSpec]:
    """The pages a role may open; the others are not registered at all."""
    return [p for p in PAGES if role in p.roles]


def navigation_for(role: str) -> dict[str, list[st.Page]]:
    """st.navigation's sections for a role, titles in the session's language."""
    sections: dict[str, list[st.Page]] = {}
    for i, spec in enumerate(specs_for(role)):
        page = st.Page(spec.path, title=t(spec.title_key), icon=spec.icon,
                       url_path=spec.url_path, default=i == 0)
        sections.setdefault(t(spec.section_key), []).append(page)
    return sections
