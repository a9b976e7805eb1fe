from sangam.core.roles import Role

GRANTS = {
    "accounts.user": {
        **{role: {"view": "own", "change": "own"} for role in Role},
        Role.SUPERVISOR: {"view": "agency", "change": "own"},
        Role.DISTRICT_OFFICIAL: {"view": "jurisdiction", "change": "own"},
        Role.STATE_ADMINISTRATOR: {
            "view": "jurisdiction",
            "change": "jurisdiction",
            "add": "jurisdiction",
        },
        Role.SYSTEM_ADMINISTRATOR: {"view": "all", "change": "all", "add": "all"},
    },
}
