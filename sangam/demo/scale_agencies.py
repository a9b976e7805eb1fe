"""`sangam seed --scale N`: N synthetic contact persons across agencies."""

from sangam.agencies.models import Agency, AgencyContact
from sangam.demo.people import SURNAMES

BATCH = 2000


def fill(generator, n, progress):
    agencies = list(Agency.objects.values_list("pk", "state__code"))
    if not agencies:
        return 0
    batch, made = [], 0
    for i in range(n):
        agency_id, state_code = agencies[i % len(agencies)]
        # Names from the agency's state where the generator knows its names.
        p = generator.person(state_code if state_code in SURNAMES else None)
        batch.append(
            AgencyContact(
                agency_id=agency_id, name=f"{p.name} (synthetic)", designation="Synthetic staff"
            )
        )
        if len(batch) == BATCH:
            made += len(AgencyContact.objects.bulk_create(batch))
            batch = []
            progress(made)
    if batch:
        made += len(AgencyContact.objects.bulk_create(batch))
        progress(made)
    return made
