"""The accounts the seed creates: the documented demo logins and three advisers without one."""

from __future__ import annotations

# Demo logins, documented in the README; production refuses to start while one is unchanged,
# and the seed refuses to create them when APP_ENV=production.
DEMO_USERS = (
    ("admin", "Ada Admin", "admin", "artisan-admin"),
    ("manager", "Marc Manager", "manager", "artisan-manager"),
    ("staff", "Sofie Staff", "staff", "artisan-staff"),
    ("partner", "Paula Partner", "partner", "artisan-partner"),
)
# Advisers who own coaching sessions and follow-ups in the demo data. Their passwords are
# drawn from the operating system's random source at seed time and never shown: to log in as
# one of them, an admin sets a password on the Users page.
COACHES = (("a.peeters", "An Peeters"), ("n.benali", "Nadia Benali"),
           ("l.dubois", "Louis Dubois"))
