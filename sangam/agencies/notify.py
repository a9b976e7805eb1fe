"""Who to e-mail (staff holding a role, by agency) and the links e-mails carry."""

from django.conf import settings
from django.urls import reverse

from sangam.agencies.models import Membership
from sangam.core.access import SYSTEM


def staff_emails(role, **agency_filter):
    """[(e-mail, language, agency id, agency district id)] of active staff
    holding ``role`` in the agencies ``agency_filter`` selects (e.g.
    agency__in=[...]); the language is the one she reads Sangam in."""
    return list(
        Membership.objects.restrict(SYSTEM)
        .filter(role=role, is_active=True, user__is_active=True, **agency_filter)
        .exclude(user__email="")
        .values_list("user__email", "user__language", "agency_id", "agency__district_id")
    )


def site_link(view_name, *args):
    """An absolute link for an e-mail (SANGAM_BASE_URL + the page's path)."""
    return settings.SANGAM_BASE_URL.rstrip("/") + reverse(view_name, args=args)
