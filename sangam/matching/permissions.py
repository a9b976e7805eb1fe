"""Who reviews candidate matches: police officers (AHTU), CWC members and
DCPU officers of either side's jurisdiction. The queue shows a person's
identity only where the reviewer may see that record itself (the missing
persons register, or the survivor with her consent); CWC members see only
candidates involving children (matching/queries.py)."""

from sangam.core.roles import Role

REVIEW = {"view": "jurisdiction", "change": "jurisdiction"}
GRANTS = {
    label: {Role.POLICE_OFFICER: REVIEW, Role.CWC_MEMBER: REVIEW, Role.DCPU_OFFICER: REVIEW}
    for label in ("matching.candidatematch", "matching.restoration")
}
GRANTS["matching.restoration"][Role.CWC_MEMBER] = {**REVIEW, "add": "jurisdiction"}
# Survivors registered twice: supervisors of an agency serving either record
# merge them (each side's identity still needs her consent beyond their own
# agency), as can the district's reviewers.
GRANTS["matching.survivorduplicate"] = {
    Role.SUPERVISOR: {"view": "agency", "change": "agency"},
    Role.POLICE_OFFICER: REVIEW,
    Role.CWC_MEMBER: REVIEW,
    Role.DCPU_OFFICER: REVIEW,
}
