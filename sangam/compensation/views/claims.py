"""Claim pages: the list, a claim opened from her case, its page with each
step's form, the steps themselves, the application PDF and the area figures."""

from copy import copy
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sangam.audit import log
from sangam.cases.models import Case, Intake
from sangam.compensation import figures, forms, queries, workflow
from sangam.compensation.models import (
    Claim,
    ClaimDocument,
    ClaimEvent,
    ClaimHandover,
    ClaimPayment,
    Status,
)
from sangam.compensation.views import steps
from sangam.core.access import can
from sangam.core.editing import EDIT_CONFLICT, EditConflict
from sangam.core.workflow import Refused


@login_required
def claim_list(request):
    box, claims = queries.claims_for(request.user, request.GET.get("box", "all"))
    page = Paginator(claims.order_by("inquiry_due_on", "-pk"), 25).get_page(request.GET.get("page"))
    if page.object_list:
        log.record_list(Claim, [c.pk for c in page])
    waiting = queries.waiting_documents(request.user, [c.pk for c in page])
    for claim in page:
        claim.waiting = waiting.get(claim.pk, [])
    return render(
        request,
        "compensation/list.html",
        {"page": page, "box": box, "boxes": queries.BOXES, "today": timezone.localdate()},
    )


def _add_errors(form, exc):
    for field, errors in exc.message_dict.items():
        for error in errors:
            form.add_error(field if field in form.fields else None, error)


@login_required
def claim_create(request, case_pk):
    """A claim opened from her case, pre-filled with what Sangam holds."""
    if not can(request.user, Claim, "add"):
        raise PermissionDenied
    case = get_object_or_404(
        Case.objects.restrict(request.user, "change").select_related("survivor"), pk=case_pk
    )
    log.record_view(case.survivor, purpose="compensation claim")
    initial, held = queries.prefill(request.user, case)
    initial["serving_agency"] = case.agency_id
    form = forms.ClaimCreateForm(
        request.POST or None, user=request.user, survivor_id=case.survivor_id, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        claim = form.instance
        claim.survivor, claim.case = case.survivor, case
        claim.scheme = queries.scheme_for(claim.authority)
        if claim.scheme is None:
            form.add_error("authority", _("No compensation scheme is in force in that state."))
        else:
            try:
                workflow.create(request.user, claim, form.cleaned_data["harms"], documents=held)
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("Claim saved. File it when she has signed it."))
                return redirect(claim)
    return render(
        request,
        "compensation/form.html",
        {"form": form, "case": case, "held": held, "creating": True},
    )


def _claim_context(request, claim):
    user = request.user
    survivor = queries.the_survivor(user, claim)
    if survivor is not None:
        log.record_view(survivor, purpose="compensation claim")
    low, high = workflow.award_range(claim)
    interim_so_far, interim_least = workflow.interim_share(claim)
    documents = ClaimDocument.objects.restrict(user, "view").filter(claim=claim)
    sides = workflow.sides_of(user, claim)
    version = {"version": claim.version, "claim_version": claim.version}
    police_case = queries.police_case_of(user, claim)
    return {
        "claim": claim,
        "survivor": survivor,
        "police_case": police_case,
        "fir_number": claim.fir_number or (police_case.fir_number if police_case else ""),
        "agencies": queries.agencies_involved(user, claim),
        "harms": list(claim.harms.all()),
        "range": (low, high),
        "interim_so_far": interim_so_far,
        "interim_least": interim_least,
        "documents": [
            (d, forms.DocumentForm(instance=d, prefix=f"d{d.pk}", initial=version))
            for d in documents
        ],
        "payments": ClaimPayment.objects.restrict(user, "view").filter(claim=claim),
        "handovers": ClaimHandover.objects.restrict(user, "view")
        .filter(claim=claim)
        .select_related("from_authority", "to_authority"),
        "events": ClaimEvent.objects.restrict(user, "view").filter(claim=claim),
        "transitions": [
            Status(t) for t in workflow.STATUS.allowed(user, claim) if t not in workflow.OWN_FORMS
        ],
        "may_file": Status.FILED in workflow.STATUS.allowed(user, claim),
        "may_award": Status.AWARDED in workflow.STATUS.allowed(user, claim),
        "is_authority": "authority" in sides,
        "may_change": bool(sides),
        "past_limit": claim.is_past_inquiry_limit(),
        "file_form": forms.FileForm(initial={"applied_on": timezone.localdate(), **version}),
        "interim_form": forms.InterimForm(instance=claim),
        "account_form": forms.AccountForm(instance=claim),
        "award_form": forms.AwardForm(initial={"award_amount": low, **version}),
        "payment_form": forms.PaymentForm(initial={"paid_on": timezone.localdate(), **version}),
        "handover_form": forms.HandoverForm(initial=version),
        "intake_shared": Intake.objects.restrict(user, "view")
        .filter(survivor=claim.survivor_id)
        .exists(),
    }


