"""Grants for agencies, their contact persons and memberships (role → action → scope)."""

from sangam.core.roles import Role

ALL_ROLES = list(Role)
ADMINS = {
    Role.SYSTEM_ADMINISTRATOR: "all",
    Role.STATE_ADMINISTRATOR: "jurisdiction",
}

GRANTS = {
    "agencies.agency": {
        **{role: {"view": "all"} for role in ALL_ROLES},
        Role.SUPERVISOR: {"view": "all", "change": "agency"},
        Role.DISTRICT_OFFICIAL: {"view": "all", "change": "jurisdiction", "add": "jurisdiction"},
        **{
            role: {"view": "all", "add": scope, "change": scope, "delete": scope}
            for role, scope in ADMINS.items()
        },
    },
    "agencies.agencycontact": {
        # Staff can reach colleagues in their own district or state.
        **{role: {"view": "jurisdiction", "export": "agency"} for role in ALL_ROLES},
        Role.SUPERVISOR: {
            "view": "jurisdiction",
            "export": "agency",
            "add": "agency",
            "change": "agency",
            "delete": "agency",
        },
        **{
            role: {"view": scope, "export": scope, "add": scope, "change": scope, "delete": scope}
            for role, scope in ADMINS.items()
        },
    },
    "agencies.membership": {
        **{role: {"view": "own"} for role in ALL_ROLES},
        Role.SUPERVISOR: {"view": "agency"},
        # Whoever may add a membership manages people (accounts/people.py);
        # nobody deletes one: a person leaving is deactivated, her trail kept.
        Role.AGENCY_ADMINISTRATOR: {"view": "agency", "add": "agency", "change": "agency"},
        Role.DISTRICT_OFFICIAL: {"view": "jurisdiction"},
        **{
            role: {"view": scope, "add": scope, "change": scope, "delete": scope}
            for role, scope in ADMINS.items()
        },
    },
}
