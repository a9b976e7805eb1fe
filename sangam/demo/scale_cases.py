"""`sangam seed --scale N`: N synthetic survivors, each with a case at an
agency that serves survivors, names encrypted and indexed like real ones."""

from sangam.agencies.models import Agency, AgencyType, Membership
from sangam.cases.models import Case, Survivor, SurvivorNameToken
from sangam.core.access import SYSTEM
from sangam.core.crypto import name_tokens, token_digest

BATCH = 5000
SERVING = [
    AgencyType.NGO,
    AgencyType.SHELTER_CCI,
    AgencyType.SHELTER_SHAKTI_SADAN,
    AgencyType.SHELTER_OTHER,
    AgencyType.ONE_STOP_CENTRE,
]


def fill(generator, n, progress, agencies=None):
    agencies = agencies or list(Agency.objects.filter(type__in=SERVING).order_by("pk"))
    members = Membership.objects.restrict(SYSTEM).filter(agency__in=agencies, is_active=True)
    owner_by_agency = dict(members.values_list("agency_id", "user_id"))
    fallback = next(iter(owner_by_agency.values()), None)
    if not agencies or fallback is None:
        return 0
    made = 0
    while made < n:
        batch = []
        for _ in range(min(BATCH, n - made)):
            p = generator.person()
            batch.append(
                Survivor(
                    name=p.native_name or p.name,
                    aliases=[p.name, *p.variants[:2]],
                    sex=p.sex,
                    estimated_age=p.age,
                    created_by_id=fallback,
                )
            )
        survivors = Survivor.objects.bulk_create(batch)
        cases = []
        for i, survivor in enumerate(survivors):
            agency = agencies[(made + i) % len(agencies)]
            owner = owner_by_agency.get(agency.pk, fallback)
            cases.append(Case(survivor=survivor, agency=agency, owner_id=owner))
        Case.objects.bulk_create(cases)
        SurvivorNameToken.objects.bulk_create(
            SurvivorNameToken(survivor=s, digest=token_digest(t))
            for s in survivors
            for t in {t for name in [s.name, *s.aliases] for t in name_tokens(name)}
        )
        made += len(survivors)
        progress(made)
    return made
