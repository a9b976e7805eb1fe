"""Grants for directory entries. Everyone may read the directory (it is also
public); an agency keeps its own entries and capacity up to date; district
and state administration keep their area's entries true."""

from sangam.core.roles import Role

OWN_AGENCY = {"view": "all", "change": "agency"}
AREA = {"view": "all", "add": "jurisdiction", "change": "jurisdiction"}

GRANTS = {
    label: {
        **{role: {"view": "all"} for role in Role},
        Role.CASEWORKER: OWN_AGENCY,
        Role.COUNSELLOR: OWN_AGENCY,
        Role.SUPERVISOR: OWN_AGENCY,
        Role.DISTRICT_OFFICIAL: AREA,
        Role.STATE_ADMINISTRATOR: AREA,
        Role.SYSTEM_ADMINISTRATOR: {"view": "all", "add": "all", "change": "all"},
    }
    for label in ("directory.service", "directory.organization")
}
