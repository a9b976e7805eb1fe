"""The directory's rules: an entry is created with all its HSDS parts at once."""

from django.db import transaction
from django.utils import timezone

from sangam.core.vocabulary import Takes
from sangam.directory.indexing import rebuild_search_text
from sangam.directory.models import (
    Address,
    Attribute,
    Language,
    Location,
    Organization,
    Phone,
    Service,
    ServiceAtLocation,
    ServiceCapacity,
)
from sangam.directory.taxonomy import term_id


@transaction.atomic
def create_service(
    *,
    organization,
    name,
    district,
    terms,
    languages,
    phone,
    address,
    postal_code,
    agency=None,
    description="",
    sex=Takes.ANY,
    minimum_age=None,
    maximum_age=None,
    point=None,
    beds=None,
    beds_maximum=None,
    status=Service.Status.ACTIVE,
    verified_by=None,
):
    """An organization, its location (``point``, else the district's centre)
    and address, the service there, its phone, languages, taxonomy terms and
    beds; verified today when ``verified_by`` is given."""
    org = Organization.objects.create(name=organization, agency=agency)
    lat, lon = point or (district.latitude, district.longitude)
    location = Location.objects.create(
        organization=org,
        name=name,
        latitude=lat,
        longitude=lon,
        state=district.state,
        district=district,
    )
    Address.objects.create(
        location=location,
        address_1=address,
        city=district.name,
        region=district.name,
        state_province=district.state.name,
        postal_code=postal_code,
    )
    service = Service.objects.create(
        organization=org,
        name=name,
        description=description,
        status=status,
        sex=sex,
        minimum_age=minimum_age,
        maximum_age=maximum_age,
        assured_date=timezone.localdate() if verified_by else None,
        verified_by=verified_by,
        assurer_email=verified_by.email if verified_by else "",
        state=district.state,
        district=district,
    )
    ServiceAtLocation.objects.create(service=service, location=location)
    Phone.objects.create(service=service, number=phone, type="voice")
    Language.objects.bulk_create(Language(service=service, code=c) for c in languages)
    Attribute.objects.bulk_create(
        Attribute(service=service, taxonomy_term_id=term_id(code)) for code in terms
    )
    if beds is not None:
        ServiceCapacity.objects.create(
            service=service,
            available=beds,
            maximum=beds if beds_maximum is None else beds_maximum,
            updated_by=verified_by,
        )
    rebuild_search_text([service.pk])
    return service
