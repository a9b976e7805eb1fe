"""Which villages a person keeps registers for; the alerts that reached her;
the recruiter registry search."""

from django.db.models import Q

from sangam.core.access import SYSTEM, scope_for
from sangam.core.areas import area_q
from sangam.core.crypto import name_tokens, token_digest
from sangam.core.roles import Role
from sangam.geography.models import Village
from sangam.prevention.models import Alert, AlertLevel, RecruiterNameToken


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


def search_recruiters(queryset, text):
    """Recruiters whose name has every token of ``text`` (blind index), or
    whose firm or licence number contains it."""
    by_name = queryset
    tokens = name_tokens(text)[:6]
    for token in tokens:
        by_name = by_name.filter(
            pk__in=RecruiterNameToken.objects.filter(digest=token_digest(token)).values("recruiter")
        )
    in_firm = Q(firm__icontains=text) | Q(licence_number__icontains=text)
    if not tokens:
        return queryset.filter(in_firm)
    return queryset.filter(in_firm | Q(pk__in=by_name.values("pk")))


def alerts_for(user):
    """Alerts that have reached ``user``: CRPs and supervisors see their
    jurisdiction's; police see those escalated to the AHTU."""
    qs = Alert.objects.restrict(user, "view")
    roles = {m.role for m in user.active_memberships()}
    if roles and roles <= {Role.POLICE_OFFICER}:
        qs = qs.filter(level=AlertLevel.AHTU)
    return qs
