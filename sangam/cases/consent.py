"""The consent provider every access check of survivor data goes through.

For a membership outside the survivor's own agencies, a record is visible
only while an active consent of that survivor lets the membership's kind of
agency see the model's category of data. Revoking a consent (or its expiry)
takes effect on the next query: nothing is cached.
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
