"""Bonded-labour release pages: the District Magistrate's cases, each step
with its form, the release certificate and the letter to the native
district as PDFs (printing audited), and the Vigilance Committee's meetings."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sangam.audit import log
from sangam.cases.models import Survivor
from sangam.compensation import forms, queries, workflow
from sangam.compensation.models import (
    BondedLabourRelease,
    BondedLabourScheme,
    ReleaseStatus,
    VigilanceCommitteeMeeting,
)
from sangam.compensation.views import steps
from sangam.core.access import can
from sangam.core.editing import EDIT_CONFLICT, EditConflict
from sangam.core.workflow import Refused
from sangam.directory.pdf import render_pdf

R = ReleaseStatus

# slug: (form, the status it moves the case to or None, the page's title)
STEPS = {
    "prima-facie": (forms.PrimaFacieForm, R.PRIMA_FACIE, gettext_lazy("Prima facie order")),
    "certificate": (forms.CertificateForm, R.RELEASED, gettext_lazy("Release certificate")),
    "immediate-assistance": (
        forms.ImmediateAssistanceForm,
        None,
        gettext_lazy("Immediate assistance"),
    ),
    "proposal": (forms.ProposalForm, R.PROPOSED, gettext_lazy("Final assistance proposal")),
    "sanction": (forms.SanctionForm, R.SANCTIONED, gettext_lazy("Sanction")),
    "payment": (
        forms.AssistancePaymentForm,
        R.PAID,
        gettext_lazy("Payment of the final assistance"),
    ),
    "native-letter": (
        forms.NativeLetterForm,
        None,
        gettext_lazy("Letter to the native district"),
    ),
}
STEP_OF_STATUS = {target: slug for slug, (_f, target, _t) in STEPS.items() if target}
OPEN = [R.INQUIRY, R.PRIMA_FACIE, R.RELEASED, R.PROPOSED, R.SANCTIONED, R.PAID]


def save_step(user, release, slug, form):
    """Apply a valid step form; the errors go back on the form."""
    _form, target, _title = STEPS[slug]
    version = form.cleaned_data.get("version") or 0
    if target is None:
        return workflow.record_release(user, release, expected_version=version)
    return workflow.step_release(user, release, target, expected_version=version)


def steps_open_to(user, release):
    """The step forms ``user`` may fill in now (slugs, in order)."""
    allowed = workflow.RELEASE.allowed(user, release)
    slugs = [STEP_OF_STATUS[t] for t in allowed if t in STEP_OF_STATUS]
    if workflow.release_parties(user, release) and release.has_certificate:
        if release.status in OPEN:
            slugs.insert(0, "immediate-assistance")
            slugs.append("native-letter")
    return slugs


@login_required
def release_list(request):
    releases = queries.releases_for(request.user)
    status = request.GET.get("status", "")
    if status in R.values:
        releases = releases.filter(status=status)
    page = Paginator(releases, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "compensation/releases.html",
        {
            "page": page,
            "status": status,
            "statuses": R.choices,
            "can_add": can(request.user, BondedLabourRelease, "add")
            and forms.agencies_for(request.user, BondedLabourRelease).exists(),
            "can_meet": can(request.user, VigilanceCommitteeMeeting, "view"),
        },
    )


def _survivor_choices_shown(form):
    """The survivor list of a form shows names: audited as a list."""
    ids = [pk for pk, _label in form.fields["survivor"].choices if pk]
    if ids:
        log.record_list(Survivor, [str(pk) for pk in ids], purpose="choose a survivor")


@login_required
def release_create(request):
    user = request.user
    if not forms.agencies_for(user, BondedLabourRelease).exists():
        raise PermissionDenied
    initial = {"survivor": request.GET.get("survivor"), "identified_on": timezone.localdate()}
    form = forms.ReleaseForm(request.POST or None, user=user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            release = workflow.open_release(user, form.instance)
        except ValidationError as exc:
            _errors_to_form(form, exc)
        else:
            messages.success(request, _("Release case opened: the inquiry is recorded."))
            return redirect(release)
    _survivor_choices_shown(form)
    return render(
        request,
        "compensation/step_form.html",
        {
            "form": form,
            "title": _("New bonded-labour release case"),
            "back": "compensation:releases",
        },
    )


def _errors_to_form(form, exc):
    for field, errors in exc.message_dict.items():
        for error in errors:
            form.add_error(field if field in form.fields else None, error)


@login_required
def release_detail(request, pk):
    user = request.user
    release = queries.get_release_for_user(user, pk, "view")
    log.record_view(release)
    survivor = queries.visible_survivor(user, release.survivor_id)
    if survivor is not None:
        log.record_view(survivor, purpose="bonded labour release")
    allowed = workflow.RELEASE.allowed(user, release)
    context = {
        "release": release,
        "survivor": survivor,
        "events": queries.release_events(user, release),
        "steps": [(slug, STEPS[slug][2]) for slug in steps_open_to(user, release)],
        "reason_steps": [R(t) for t in allowed if t not in STEP_OF_STATUS],
        "works_it": bool(workflow.release_parties(user, release)),
        "police_case": queries.police_case_of(user, release),
    }
    return render(request, "compensation/release.html", context)


@login_required
def release_step(request, pk, step):
    if step not in STEPS:
        raise Http404
    user = request.user
    release = queries.get_release_for_user(user, pk, "change")
    if step not in steps_open_to(user, release):
        messages.error(request, _("That step is not open for this case now."))
        return redirect(release)
    form_class, _target, title = STEPS[step]
    form = form_class(request.POST or None, instance=release, user=user)
    if request.method == "POST" and form.is_valid():
        try:
            save_step(user, release, step, form)
        except Refused as exc:
            form.add_error(None, str(exc))
        except EditConflict:
            form.add_error(None, EDIT_CONFLICT)
        else:
            messages.success(request, _("%(step)s recorded.") % {"step": title})
            return redirect(release)
    log.record_view(release, purpose=str(title))
    return render(
        request, "compensation/step.html", {"form": form, "record": release, "title": title}
    )


@login_required
@require_POST
def release_transition(request, pk):
    release = queries.get_release_for_user(request.user, pk, "change")
    return steps.transition(
        request,
        release,
        partial(workflow.step_release, request.user, release),
        not_here=STEP_OF_STATUS,
        done=lambda r: _("The case is now %(status)s.") % {"status": r.get_status_display()},
    )


def _printable(request, pk, purpose):
    release = queries.get_release_for_user(request.user, pk, "view")
    survivor = queries.visible_survivor(request.user, release.survivor_id)
    if not release.has_certificate or survivor is None:
        raise Http404
    log.record_list(BondedLabourRelease, [release.pk], action="export", purpose=purpose)
    log.record_list(Survivor, [survivor.pk], action="export", purpose=purpose)
    return release, survivor


def _pdf(template, context, name):
    response = HttpResponse(render_pdf(template, context), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
    return response


@login_required
def release_certificate(request, pk):
    """The release certificate, printed to sign and hand to her."""
    release, survivor = _printable(request, pk, "release certificate")
    context = {"release": release, "survivor": survivor, "today": timezone.localdate()}
    return _pdf("compensation/certificate.html", context, f"release-certificate-{release.pk}")


@login_required
def native_letter(request, pk):
    """The letter to her native district's District Magistrate (another state)."""
    release, survivor = _printable(request, pk, "letter to the native district")
    if not release.native_in_other_state:
        raise Http404
    context = {"release": release, "survivor": survivor, "today": timezone.localdate()}
    return _pdf("compensation/native_letter.html", context, f"native-district-{release.pk}")


@login_required
def schemes(request):
    """The scheme's versions, read-only: what each pays and from when."""
    versions = BondedLabourScheme.objects.published().prefetch_related("categories")
    return render(request, "compensation/bonded_schemes.html", {"versions": versions})


@login_required
def meeting_list(request):
    if not can(request.user, VigilanceCommitteeMeeting, "view"):
        raise PermissionDenied
    user = request.user
    form = None
    if forms.agencies_for(user, VigilanceCommitteeMeeting).exists():
        form = forms.MeetingForm(request.POST or None, user=user)
        if request.method == "POST" and form.is_valid():
            meeting = form.save(commit=False)
            meeting.created_by = user
            meeting.save()
            messages.success(request, _("Meeting recorded."))
            return redirect("compensation:meetings")
    meetings = Paginator(queries.meetings_for(user), 25).get_page(request.GET.get("page"))
    return render(request, "compensation/meetings.html", {"page": meetings, "form": form})


@login_required
def meeting_detail(request, pk):
    meeting = queries.get_meeting_for_user(request.user, pk)
    log.record_view(meeting)
    return render(request, "compensation/meeting.html", {"meeting": meeting})
