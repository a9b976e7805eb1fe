"""Who to e-mail: staff holding a role, by agency."""

from sangam.agencies.models import Membership
from sangam.core.access import SYSTEM


def staff_emails(role, **agency_filter):
    """[(e-mail, agency id, agency district id)] of active staff holding ``role``
    in the agencies ``agency_filter`` selects (e.g. agency__in=[...])."""
    return list(
        Membership.objects.restrict(SYSTEM)
        .filter(role=role, is_active=True, user__is_active=True, **agency_filter)
        .exclude(user__email="")
        .values_list("user__email", "agency_id", "agency__district_id")
    )
