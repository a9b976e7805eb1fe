"""Agency pages: the list and an agency's profile, adding and editing agencies,
their contact persons and the contacts export."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sangam.agencies.forms import AgencyContactForm, AgencyForm
from sangam.agencies.models import Agency, AgencyContact, AgencyType, by_name
from sangam.audit import log
from sangam.core.access import allowed_to_create, can
from sangam.core.editing import save_versioned
from sangam.core.exports import safe_row
from sangam.geography.models import State


@login_required
def agency_list(request):
    agencies = Agency.objects.restrict(request.user, "view").select_related("state", "district")
    q = request.GET.get("q", "").strip()[:100]
    state = request.GET.get("state", "")
    kind = request.GET.get("type", "")
    if q:
        agencies = agencies.filter(Q(name__icontains=q) | Q(district__name__icontains=q))
    if state:
        agencies = agencies.filter(state__code=state)
    if kind:
        agencies = agencies.filter(type=kind)
    page = Paginator(agencies, 25).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "q": q,
        "state": state,
        "type": kind,
        "states": State.objects.all(),
        "types": AgencyType.choices,
        "can_add": can(request.user, Agency, "add"),
    }
    template = "agencies/_rows.html" if request.htmx else "agencies/list.html"
    return render(request, template, context)


@login_required
def agency_detail(request, pk):
    agency = get_object_or_404(
        Agency.objects.restrict(request.user, "view").select_related("state", "district", "block"),
        pk=pk,
    )
    contacts = by_name(AgencyContact.objects.restrict(request.user, "view").filter(agency=agency))
    if contacts:
        log.record_list(AgencyContact, [c.pk for c in contacts])
    context = {
        "agency": agency,
        "contacts": contacts,
        "can_change": Agency.objects.restrict(request.user, "change").filter(pk=pk).exists(),
        "can_add_contact": allowed_to_create(request.user, AgencyContact, agency=agency),
        "can_export": bool(contacts)
        and AgencyContact.objects.restrict(request.user, "export").filter(agency=agency).exists(),
    }
    return render(request, "agencies/detail.html", context)


@login_required
def agency_create(request):
    form = AgencyForm(request.POST or None)
    if not can(request.user, Agency, "add"):
        raise PermissionDenied
    if request.method == "POST" and form.is_valid():
        draft = form.instance
        if not allowed_to_create(request.user, Agency, district=draft.district, agency=draft):
            form.add_error(None, _("You may only add agencies within your jurisdiction."))
        else:
            agency = save_versioned(form, request.user)
            messages.success(request, _("Agency added."))
            return redirect("agencies:detail", pk=agency.pk)
    return render(request, "agencies/form.html", {"form": form, "title": _("New agency")})


@login_required
def agency_edit(request, pk):
    agency = get_object_or_404(Agency.objects.restrict(request.user, "change"), pk=pk)
    form = AgencyForm(request.POST or None, instance=agency)
    if request.method == "POST" and form.is_valid():
        if save_versioned(form, request.user):
            messages.success(request, _("Agency saved."))
            return redirect("agencies:detail", pk=agency.pk)
    return render(request, "agencies/form.html", {"form": form, "title": agency.name})


@login_required
def contact_create(request, pk):
    agency = get_object_or_404(Agency.objects.restrict(request.user, "view"), pk=pk)
    if not allowed_to_create(request.user, AgencyContact, agency=agency):
        raise PermissionDenied
    form = AgencyContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.agency = agency
        form.instance.created_by = request.user
        save_versioned(form, request.user)
        messages.success(request, _("Contact added."))
        return redirect("agencies:detail", pk=agency.pk)
    return render(request, "agencies/form.html", {"form": form, "title": agency.name})


@login_required
def contact_edit(request, pk):
    contact = get_object_or_404(
        AgencyContact.objects.restrict(request.user, "change").select_related("agency"), pk=pk
    )
    log.record_view(contact)
    form = AgencyContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        if save_versioned(form, request.user):
            messages.success(request, _("Contact saved."))
            return redirect("agencies:detail", pk=contact.agency_id)
    return render(request, "agencies/form.html", {"form": form, "title": contact.agency.name})


@login_required
@require_POST
def contact_delete(request, pk):
    contact = get_object_or_404(AgencyContact.objects.restrict(request.user, "delete"), pk=pk)
    agency_id = contact.agency_id
    contact.delete()
    messages.success(request, _("Contact removed."))
    return redirect("agencies:detail", pk=agency_id)


@login_required
def contacts_export(request, pk):
    agency = get_object_or_404(Agency.objects.restrict(request.user, "view"), pk=pk)
    contacts = AgencyContact.objects.restrict(request.user, "export").filter(agency=agency)
    rows = sorted(
        contacts.values_list("pk", "name", "designation", "phone", "email"),
        key=lambda row: row[1].casefold(),
    )
    if not rows:
        raise PermissionDenied
    log.record_list(AgencyContact, [r[0] for r in rows], action="export")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    # The file name carries the agency id only, never a person's name.
    response["Content-Disposition"] = f'attachment; filename="agency-{agency.pk}-contacts.csv"'
    writer = csv.writer(response)
    writer.writerow(["name", "designation", "phone", "email"])
    for row in rows:
        writer.writerow(safe_row(row[1:]))
    return response
