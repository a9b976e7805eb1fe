"""Derived search fields on services: where a service is, and its search text."""

from django.db.models import OuterRef, Subquery

from sangam.directory import models as m

BATCH = 2000


def place_services(service_ids):
    """A service is where its first located service_at_location is (set-based)."""
    first = m.ServiceAtLocation.objects.filter(
        service=OuterRef("pk"), location__state__isnull=False
    ).order_by("id")
    m.Service.objects.filter(pk__in=service_ids).update(
        state_id=Subquery(first.values("location__state_id")[:1]),
        district_id=Subquery(first.values("location__district_id")[:1]),
    )


def search_text(service, terms, places):
    parts = [service.name, service.alternate_name, service.description]
    parts += [service.organization.name, service.organization.alternate_name]
    parts += terms + places
    return " ".join(p for p in parts if p).lower()


def rebuild_search_text(service_ids=None):
    qs = m.Service.objects.select_related("organization", "state", "district").prefetch_related(
        "attributes__taxonomy_term"
    )
    if service_ids is not None:
        qs = qs.filter(pk__in=service_ids)
    batch = []
    for service in qs.iterator(chunk_size=BATCH):
        terms = []
        for attribute in service.attributes.all():
            terms += [attribute.taxonomy_term.name, attribute.taxonomy_term.name_hi]
        places = []
        if service.district_id:
            places.append(service.district.name)
        if service.state_id:
            places += [service.state.name, service.state.name_hi]
        service.search_text = search_text(service, terms, places)
        batch.append(service)
        if len(batch) == BATCH:
            # The search text is derived from the entry (not a change anyone
            # made), so rebuilding it writes no audit entries.
            m.Service._base_manager.bulk_update(batch, ["search_text"])
            batch = []
    if batch:
        m.Service._base_manager.bulk_update(batch, ["search_text"])
