"""Restricted look-ups shared by the compensation pages and the API: a record
the user may not see is a 404, exactly like one that does not exist."""

from django.shortcuts import get_object_or_404

from sangam.cases.models import Survivor
from sangam.compensation.models import (
    BondedLabourEvent,
    BondedLabourRelease,
    DocumentEvent,
    DocumentRecovery,
    LegalAidApplication,
    LegalAidEvent,
    VigilanceCommitteeMeeting,
)

# Bonded labour and legal aid

RELEASE_RELATED = ("agency", "agency__state", "scheme", "category", "native_district__state")


def releases_for(user):
    return (
        BondedLabourRelease.objects.restrict(user, "view")
        .select_related(*RELEASE_RELATED)
        .order_by("-identified_on", "-pk")
    )


def get_release_for_user(user, pk, action="view"):
    """The release case ``pk`` if ``user`` may ``action`` it, else 404."""
    return get_object_or_404(
        BondedLabourRelease.objects.restrict(user, action).select_related(*RELEASE_RELATED), pk=pk
    )


def release_events(user, release):
    return BondedLabourEvent.objects.restrict(user, "view").filter(release=release)


def meetings_for(user):
    return VigilanceCommitteeMeeting.objects.restrict(user, "view").select_related("agency")


def get_meeting_for_user(user, pk, action="view"):
    return get_object_or_404(
        VigilanceCommitteeMeeting.objects.restrict(user, action).select_related("agency"), pk=pk
    )


def legal_aid_for(user):
    return (
        LegalAidApplication.objects.restrict(user, "view")
        .select_related("agency", "authority")
        .order_by("-applied_on", "-pk")
    )


def get_legal_aid_for_user(user, pk, action="view"):
    return get_object_or_404(
        LegalAidApplication.objects.restrict(user, action).select_related("agency", "authority"),
        pk=pk,
    )


def legal_aid_events(user, application):
    return LegalAidEvent.objects.restrict(user, "view").filter(application=application)


def documents_for(user):
    return (
        DocumentRecovery.objects.restrict(user, "view")
        .select_related("agency")
        .order_by("survivor", "kind", "pk")
    )


def get_document_for_user(user, pk, action="view"):
    return get_object_or_404(
        DocumentRecovery.objects.restrict(user, action).select_related("agency"), pk=pk
    )


def document_events(user, recovery):
    return DocumentEvent.objects.restrict(user, "view").filter(recovery=recovery)


def visible_survivor(user, survivor_id):
    """Her record as far as her consent lets ``user`` see it, or None."""
    return Survivor.objects.restrict(user, "view").filter(pk=survivor_id).first()


def visible_survivors(user, ids):
    """{id: survivor} of those of ``ids`` the user may see, in one query."""
    return {s.pk: s for s in Survivor.objects.restrict(user, "view").filter(pk__in=set(ids))}
