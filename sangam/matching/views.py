"""The matching review pages: the queue of candidate matches and the decision
on each, restorations, and possible duplicate survivors."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from sangam.audit import log
from sangam.core.editing import EDIT_CONFLICT, EditConflict, save_versioned
from sangam.matching import evidence, queries, workflow
from sangam.matching import merge as merging
from sangam.matching.forms import DecisionForm, MergeForm, RestorationForm
from sangam.matching.models import CandidateMatch, Restoration, Review

RELATED = ("missing_person", "missing_person__village", "missing_person__district", "survivor")


@login_required
def queue(request):
    candidates = queries.queue(request.user).select_related(*RELATED).order_by("-score", "pk")
    page = Paginator(candidates, 25).get_page(request.GET.get("page"))
    if page.object_list:
        log.record_list(CandidateMatch, [c.pk for c in page])
    return render(request, "matching/queue.html", {"page": page})


def _decided(request, confirmed, restoration):
    if restoration:
        messages.success(
            request,
            _(
                "Confirmed. The child's restoration has started: the CWC orders a home "
                "verification next."
            ),  # fmt: skip
        )
        return redirect("matching:restoration", pk=restoration.pk)
    messages.success(request, _("Confirmed.") if confirmed else _("Rejected."))
    return redirect("matching:queue")


@login_required
def candidate(request, pk):
    # Shown only to a reviewer who may see both records (queries.candidates).
    obj = get_object_or_404(
        queries.candidates(request.user).select_related(*RELATED, "reviewed_by"), pk=pk
    )
    may_decide = (
        obj.status == Review.PENDING
        and queries.candidates(request.user, "change").filter(pk=pk).exists()
    )
    form = DecisionForm(request.POST or None) if may_decide else None
    if request.method == "POST":
        if not may_decide:
            raise PermissionDenied
        if form.is_valid():
            confirmed = form.cleaned_data["decision"] == "confirm"
            try:
                restoration = workflow.decide(
                    obj, request.user, confirmed, form.cleaned_data["reason"]
                )
            except EditConflict:
                form.add_error(None, EDIT_CONFLICT)
            else:
                return _decided(request, confirmed, restoration)
    log.record_view(obj)
    return render(
        request,
        "matching/candidate.html",
        {
            "candidate": obj,
            "evidence": evidence.evidence(obj.levels),
            "form": form,
        },
    )


@login_required
def restorations(request):
    qs = (
        Restoration.objects.restrict(request.user, "view")
        .select_related("match__missing_person", "match__missing_person__village")
        .order_by("-created_at")
    )
    page = Paginator(qs, 25).get_page(request.GET.get("page"))
    return render(request, "matching/restorations.html", {"page": page})


@login_required
def restoration(request, pk):
    obj = get_object_or_404(
        Restoration.objects.restrict(request.user, "view").select_related(
            "match", "match__missing_person", "match__survivor"
        ),
        pk=pk,
    )
    may_change = Restoration.objects.restrict(request.user, "change").filter(pk=pk).exists()
    form = RestorationForm(request.POST or None, instance=obj) if may_change else None
    if request.method == "POST":
        if not may_change:
            raise PermissionDenied
        if form.is_valid():
            if save_versioned(form, request.user):
                messages.success(request, _("Saved."))
                return redirect("matching:restoration", pk=pk)
    missing, _survivors = queries.visible_sides(request.user, [obj.match])
    return render(
        request,
        "matching/restoration.html",
        {"restoration": obj, "form": form, "sees_missing": obj.match.missing_person_id in missing},
    )


@login_required
def duplicates(request):
    qs = queries.duplicates(request.user).filter(status=Review.PENDING).order_by("-score", "pk")
    page = Paginator(qs, 25).get_page(request.GET.get("page"))
    return render(request, "matching/duplicates.html", {"page": page})


@login_required
def duplicate(request, pk):
    # Shown only to someone who may see both records (queries.duplicates).
    obj = get_object_or_404(
        queries.duplicates(request.user).select_related(
            "first", "second", "first__origin_district", "second__origin_district"
        ),
        pk=pk,
    )
    may_decide = (
        obj.status == Review.PENDING
        and queries.duplicates(request.user, "change").filter(pk=pk).exists()
    )
    form = MergeForm(request.POST or None) if may_decide else None
    if request.method == "POST":
        if not may_decide:
            raise PermissionDenied
        if form.is_valid():
            reason = form.cleaned_data["reason"]
            if form.cleaned_data["decision"] == "merge":
                keep, other = (obj.first, obj.second)
                if form.cleaned_data["keep"] == "second":
                    keep, other = other, keep
                kept = merging.merge(keep, other, request.user, reason)
                messages.success(request, _("Merged into one record."))
                return redirect("cases:survivor", pk=kept.pk)
            try:
                obj.record_decision(Review.REJECTED, reason, request.user)
            except EditConflict:
                form.add_error(None, EDIT_CONFLICT)
            else:
                messages.success(request, _("Kept apart."))
                return redirect("matching:duplicates")
    log.record_view(obj)
    return render(
        request,
        "matching/duplicate.html",
        {
            "duplicate": obj,
            "sides": [(_("First record"), obj.first), (_("Second record"), obj.second)],
            "evidence": evidence.evidence(obj.levels),
            "form": form,
        },
    )
