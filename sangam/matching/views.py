"""The matching review pages: the queue of candidate matches and the decision
on each, restorations, and possible duplicate survivors."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from sangam.audit import log
from sangam.cases.models import Survivor
from sangam.core.editing import EDIT_CONFLICT, EditConflict, save_versioned
from sangam.matching import evidence, queries, workflow
from sangam.matching import merge as merging
from sangam.matching.forms import DecisionForm, MergeForm, RestorationForm
from sangam.matching.models import CandidateMatch, Restoration, Review, SurvivorDuplicate

RELATED = ("missing_person", "missing_person__village", "missing_person__district", "survivor")


@login_required
def queue(request):
    candidates = queries.queue(request.user).select_related(*RELATED).order_by("-score", "pk")
    page = Paginator(candidates, 25).get_page(request.GET.get("page"))
    missing, survivors = queries.visible_sides(request.user, page)
    rows = [(c, c.missing_person_id in missing, c.survivor_id in survivors) for c in page]
    if page.object_list:
        log.record_list(CandidateMatch, [c.pk for c in page])
    return render(request, "matching/queue.html", {"page": page, "rows": rows})


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
    obj = get_object_or_404(
        CandidateMatch.objects.restrict(request.user, "view").select_related(
            *RELATED, "reviewed_by"
        ),
        pk=pk,
    )
    missing, survivors = queries.visible_sides(request.user, [obj])
    sees_both = obj.missing_person_id in missing and obj.survivor_id in survivors
    may_decide = (
        sees_both
        and obj.status == Review.PENDING
        and CandidateMatch.objects.restrict(request.user, "change").filter(pk=pk).exists()
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
            "sees_missing": obj.missing_person_id in missing,
            "sees_survivor": obj.survivor_id in survivors,
            "sees_both": sees_both,
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
    qs = (
        SurvivorDuplicate.objects.restrict(request.user, "view")
        .filter(status=Review.PENDING)
        .order_by("-score", "pk")
    )
    page = Paginator(qs, 25).get_page(request.GET.get("page"))
    ids = {pk for d in page for pk in (d.first_id, d.second_id)}
    visible = set(
        Survivor.objects.restrict(request.user, "view")
        .filter(pk__in=ids)
        .values_list("pk", flat=True)
    )
    rows = [(d, d.first_id in visible and d.second_id in visible) for d in page]
    return render(request, "matching/duplicates.html", {"page": page, "rows": rows})


@login_required
def duplicate(request, pk):
    obj = get_object_or_404(
        SurvivorDuplicate.objects.restrict(request.user, "view").select_related(
            "first", "second", "first__origin_district", "second__origin_district"
        ),
        pk=pk,
    )
    visible = set(
        Survivor.objects.restrict(request.user, "view")
        .filter(pk__in=[obj.first_id, obj.second_id])
        .values_list("pk", flat=True)
    )
    sees_both = {obj.first_id, obj.second_id} <= visible
    may_decide = (
        sees_both
        and obj.status == Review.PENDING
        and SurvivorDuplicate.objects.restrict(request.user, "change").filter(pk=pk).exists()
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
    if sees_both:
        log.record_view(obj)
    return render(
        request,
        "matching/duplicate.html",
        {
            "duplicate": obj,
            "sides": [
                (_("First record"), obj.first, obj.first_id in visible),
                (_("Second record"), obj.second, obj.second_id in visible),
            ],
            "evidence": evidence.evidence(obj.levels),
            "form": form,
            "sees_both": sees_both,
        },
    )
