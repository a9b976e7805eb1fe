from sangam.core.roles import Role

_EDIT = {"view": "all", "add": "jurisdiction", "change": "jurisdiction"}
_GRANTS_BY_ROLE = {
    Role.CRP: {"view": "all", "add": "jurisdiction"},
    Role.DISTRICT_OFFICIAL: _EDIT,
    Role.STATE_ADMINISTRATOR: _EDIT,
    Role.SYSTEM_ADMINISTRATOR: {"view": "all", "add": "all", "change": "all", "delete": "all"},
}
GRANTS = {
    label: {**{role: {"view": "all"} for role in Role}, **_GRANTS_BY_ROLE}
    for label in ("geography.block", "geography.grampanchayat", "geography.village")
}
