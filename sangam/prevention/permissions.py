"""Who works the village registers. CRPs and their block or district
supervisors keep them for their jurisdiction (a block-level agency: its
block). Police (AHTU) and CWC members see migrants, alerts and missing
persons of their jurisdiction, where escalations reach them. District and
state officials get figures (the MIS), not names. The recruiter registry is
consulted by everyone who advises migrants, whatever the state."""

from sangam.core.roles import Role

KEEP = {"view": "jurisdiction", "add": "jurisdiction", "change": "jurisdiction"}
REGISTERS = (
    "prevention.household",
    "prevention.member",
    "prevention.entitlement",
    "prevention.migration",
    "prevention.checkin",
    "prevention.alert",
    "prevention.marriage",
    "prevention.missingperson",
    "prevention.joboffercheck",
)

GRANTS = {
    label: {Role.CRP: KEEP, Role.SUPERVISOR: {**KEEP, "export": "jurisdiction"}}
    for label in REGISTERS
}
for label in ("prevention.migration", "prevention.checkin"):
    GRANTS[label][Role.POLICE_OFFICER] = {"view": "jurisdiction"}
GRANTS["prevention.alert"][Role.POLICE_OFFICER] = {"view": "jurisdiction", "change": "jurisdiction"}
GRANTS["prevention.missingperson"][Role.POLICE_OFFICER] = KEEP
GRANTS["prevention.missingperson"][Role.CWC_MEMBER] = {"view": "jurisdiction"}
GRANTS["prevention.missingperson"][Role.DCPU_OFFICER] = {"view": "jurisdiction"}

# Agents work across states, so the registry is national: any adviser adds
# an agent or a complaint; an entry is corrected by whoever made it, or by
# the police, who verify licences.
ADVISERS = (Role.CRP, Role.SUPERVISOR, Role.POLICE_OFFICER, Role.CASEWORKER)
for label in ("prevention.recruiter", "prevention.recruitercomplaint"):
    GRANTS[label] = {role: {"view": "all", "add": "all", "change": "own"} for role in ADVISERS}
    GRANTS[label][Role.POLICE_OFFICER] = {"view": "all", "add": "all", "change": "all"}
