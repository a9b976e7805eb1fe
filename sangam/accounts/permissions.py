from sangam.core.roles import Role

GRANTS = {
    "accounts.user": {
        **{role: {"view": "own", "change": "own"} for role in Role},
        Role.SUPERVISOR: {"view": "agency", "change": "own"},
        # Agency administrators manage their agency's people (accounts/people.py).
        Role.AGENCY_ADMINISTRATOR: {"view": "agency", "change": "agency", "add": "agency"},
        Role.DISTRICT_OFFICIAL: {"view": "jurisdiction", "change": "own"},
        Role.STATE_ADMINISTRATOR: {
            "view": "jurisdiction",
            "change": "jurisdiction",
            "add": "jurisdiction",
        },
        Role.SYSTEM_ADMINISTRATOR: {"view": "all", "change": "all", "add": "all"},
    },
}
