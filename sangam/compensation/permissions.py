"""Grants for compensation. Legal services officers of a DLSA/SLSA decide
the claims their authority holds; caseworkers of the agency serving her
prepare and follow them (the claim names both agencies: "agency" scope
matches either). A hand-over moves the claim to the new authority, so the
old one keeps only the hand-over record. District officials see figures,
computed by Sangam itself, never names. Scheme versions are reference
data: read by everyone, drafted by a state's legal services officer
(views/schemes.py).

Bonded-labour releases, legal aid and documents: see below."""

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


# Claims
CLAIM_WORK = {"view": "agency", "add": "agency", "change": "agency"}
CLAIM_RECORDS = (
    "compensation.claim",
    "compensation.claimevent",
    "compensation.claimdocument",
    "compensation.claimpayment",
)

GRANTS = {
    **{
        label: {
            Role.LEGAL_SERVICES_OFFICER: CLAIM_WORK,
            Role.CASEWORKER: CLAIM_WORK,
            Role.SUPERVISOR: {"view": "agency", "export": "agency"},
        }
        for label in CLAIM_RECORDS
    },
    "compensation.claimhandover": {
        Role.LEGAL_SERVICES_OFFICER: {"view": "agency", "add": "agency"},
        Role.CASEWORKER: {"view": "agency"},
        Role.SUPERVISOR: {"view": "agency"},
    },
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
