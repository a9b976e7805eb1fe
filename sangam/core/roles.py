"""Roles people hold in an agency, and which roles must use two-factor login."""

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
    DISTRICT_OFFICIAL = "district_official", _("District official")
    STATE_ADMINISTRATOR = "state_administrator", _("State administrator")
    SYSTEM_ADMINISTRATOR = "system_administrator", _("System administrator")


# Everyone who can see identifying data of any person logs in with a second
# factor. System administrators manage accounts, which is as sensitive.
TWO_FACTOR_ROLES = frozenset(Role.values)

# Roles that may read the audit trail (oversight).
OVERSIGHT_ROLES = frozenset(
    {Role.DISTRICT_OFFICIAL, Role.STATE_ADMINISTRATOR, Role.SYSTEM_ADMINISTRATOR}
)