@login_required
def claim_detail(request, pk):
    claim = queries.get_claim_for_user(request.user, pk, "view")
    log.record_view(claim)
    return render(request, "compensation/detail.html", _claim_context(request, claim))


def _rerender(request, claim, name, form):
    context = _claim_context(request, claim)
    context[name] = form
    context["open_section"] = name
    return render(request, "compensation/detail.html", context, status=422)


def _done(request, claim, message):
    messages.success(request, message)
    return redirect(claim)


@login_required
def claim_edit(request, pk):
    claim = queries.get_claim_for_user(request.user, pk, "change")
    log.record_view(claim)
    form = forms.ClaimForm(request.POST or None, instance=claim, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            workflow.save_particulars(
                request.user,
                form.instance,
                form.cleaned_data["harms"],
                form.cleaned_data.get("version") or 0,
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        except EditConflict:
            form.add_error(None, EDIT_CONFLICT)
        except Refused as exc:
            form.add_error(None, str(exc))
        else:
            return _done(request, claim, _("Claim saved."))
    return render(request, "compensation/form.html", {"form": form, "claim": claim})


def _step(request, pk, form_class, name, run, message, form_kwargs=None):
    """One step's form posted from the claim page: run it or show the errors there."""
    claim = queries.get_claim_for_user(request.user, pk, "change")
    form = form_class(request.POST, **(form_kwargs(claim) if form_kwargs else {}))
    if form.is_valid():
        try:
            run(claim, form)
        except ValidationError as exc:
            _add_errors(form, exc)
        except EditConflict:
            form.add_error(None, EDIT_CONFLICT)
        except Refused as exc:
            form.add_error(None, str(exc))
        else:
            return _done(request, claim, message)
    claim.refresh_from_db()
    return _rerender(request, claim, name, form)


@login_required
@require_POST
def claim_transition(request, pk):
    claim = queries.get_claim_for_user(request.user, pk, "change")
    return steps.transition(
        request,
        claim,
        partial(workflow.transition, request.user, claim),
        done=lambda c: _("The claim is now %(s)s.") % {"s": c.get_status_display().lower()},
    )


@login_required
@require_POST
def claim_file(request, pk):
    def run(claim, form):
        workflow.file(
            request.user,
            claim,
            form.cleaned_data["applied_on"],
            expected_version=form.cleaned_data["version"],
        )

    return _step(request, pk, forms.FileForm, "file_form", run, _("The claim is filed."))


@login_required
@require_POST
def claim_interim(request, pk):
    def run(claim, form):
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        workflow.record_interim(
            request.user, claim, data, expected_version=form.cleaned_data["version"] or 0
        )

    return _step(
        request,
        pk,
        forms.InterimForm,
        "interim_form",
        run,
        _("Interim relief recorded."),
        form_kwargs=lambda claim: {"instance": copy(claim)},
    )


@login_required
@require_POST
def claim_account(request, pk):
    def run(claim, form):
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        workflow.record_account(
            request.user, claim, data, expected_version=form.cleaned_data["version"] or 0
        )

    return _step(
        request,
        pk,
        forms.AccountForm,
        "account_form",
        run,
        _("Bank account recorded."),
        form_kwargs=lambda claim: {"instance": copy(claim)},
    )


@login_required
@require_POST
def claim_award(request, pk):
    def run(claim, form):
        data = form.cleaned_data
        workflow.award(
            request.user,
            claim,
            amount=data["award_amount"],
            order_number=data["award_order_number"],
            order_date=data["award_order_date"],
            reason=data["award_reason"],
            expected_version=data["version"],
        )

    return _step(request, pk, forms.AwardForm, "award_form", run, _("Award recorded."))


@login_required
@require_POST
def claim_payment(request, pk):
    def run(claim, form):
        workflow.record_payment(
            request.user, claim, form.instance, expected_version=form.cleaned_data["version"]
        )

    return _step(request, pk, forms.PaymentForm, "payment_form", run, _("Payment recorded."))


@login_required
@require_POST
def claim_handover(request, pk):
    def run(claim, form):
        data = form.cleaned_data
        workflow.hand_over(
            request.user,
            claim,
            data["to_authority"],
            data["reason"],
            expected_version=data["version"],
        )

    claim = queries.get_claim_for_user(request.user, pk, "change")
    form = forms.HandoverForm(request.POST)
    if form.is_valid():
        try:
            run(claim, form)
        except ValidationError as exc:
            _add_errors(form, exc)
        except (EditConflict, Refused) as exc:
            form.add_error(None, EDIT_CONFLICT if isinstance(exc, EditConflict) else str(exc))
        else:
            messages.success(request, _("The claim is handed over."))
            # It is no longer this authority's: its page may now be a 404.
            if Claim.objects.restrict(request.user, "view").filter(pk=pk).exists():
                return redirect(claim)
            return redirect("compensation:list")
    return _rerender(request, claim, "handover_form", form)


@login_required
@require_POST
def claim_document(request, pk, doc_pk):
    claim = queries.get_claim_for_user(request.user, pk, "change")
    document = get_object_or_404(
        ClaimDocument.objects.restrict(request.user, "change"), pk=doc_pk, claim=claim
    )
    form = forms.DocumentForm(request.POST, instance=document, prefix=f"d{doc_pk}")
    if form.is_valid():
        try:
            workflow.update_document(
                request.user,
                claim,
                form.instance,
                expected_version=form.cleaned_data["claim_version"],
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        except EditConflict:
            form.add_error(None, EDIT_CONFLICT)
        else:
            return _done(request, claim, _("Checklist updated."))
    claim.refresh_from_db()
    context = _claim_context(request, claim)
    context["documents"] = [(d, form if d.pk == doc_pk else f) for d, f in context["documents"]]
    return render(request, "compensation/detail.html", context, status=422)


@login_required
def claim_pdf(request, pk):
    """The application, filled from the claim, in her language, ready to sign
    or thumb-print; printing it is audited."""
    from sangam.compensation.pdf import LANGUAGES, render_application

    claim = queries.get_claim_for_user(request.user, pk, "view")
    language = request.GET.get("lang", "en")
    if language not in LANGUAGES:
        raise Http404
    log.record_list(Claim, [claim.pk], action="export", purpose="compensation application")
    survivor = queries.the_survivor(request.user, claim)
    with translation.override(language):
        pdf = render_application(
            claim,
            survivor,
            language,
            agencies=queries.agencies_involved(request.user, claim),
            fir_number=queries.fir_number_of(request.user, claim),
        )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="claim-{claim.pk}-{language}.pdf"'
    return response


@login_required
def area_figures(request):
    """The district or state table of an oversight role: figures, never names."""
    agency = figures._official_area(request.user)
    if agency is None:
        raise PermissionDenied
    column = "state_id" if agency.jurisdiction_level in ("state", "national") else "district_id"
    rows = figures.table(queries.in_district_or_state(agency), column)
    from sangam.geography.models import District, State

    places = (State if column == "state_id" else District).objects.in_bulk(list(rows))
    table = sorted(((places.get(k), row) for k, row in rows.items()), key=lambda r: str(r[0] or ""))
    return render(request, "compensation/figures.html", {"table": table, "agency": agency})
