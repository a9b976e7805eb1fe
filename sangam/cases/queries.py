"""Restricted look-ups shared by the case pages and the case API.

Each goes through ``.restrict(user, action)``: a case the user may not see is
a 404, exactly like one that does not exist."""

from django.db.models import Q
from django.shortcuts import get_object_or_404

from sangam.cases.models import Case, Consent, FollowUp, Survivor, SurvivorNameToken
from sangam.core.access import ADD, SYSTEM, memberships_granted, provided_scope_q, scope_for
from sangam.core.crypto import name_tokens, token_digest


def get_case_for_user(user, pk, action="view"):
    """The case ``pk`` if ``user`` may do ``action`` on it, else 404."""
    return get_object_or_404(
        Case.objects.restrict(user, action).select_related("survivor", "agency", "owner"), pk=pk
    )


def follow_ups_for(user):
    """Open follow-ups that are ``user``'s to do: of the cases she owns or is on
    the team of, or assigned to her role (the counsellor's tasks); a
    supervisor's are all those of the cases she may see."""
    memberships = user.active_memberships()
    rows = FollowUp.objects.restrict(user, "view").filter(done_on__isnull=True)
    if any(m.role == "supervisor" for m in memberships):
        return rows
    mine = FollowUp.objects.restrict(user, "view").filter(
        Q(case__owner=user)
        | Q(case__team=user)
        | Q(assigned_role__in=[m.role for m in memberships])
    )
    # A subquery, not .distinct(): the team join would repeat rows.
    return rows.filter(pk__in=mine.values("pk"))


def adding_agency(user, model=Survivor):
    """The first of the user's agencies where the role may add ``model`` records."""
    granted = memberships_granted(user, model, ADD)
    return granted[0].agency if granted else None


def consent_recorder(user, survivor):
    """The membership through which ``user`` records a consent of ``survivor``:
    one whose agency has her open case ("serving"), or a CWC's for a child in
    its care ("orders"); None when no membership may (seeing her is not enough)."""
    for membership in memberships_granted(user, Consent, ADD):
        scope = scope_for(membership.role, Consent._meta.label_lower, ADD)
        q = provided_scope_q(scope, user, membership, Survivor)
        if q is not None and Survivor.objects.restrict(SYSTEM).filter(q, pk=survivor.pk).exists():
            return membership
    return None


def search_by_name(queryset, text):
    """Survivors whose names contain every token of ``text`` (blind index)."""
    for token in name_tokens(text)[:6]:
        queryset = queryset.filter(
            pk__in=SurvivorNameToken.objects.filter(digest=token_digest(token)).values("survivor")
        )
    return queryset
