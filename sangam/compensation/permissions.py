"""Grants for compensation. Legal services officers of a DLSA/SLSA decide
the claims their authority holds; caseworkers of the agency serving her
prepare and follow them (the claim names both agencies: "agency" scope
matches either). A hand-over moves the claim to the new authority, so the
old one keeps only the hand-over record. District officials see figures,
computed by Sangam itself, never names. Scheme versions are reference
data: read by everyone, drafted by a state's legal services officer
(views/schemes.py)."""

from sangam.core.roles import Role

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
}
