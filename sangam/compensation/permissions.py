"""Grants for compensation and rehabilitation."""

from sangam.core.roles import Role

# Bonded labour and legal aid
#
# The District Magistrate / SDM works the releases of her district
# administration. Caseworkers of an agency serving the survivor follow them
# only with her consent for their kind of agency ("legal"), and write none.
# Legal aid is prepared by the serving agency's caseworkers and decided by
# the legal services officers of the authority it is sent to: both are
# "agency" (the application names both). Documents are recovered by the
# serving agency. District officials get figures, never names (the card
# counts through figures.py, not through these grants).
WORKS = {"view": "agency", "add": "agency", "change": "agency"}
FOLLOWS = {"view": "consent"}
CASE_STAFF = [Role.CASEWORKER, Role.COUNSELLOR, Role.SUPERVISOR]

GRANTS = {
    "compensation.bondedlabourrelease": {
        Role.DISTRICT_MAGISTRATE: WORKS,
        **dict.fromkeys(CASE_STAFF, FOLLOWS),
    },
    "compensation.bondedlabourevent": {
        Role.DISTRICT_MAGISTRATE: {"view": "agency"},
        **dict.fromkeys(CASE_STAFF, FOLLOWS),
    },
    "compensation.vigilancecommitteemeeting": {Role.DISTRICT_MAGISTRATE: WORKS},
    "compensation.legalaidapplication": {
        Role.LEGAL_SERVICES_OFFICER: WORKS,
        **dict.fromkeys(CASE_STAFF, WORKS),
    },
    "compensation.legalaidevent": {
        Role.LEGAL_SERVICES_OFFICER: {"view": "agency"},
        **dict.fromkeys(CASE_STAFF, {"view": "agency"}),
    },
    "compensation.documentrecovery": dict.fromkeys(CASE_STAFF, WORKS),
    "compensation.documentevent": dict.fromkeys(CASE_STAFF, {"view": "agency"}),
}
