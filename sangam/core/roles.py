"""Roles people hold in an agency, their order (who may grant what), and which
roles must use two-factor login."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CRP = "crp", _("Community resource person")
    CASEWORKER = "caseworker", _("Caseworker")
    COUNSELLOR = "counsellor", _("Counsellor")
    SUPERVISOR = "supervisor", _("Supervisor")
    POLICE_OFFICER = "police_officer", _("Police officer")
    CWC_MEMBER = "cwc_member", _("CWC member")
    DCPU_OFFICER = "dcpu_officer", _("DCPU protection officer")
    LEGAL_SERVICES_OFFICER = "legal_services_officer", _("Legal services officer")
    DISTRICT_MAGISTRATE = "district_magistrate", _("District Magistrate / SDM")
    PUBLIC_PROSECUTOR = "public_prosecutor", _("Public prosecutor")
    # A member of the district standing committee that decides witness
    # protection (Witness Protection Scheme 2018).
    PROTECTION_COMMITTEE = "protection_committee", _("Witness protection committee member")
    AGENCY_ADMINISTRATOR = "agency_administrator", _("Agency administrator")
    DISTRICT_OFFICIAL = "district_official", _("District official")
    STATE_ADMINISTRATOR = "state_administrator", _("State administrator")
    SYSTEM_ADMINISTRATOR = "system_administrator", _("System administrator")


# The one order of roles: a person managing others grants only roles ranked
# at most as high as the role she manages them with, and manages only people
# whose every role is ranked at most that high. Roles of one rank are peers
# (a caseworker and a police officer see different things, neither more).
# District officials rank above agency administrators: their role reaches
# a whole district, which no one agency may hand out.
RANK = {
    Role.CRP: 1,
    Role.CASEWORKER: 1,
    Role.COUNSELLOR: 1,
    Role.POLICE_OFFICER: 1,
    Role.CWC_MEMBER: 1,
    Role.DCPU_OFFICER: 1,
    Role.LEGAL_SERVICES_OFFICER: 1,
    Role.DISTRICT_MAGISTRATE: 1,
    Role.PUBLIC_PROSECUTOR: 1,
    Role.PROTECTION_COMMITTEE: 1,
    Role.SUPERVISOR: 2,
    Role.AGENCY_ADMINISTRATOR: 3,
    Role.DISTRICT_OFFICIAL: 4,
    Role.STATE_ADMINISTRATOR: 5,
    Role.SYSTEM_ADMINISTRATOR: 6,
}

# Everyone who can see identifying data of any person logs in with a second
# factor. Administrators manage accounts, which is as sensitive.
TWO_FACTOR_ROLES = frozenset(Role.values)

# Roles that may read the audit trail (oversight).
OVERSIGHT_ROLES = frozenset(
    {Role.DISTRICT_OFFICIAL, Role.STATE_ADMINISTRATOR, Role.SYSTEM_ADMINISTRATOR}
)
