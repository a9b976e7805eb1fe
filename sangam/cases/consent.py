"""The consent provider every access check of survivor data goes through,
and the scopes of who writes what is the survivor's own.

For a membership outside the survivor's own agencies, a record is visible
only while an active consent of that survivor lets the membership's kind of
agency see the model's category of data. Revoking a consent (or its expiry)
takes effect on the next query: nothing is cached.

Consent is the survivor's: her identity and her consents are written by the
agency whose case of her is open ("serving"), and, for a child in a CWC's
care, by that CWC ("orders"). Seeing her through consent writes nothing.
"""

from django.db.models import Q
from django.utils import timezone


def consented_survivors(agency_type, category):
    from sangam.cases.models import ConsentGrant

    today = timezone.localdate()
    return (
        ConsentGrant.objects.filter(
            agency_type=agency_type,
            category=category,
            consent__revoked_at__isnull=True,
        )
        .filter(Q(consent__valid_until__isnull=True) | Q(consent__valid_until__gte=today))
        .values("consent__survivor_id")
    )


def consent_q(user, membership, model, action):
    category = getattr(model, "consent_category", None)
    path = getattr(model, "survivor_path", None)
    if category is None or path is None:
        return Q(pk__in=[])
    survivors = consented_survivors(membership.agency.type, category)
    return Q(**{f"{path}__in": survivors})


def may_see(user, survivor, category, serving_agency_ids):
    """Whether ``user`` may see one category of a survivor's fields (per-field
    visibility inside a record the user may open): the agencies serving her
    may, others only with her consent for their kind of agency."""
    for membership in user.active_memberships():
        if membership.agency_id in serving_agency_ids:
            return True
        if (
            consented_survivors(membership.agency.type, category)
            .filter(consent__survivor_id=survivor.pk)
            .exists()
        ):
            return True
    return False


def _survivors(model, survivor_ids):
    path = getattr(model, "survivor_path", None)
    return None if path is None else Q(**{f"{path}__in": survivor_ids})


def open_cases():
    from sangam.cases.models import Case

    return Case._base_manager.exclude(status=Case.Status.CLOSED)


def serving_q(user, membership, model):
    """Records of survivors whose open case is with the membership's agency."""
    cases = open_cases().filter(agency=membership.agency_id)
    return _survivors(model, cases.values("survivor_id"))


def orders_q(user, membership, model):
    """As serving_q, and children in the CWC's care (``cwc_involved``) whose
    open case is in the CWC's jurisdiction. Whether she is a child is checked
    when the consent is recorded: her date of birth is encrypted."""
    from sangam.agencies.models import AgencyType
    from sangam.core.areas import area_q

    serving = serving_q(user, membership, model)
    if membership.agency.type != AgencyType.CWC:
        return serving
    area = area_q(membership.agency, state="agency__state", district="agency__district")
    if area is None or serving is None:
        return serving
    cases = open_cases().filter(area, survivor__cwc_involved=True)
    return serving | _survivors(model, cases.values("survivor_id"))
