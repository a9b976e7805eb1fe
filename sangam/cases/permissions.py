"""Grants for survivor data. Staff of an agency see the survivors it has a
case for ("agency"); police, CWC and legal services officers may reach
survivors in their jurisdiction, but only those whose consent lets their
kind of agency see that category (the consent provider adds that condition
to every scope wider than the user's own agency). Oversight roles see no
identifying data here; they get figures.

Consent lets an agency see, never write (the access engine limits every
write of survivor data to the user's own agency's records): an agency she
is referred to, or one reaching her through consent, writes only its own
case. Her identity and her consents are written only by the agency whose
case of her is open ("serving"); a CWC also records and revokes consent for
a child in its care, by order ("orders")."""

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
# What is hers is written by the agency whose case of her is open: her
# identity (and her account, recorded once through it) and her consents.
# Registering her ("add") opens a case at the user's own agency.
GRANTS["cases.survivor"] = {
    role: {**actions, "change": "serving"} for role, actions in GRANTS["cases.survivor"].items()
}
GRANTS["cases.consent"] = {
    role: {**actions, "add": scope, "change": scope}
    for role, actions in GRANTS["cases.consent"].items()
    for scope in ["orders" if role == Role.CWC_MEMBER else "serving"]
}
# The District Magistrate / SDM links a bonded-labour release to her record
# (compensation): only survivors of the district whose consent lets the
# district administration see who she is.
GRANTS["cases.survivor"][Role.DISTRICT_MAGISTRATE] = {"view": "jurisdiction"}
# Counselling notes: counsellors of the agency; other roles and agencies only
# where the survivor's consent covers counselling notes for their kind of agency.
GRANTS["cases.counsellingnote"] = {
    Role.COUNSELLOR: STAFF,
    Role.SUPERVISOR: {"view": "consent"},
    Role.CASEWORKER: {"view": "consent"},
    Role.CWC_MEMBER: {"view": "consent"},
}
