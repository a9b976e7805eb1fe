"""Grants for survivor data. Staff of an agency see the survivors it has a
case for ("agency"); police, CWC and legal services officers may reach
survivors in their jurisdiction, but only those whose consent lets their
kind of agency see that category (the consent provider adds that condition
to every scope wider than the user's own agency). Oversight roles see no
identifying data here; they get figures."""

from sangam.core.roles import Role

STAFF = {"view": "agency", "add": "agency", "change": "agency"}
REACH = {"view": "jurisdiction", "add": "agency", "change": "agency"}

RECORDS = (
    "cases.survivor",
    "cases.case",
    "cases.intake",
    "cases.consent",
    "cases.caseevent",
    "cases.goal",
    "cases.action",
    "cases.followup",
    "cases.servicedelivered",
    "cases.wellbeingcheckin",
    "cases.riskflag",
    "cases.transfer",
)

GRANTS = {
    label: {
        Role.CASEWORKER: STAFF,
        Role.COUNSELLOR: STAFF,
        Role.SUPERVISOR: {**STAFF, "export": "agency"},
        Role.POLICE_OFFICER: REACH,
        Role.CWC_MEMBER: REACH,
        Role.DCPU_OFFICER: REACH,
        Role.LEGAL_SERVICES_OFFICER: REACH,
    }
    for label in RECORDS
}
# Counselling notes: counsellors of the agency; other roles and agencies only
# where the survivor's consent covers counselling notes for their kind of agency.
GRANTS["cases.counsellingnote"] = {
    Role.COUNSELLOR: STAFF,
    Role.SUPERVISOR: {"view": "consent"},
    Role.CASEWORKER: {"view": "consent"},
    Role.CWC_MEMBER: {"view": "consent"},
}
