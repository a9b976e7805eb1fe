"""Directory search: one set-based query, ranked, paginated by the caller.

Distance uses an equirectangular approximation (no trigonometry in SQL, so
it runs the same on PostgreSQL and SQLite and can use the latitude/longitude
index through a bounding box); at the distances a referral cares about
(< 500 km) it is within 1 % of the great-circle distance.
"""

import math
import re
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import Case, Exists, F, FloatField, IntegerField, OuterRef, Q, Value, When
from django.utils import timezone

from sangam.core.vocabulary import Takes, language_codes
from sangam.directory.models import (
    Language,
    Service,
    ServiceAtLocation,
    ServiceCapacity,
    TaxonomyTerm,
)
from sangam.geography.models import District, Village

KM_PER_DEGREE = 111.195
MAX_TOKENS = 6


@dataclass
class Query:
    text: str = ""
    state: str = ""  # ISO code, e.g. IN-WB
    district: int | None = None
    term: str = ""  # taxonomy term code; includes its narrower terms
    sex: str = ""  # female / male / transgender
    age: int | None = None
    language: str = ""  # a language name or ISO 639 code
    near: tuple[float, float] | None = None
    radius_km: float | None = None
    has_bed: bool = False
    organization: str = ""  # organization id


def resolve_place(text):
    """A point for "lat,lon", a district or a village name: (label, (lat, lon)) or None."""
    text = (text or "").strip()
    m = re.fullmatch(r"(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)", text)
    if m:
        lat, lon = float(m.group(1)), float(m.group(2))
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            return text, (lat, lon)
        return None
    if not text:
        return None
    district = (
        District.objects.filter(name__iexact=text, latitude__isnull=False)
        .select_related("state")
        .first()
    )
    if district:
        return f"{district.name}, {district.state.name}", (district.latitude, district.longitude)
    village = Village.objects.filter(name__iexact=text).select_related("district").first()
    if village and village.point:
        return f"{village.name}, {village.district.name}", village.point
    return None


def term_ids(code):
    return TaxonomyTerm.objects.filter(Q(code=code) | Q(parent__code=code)).values("pk")


def has_bed_today():
    fresh = timezone.now() - timedelta(hours=settings.SANGAM_CAPACITY_FRESH_HOURS)
    return ServiceCapacity.objects.filter(
        service=OuterRef("service_id"), unit="bed", available__gt=0, updated__gte=fresh
    )


def search(query):
    """ServiceAtLocation rows matching ``query``, best first.

    Each row carries ``distance2`` (squared degrees, when searching near a
    point) and ``bed_today`` annotations; ``distance_km(row)`` converts.
    """
    rows = ServiceAtLocation.objects.filter(service__status=Service.Status.ACTIVE)
    if query.state:
        rows = rows.filter(service__state__code=query.state)
    if query.district:
        rows = rows.filter(service__district_id=query.district)
    if query.organization:
        rows = rows.filter(service__organization_id=query.organization)
    if query.term:
        rows = rows.filter(
            Exists(
                Service.terms.through.objects.filter(
                    service=OuterRef("service_id"), taxonomy_term__in=term_ids(query.term)
                )
            )
        )
    if query.sex in (Takes.FEMALE, Takes.MALE, Takes.TRANSGENDER):
        rows = rows.filter(service__sex__in=[Takes.ANY, query.sex])
    if query.age is not None:
        rows = rows.filter(
            Q(service__minimum_age__isnull=True) | Q(service__minimum_age__lte=query.age),
            Q(service__maximum_age__isnull=True) | Q(service__maximum_age__gte=query.age),
        )
    if query.language:
        codes = language_codes(query.language) or {query.language.lower()}
        rows = rows.filter(
            Exists(Language.objects.filter(service=OuterRef("service_id"), code__in=codes))
        )
    tokens = query.text.lower().split()[:MAX_TOKENS]
    for token in tokens:
        rows = rows.filter(service__search_text__contains=token)
    rows = rows.annotate(bed_today=Exists(has_bed_today()))
    if query.has_bed:
        rows = rows.filter(bed_today=True)

    order = []
    if query.near:
        lat0, lon0 = query.near
        kx = math.cos(math.radians(lat0))
        rows = rows.filter(location__latitude__isnull=False, location__longitude__isnull=False)
        if query.radius_km:
            dlat = query.radius_km / KM_PER_DEGREE
            dlon = dlat / max(kx, 0.01)
            rows = rows.filter(
                location__latitude__range=(lat0 - dlat, lat0 + dlat),
                location__longitude__range=(lon0 - dlon, lon0 + dlon),
            )
        dy = F("location__latitude") - Value(lat0)
        dx = (F("location__longitude") - Value(lon0)) * Value(kx)
        rows = rows.annotate(distance2=dx * dx + dy * dy)
        if query.radius_km:
            rows = rows.filter(distance2__lte=(query.radius_km / KM_PER_DEGREE) ** 2)
        order.append("distance2")
    else:
        rows = rows.annotate(distance2=Value(None, output_field=FloatField()))
        if tokens:
            # Services whose own name matches come before description matches.
            rows = rows.annotate(
                name_rank=Case(
                    When(service__name__icontains=tokens[0], then=Value(0)),
                    default=Value(1),
                    output_field=IntegerField(),
                )
            )
            order.append("name_rank")
    order += ["-bed_today", "service__name", "id"]
    return rows.select_related("service", "service__organization", "location").order_by(*order)


def distance_km(row):
    if getattr(row, "distance2", None) is None:
        return None
    return math.sqrt(row.distance2) * KM_PER_DEGREE
