"""Which villages a person keeps registers for."""

from sangam.core.access import SYSTEM, scope_for
from sangam.core.areas import area_q
from sangam.geography.models import Village


def villages_for(user, action="add", label="prevention.household"):
    """Villages in which ``user`` may ``action`` register rows (a queryset)."""
    if user is SYSTEM:
        return Village.objects.all()
    q = None
    for m in user.active_memberships():
        if scope_for(m.role, label, action) != "jurisdiction":
            continue
        clause = area_q(m.agency, district="district", block="block")
        if clause is None:
            continue
        if not clause:  # a national agency: every village
            return Village.objects.all()
        q = clause if q is None else q | clause
    if q is None:
        return Village.objects.none()
    return Village.objects.filter(q)
