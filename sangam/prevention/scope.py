"""Which villages a person keeps registers for."""

from django.db.models import Q

from sangam.core.access import SYSTEM, scope_for
from sangam.geography.models import Village


def villages_for(user, action="add", label="prevention.household"):
    """Villages in which ``user`` may ``action`` register rows (a queryset)."""
    if user is SYSTEM:
        return Village.objects.all()
    q = None
    for m in user.active_memberships():
        if scope_for(m.role, label, action) != "jurisdiction":
            continue
        agency = m.agency
        level = agency.jurisdiction_level
        if level == "national":
            return Village.objects.all()
        if level == "state":
            clause = Q(district__state_id=agency.state_id)
        elif level == "block" and agency.block_id:
            clause = Q(block_id=agency.block_id)
        elif agency.district_id:
            clause = Q(district_id=agency.district_id)
        else:
            continue
        q = clause if q is None else q | clause
    if q is None:
        return Village.objects.none()
    return Village.objects.filter(q)
