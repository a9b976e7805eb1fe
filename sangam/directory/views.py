"""Public directory pages (no login) and the pages agencies use to keep
their entries and today's capacity true."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sangam.agencies.models import Agency
from sangam.core.access import allowed_to_create, can
from sangam.core.editing import save_versioned
from sangam.core.redirects import safe_next
from sangam.directory import search
from sangam.directory.forms import CapacityForm, NewServiceForm, SearchForm, ServiceForm
from sangam.directory.indexing import rebuild_search_text
from sangam.directory.models import (
    Language,
    Service,
    ServiceCapacity,
)
from sangam.directory.pdf import render_pdf
from sangam.directory.queries import stale_services
from sangam.directory.workflow import create_service
from sangam.geography.models import District, State, Village

PAGE_SIZE = 20
MAP_LIMIT = 500


def _results(form):
    rows = search.search(form.query()).prefetch_related(
        Prefetch("service__languages", queryset=Language.objects.order_by("code")),
        Prefetch(
            "service__capacities",
            queryset=ServiceCapacity.objects.filter(unit=ServiceCapacity.Unit.BED),
        ),
        "service__phones",
    )
    return rows


def directory_search(request):
    form = SearchForm(request.GET or None)
    page = None
    if form.is_bound and form.is_valid():
        page = Paginator(_results(form), PAGE_SIZE).get_page(request.GET.get("page"))
        for row in page:
            row.distance_km = search.distance_km(row)
    query = request.GET.copy()
    query.pop("page", None)
    print_url = None
    if page is not None and form.cleaned_data.get("state"):
        state = form.cleaned_data["state"]
        district = District.objects.filter(pk=form.cleaned_data.get("district") or None).first()
        print_url = (
            reverse("directory:print_district", args=[state, district.code])
            if district
            else reverse("directory:print_state", args=[state])
        )
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "print_url": print_url,
        "can_add": request.user.is_authenticated and can(request.user, Service, "add"),
    }
    template = "directory/_results.html" if request.htmx else "directory/search.html"
    return render(request, template, context)


def map_points(request):
    """GeoJSON of the services a search finds (for the Leaflet map)."""
    form = SearchForm(request.GET or None)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors}, status=400)
    features = []
    for row in search.search(form.query()).filter(location__latitude__isnull=False)[:MAP_LIMIT]:
        features.append(
            {
                "type": "Feature",
                "geometry": {
                    "type": "Point",
                    "coordinates": [row.location.longitude, row.location.latitude],
                },
                "properties": {
                    "name": row.service.name,
                    "url": row.service.get_absolute_url(),
                    "bed": row.bed_today,
                },
            }
        )
    return JsonResponse({"type": "FeatureCollection", "features": features})


def places(request):
    """Suggestions for the "near" field: districts and villages by name."""
    text = request.GET.get("near", "").strip()[:60]
    names = []
    if len(text) >= 2:
        names += District.objects.filter(name__istartswith=text).values_list("name", flat=True)[:8]
        names += Village.objects.filter(name__istartswith=text).values_list("name", flat=True)[:8]
    return render(request, "directory/_places.html", {"names": sorted(set(names))})


def _service_qs():
    return Service.objects.select_related(
        "organization", "state", "district", "verified_by"
    ).prefetch_related(
        "phones",
        "languages",
        "schedules",
        "attributes__taxonomy_term",
        "service_at_locations__location__addresses",
        "capacities",
    )


def service_detail(request, pk):
    service = get_object_or_404(_service_qs(), pk=pk)
    user = request.user
    can_change = (
        user.is_authenticated
        and Service.objects.restrict(user, "change").filter(pk=service.pk).exists()
    )
    bed = next((c for c in service.capacities.all() if c.unit == ServiceCapacity.Unit.BED), None)
    verifier = service.verified_by
    # The public sees which agency verified an entry; staff also see who.
    verified_by_agency = None
    if verifier is not None:
        membership = next(iter(verifier.active_memberships()), None)
        verified_by_agency = membership.agency.name if membership else None
    context = {
        "verified_by_agency": verified_by_agency,
        "service": service,
        "bed": bed,
        "can_change": can_change,
        "capacity_form": CapacityForm(
            initial={"available": bed.available if bed else None, "maximum": bed and bed.maximum}
        ),
        "can_refer": user.is_authenticated and service.accepts_referrals,
    }
    return render(request, "directory/detail.html", context)


@login_required
def service_edit(request, pk):
    service = get_object_or_404(Service.objects.restrict(request.user, "change"), pk=pk)
    form = ServiceForm(request.POST or None, instance=service)
    if request.method == "POST" and form.is_valid():
        if save_versioned(form, request.user):
            rebuild_search_text([service.pk])
            messages.success(request, _("Entry saved."))
            return redirect(service)
    return render(request, "directory/form.html", {"form": form, "title": service.name})


@login_required
def service_create(request):
    if not can(request.user, Service, "add"):
        raise PermissionDenied
    agencies = Agency.objects.filter(is_active=True, organization__isnull=True)
    form = NewServiceForm(request.POST or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        if not allowed_to_create(request.user, Service, district=form.cleaned_data["district"]):
            form.add_error("district", _("You may only add services within your area."))
        else:
            service = _create_service(request.user, form.cleaned_data)
            messages.success(request, _("Service added to the directory."))
            return redirect(service)
    return render(request, "directory/form.html", {"form": form, "title": _("Add a service")})


def _create_service(user, data):
    lat, lon = data.get("latitude"), data.get("longitude")
    return create_service(
        organization=data["organization"],
        agency=data["agency"],
        name=data["name"],
        description=data["description"],
        district=data["district"],
        terms=data["terms"],
        sex=data["sex"],
        minimum_age=data["minimum_age"],
        maximum_age=data["maximum_age"],
        languages=data["languages"],
        phone=data["phone"],
        address=data["address"],
        postal_code=data["postal_code"],
        point=(lat, lon) if lat is not None else None,
        beds=data.get("beds"),
        verified_by=user,
    )


@login_required
@require_POST
def capacity_update(request, pk):
    service = get_object_or_404(Service.objects.restrict(request.user, "change"), pk=pk)
    form = CapacityForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(service)
    ServiceCapacity.objects.update_or_create(
        service=service,
        unit=ServiceCapacity.Unit.BED,
        defaults={
            "available": form.cleaned_data["available"],
            "maximum": form.cleaned_data["maximum"],
            "updated": timezone.now(),
            "updated_by": request.user,
        },
    )
    messages.success(request, _("Today's capacity saved."))
    return redirect(service)


@login_required
@require_POST
def verify(request, pk):
    service = get_object_or_404(Service.objects.restrict(request.user, "change"), pk=pk)
    service.assured_date = timezone.localdate()
    service.verified_by = request.user
    service.assurer_email = request.user.email
    service.save(update_fields=["assured_date", "verified_by", "assurer_email", "updated_at"])
    messages.success(request, _("Marked as verified today."))
    return redirect(safe_next(request, request.POST.get("next"), service.get_absolute_url()))


@login_required
def stale(request):
    services = stale_services(request.user).select_related("district", "organization")
    page = Paginator(services.order_by("assured_date", "name"), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "directory/stale.html",
        {"page": page, "days": settings.SANGAM_DIRECTORY_STALE_DAYS},
    )


def printable(request, state, district=None):
    """The directory of a state or district as a PDF in any of Sangam's
    languages (?lang=bn), by default the reader's."""
    state = get_object_or_404(State, code=state)
    district = get_object_or_404(District, code=district, state=state) if district else None
    language = request.GET.get("lang")
    if language not in dict(settings.LANGUAGES):
        language = translation.get_language()
    services = (
        Service.objects.filter(state=state, status=Service.Status.ACTIVE)
        .select_related("organization", "district")
        .prefetch_related("phones", "languages", "attributes__taxonomy_term", "capacities")
        .order_by("district__name", "name")
    )
    national = Service.objects.filter(state__isnull=True, status=Service.Status.ACTIVE)
    if district:
        services = services.filter(district=district)
    with translation.override(language):
        pdf = render_pdf(
            "directory/print.html",
            {
                "state": state,
                "district": district,
                "services": services,
                "national": national.prefetch_related("phones"),
                "generated": timezone.localdate(),
            },
        )
    name = (district or state).code.lower()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="sangam-directory-{name}-{language}.pdf"'
    return response
