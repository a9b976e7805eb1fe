"""Grants for referrals. Both the sending and the receiving agency see a
referral ("agency" scope matches either side); oversight roles see those of
their jurisdiction for dashboards."""

from sangam.core.roles import Role

WORKERS = [
    Role.CRP,
    Role.CASEWORKER,
    Role.COUNSELLOR,
    Role.POLICE_OFFICER,
    Role.CWC_MEMBER,
    Role.LEGAL_SERVICES_OFFICER,
]
FULL = {"view": "agency", "add": "agency", "change": "agency"}

GRANTS = {
    "referrals.referral": {
        **dict.fromkeys(WORKERS, FULL),
        Role.SUPERVISOR: {**FULL, "export": "agency"},
        Role.DISTRICT_OFFICIAL: {"view": "jurisdiction"},
        Role.STATE_ADMINISTRATOR: {"view": "jurisdiction"},
    },
    "referrals.referralevent": {
        **{role: {"view": "agency"} for role in [*WORKERS, Role.SUPERVISOR]},
        Role.DISTRICT_OFFICIAL: {"view": "jurisdiction"},
        Role.STATE_ADMINISTRATOR: {"view": "jurisdiction"},
    },
}
