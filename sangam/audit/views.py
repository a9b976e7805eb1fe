"""The audit log page: the entries a user may read, filtered and paged."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render

from sangam.agencies.models import Membership
from sangam.audit.models import AuditEntry
from sangam.core.access import SYSTEM
from sangam.core.areas import area_q
from sangam.core.roles import Role


def entries_for(user):
    """Audit entries an oversight role may read: everything for system and
    national administrators, else the actions of people in their jurisdiction."""
    memberships = [
        m
        for m in user.active_memberships()
        if m.role in (Role.SYSTEM_ADMINISTRATOR, Role.STATE_ADMINISTRATOR, Role.DISTRICT_OFFICIAL)
    ]
    if not memberships:
        return None
    staff = Membership.objects.restrict(SYSTEM).none()
    for m in memberships:
        where = area_q(m.agency, state="agency__state_id", district="agency__district_id")
        if m.role == Role.SYSTEM_ADMINISTRATOR or where == Q():
            return AuditEntry.objects.all()
        if where is not None:
            staff = staff | Membership.objects.restrict(SYSTEM).filter(where)
    return AuditEntry.objects.filter(actor_id__in=staff.values("user_id"))


@login_required
def entry_list(request):
    entries = entries_for(request.user)
    if entries is None:
        raise PermissionDenied
    action = request.GET.get("action", "")
    object_type = request.GET.get("object_type", "").strip()[:100]
    actor = request.GET.get("actor", "").strip()[:150]
    if action:
        entries = entries.filter(action=action)
    if object_type:
        entries = entries.filter(object_type=object_type)
    if actor:
        entries = entries.filter(actor_label=actor)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "audit/list.html",
        {
            "page": page,
            "actions": AuditEntry.Action.choices,
            "action": action,
            "object_type": object_type,
            "actor": actor,
        },
    )
