"""The page registry (which pages exist, for which roles, under which section) and the sidebar
navigation built from it with st.page_link, so its markup is plain links (no broken lists)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from components.i18n import t
from db.permissions import ADMINS, MANAGERS, STAFF_AND_UP
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
    public: bool = False  # also open to anonymous visitors (beside the login)
    in_sidebar: bool = True  # False: opened from another page (e.g. a profile, with ?id=)
    landing: frozenset[str] = frozenset()  # roles that land here after login (else the first)


PAGES = (
    PageSpec("pages/overview.py", "nav.overview", ":material/dashboard:", "overview", EVERYONE,
             "nav.section.dashboards"),
    # the plan's four actions, in its order; partners get them disclosed (docs/privacy.md)
    PageSpec("pages/dash_community.py", "nav.dash_community", ":material/diversity_3:",
             "community-dashboard", EVERYONE, "nav.section.dashboards"),
    PageSpec("pages/dash_campaign.py", "nav.dash_campaign", ":material/ads_click:",
             "campaign-dashboard", EVERYONE, "nav.section.dashboards"),
    PageSpec("pages/dash_coaching.py", "nav.dash_coaching", ":material/insights:",
             "coaching-dashboard", EVERYONE, "nav.section.dashboards"),
    PageSpec("pages/dash_label.py", "nav.dash_label", ":material/verified:",
             "label-dashboard", EVERYONE, "nav.section.dashboards"),
    PageSpec("pages/report.py", "nav.report", ":material/summarize:", "report", EVERYONE,
             "nav.section.dashboards"),
    PageSpec("pages/targets.py", "nav.targets", ":material/flag:", "targets", MANAGERS,
             "nav.section.dashboards"),
    PageSpec("pages/registry.py", "nav.registry", ":material/groups:", "registry",
             STAFF_AND_UP, "nav.section.registry"),
    PageSpec("pages/artisan_new.py", "nav.artisan_new", ":material/person_add:", "new-artisan",
             STAFF_AND_UP, "nav.section.registry"),
    PageSpec("pages/artisan.py", "nav.artisan", ":material/badge:", "artisan", STAFF_AND_UP,
             "nav.section.registry", in_sidebar=False),
    PageSpec("pages/checkin.py", "nav.checkin", ":material/how_to_reg:", "checkin",
             STAFF_AND_UP, "nav.section.events"),
    PageSpec("pages/events.py", "nav.events", ":material/event:", "events", STAFF_AND_UP,
             "nav.section.events"),
    PageSpec("pages/event.py", "nav.event", ":material/event_note:", "event", STAFF_AND_UP,
             "nav.section.events", in_sidebar=False),
    PageSpec("pages/follow_ups.py", "nav.my_follow_ups", ":material/task_alt:", "my-follow-ups",
             STAFF_AND_UP, "nav.section.coaching", landing=frozenset({"staff"})),
    PageSpec("pages/coaching.py", "nav.coaching", ":material/psychology:", "coaching",
             STAFF_AND_UP, "nav.section.coaching"),
    PageSpec("pages/follow_ups_all.py", "nav.all_follow_ups", ":material/checklist:",
             "follow-ups", MANAGERS, "nav.section.coaching"),
    PageSpec("pages/tracks.py", "nav.tracks", ":material/school:", "tracks", STAFF_AND_UP,
             "nav.section.coaching"),
    PageSpec("pages/track.py", "nav.track", ":material/school:", "track", STAFF_AND_UP,
             "nav.section.coaching", in_sidebar=False),
    PageSpec("pages/campaign_figures.py", "nav.campaign_figures", ":material/campaign:",
             "campaign-figures", STAFF_AND_UP, "nav.section.campaign"),
    PageSpec("pages/admin_users.py", "nav.users", ":material/group:", "users", ADMINS,
             "nav.section.admin"),
    PageSpec("pages/admin_audit.py", "nav.audit", ":material/history:", "audit", ADMINS,
             "nav.section.admin"),
    PageSpec("pages/account.py", "nav.account", ":material/person:", "account", EVERYONE,
             "nav.section.account"),
    PageSpec("pages/accessibility.py", "nav.accessibility", ":material/accessibility_new:",
             "accessibility", EVERYONE, "nav.section.about", public=True),
    PageSpec("pages/registry_import.py", "nav.import", ":material/upload_file:", "import",
             STAFF_AND_UP, "nav.section.registry"),
)


def specs_for(role: str | None) -> list[PageSpec]:
    """The pages a role (None: an anonymous visitor) may open; the others are not registered."""
    return [p for p in PAGES if (role in p.roles if role else p.public)]


def _sections(role: str | None, login: Callable[[], None] | None
              ) -> tuple[dict[str, list[st.Page]], set[str]]:
    sections: dict[str, list[st.Page]] = {}
    hidden: set[str] = set()
    if login is not None:
        sections[t("nav.section.account")] = [st.Page(
            login, title=t("login.title"), icon=":material/login:", url_path="login",
            default=True)]
    specs = specs_for(role)
    landing = next((s for s in specs if role in s.landing), specs[0] if specs else None)
    for spec in specs:
        page = st.Page(spec.path, title=t(spec.title_key), icon=spec.icon,
                       url_path=spec.url_path, default=login is None and spec is landing)
        sections.setdefault(t(spec.section_key), []).append(page)
        if not spec.in_sidebar:
            hidden.add(spec.url_path)
    return sections, hidden


def navigate(role: str | None, login: Callable[[], None] | None = None) -> st.Page:
    """Register the role's pages (or, for a visitor, the login and the public pages), draw the
    sidebar links, title the browser tab after the page; returns the page to run."""
    sections, hidden = _sections(role, login)
    current = st.navigation(sections, position="hidden")
    st.set_page_config(page_title=f"{current.title} · {t('app.product')}")
    for section, pages in sections.items():
        st.sidebar.markdown(f"**{section}**")  # our own wording, never user text
        for page in pages:
            if page.url_path in hidden:
                continue
            st.sidebar.page_link(page, label=page.title, icon=page.icon)
    return current
