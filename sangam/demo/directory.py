"""A synthetic directory for Delhi, Haryana, Uttar Pradesh and West Bengal,
plus the real national helplines. Idempotent (ids derive from names).

Every district gets a CWC, an AHTU, a DLSA and a One Stop Centre; shelters
and NGOs are spread among them. Names end in "(demo)", phone numbers use
the unassigned +91 99999 range, addresses are "Demo address" and postal
codes 000000, coordinates are the district's centre moved by up to ~5 km.
The helplines are real public numbers and are marked as such.
"""

import random
import uuid
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from sangam.agencies.models import Agency, AgencyType
from sangam.core.vocabulary import Takes
from sangam.directory import models as m
from sangam.directory.indexing import rebuild_search_text
from sangam.directory.taxonomy import NAMESPACE, load_taxonomy, term_id
from sangam.geography.models import District

DEMO_STATES = ["IN-DL", "IN-HR", "IN-UP", "IN-WB"]
STATE_LANGUAGES = {"IN-WB": ["ben", "hin"], "IN-UP": ["hin", "urd"], "IN-HR": ["hin"]}


@dataclass
class Kind:
    key: str
    name: str
    terms: list
    agency_type: str | None = None
    sex: str = Takes.ANY
    ages: tuple = (None, None)
    beds: int | None = None
    description: str = ""


EVERY_DISTRICT = [
    Kind(
        "cwc",
        "Child Welfare Committee",
        ["child-protection-cwc"],
        AgencyType.CWC,
        ages=(0, 18),
        description="Care and protection of children in need under the JJ Act.",
    ),
    Kind(
        "ahtu",
        "Anti Human Trafficking Unit",
        ["police-ahtu"],
        AgencyType.AHTU,
        description="Police unit for rescue, investigation and prosecution of trafficking.",
    ),
    Kind(
        "dlsa",
        "District Legal Services Authority",
        ["legal-aid", "victim-compensation"],
        AgencyType.DLSA,
        description="Free legal aid and victim compensation applications.",
    ),
    Kind(
        "osc",
        "One Stop Centre",
        ["one-stop-centre", "shelter-short-stay", "medical", "mental-health"],
        AgencyType.ONE_STOP_CENTRE,
        sex=Takes.FEMALE,
        beds=5,
        description="Emergency shelter up to 5 days, medical, police and legal help for women.",
    ),
]
SOME_DISTRICTS = [
    Kind(
        "cci",
        "Balika Griha (girls' home)",
        ["shelter-children", "shelter-long-stay", "education"],
        AgencyType.SHELTER_CCI,
        sex=Takes.FEMALE,
        ages=(6, 18),
        beds=12,
        description="Child care institution for girls in need of care and protection.",
    ),
    Kind(
        "shakti",
        "Shakti Sadan",
        ["shelter-women", "shelter-long-stay", "livelihood", "mental-health"],
        AgencyType.SHELTER_SHAKTI_SADAN,
        sex=Takes.FEMALE,
        ages=(18, None),
        beds=20,
        description="Shelter and rehabilitation home for women in difficult circumstances.",
    ),
    Kind(
        "ngo",
        "Mahila Suraksha Sangathan",
        ["mental-health", "livelihood", "survivor-collective", "safe-migration"],
        AgencyType.NGO,
        description="Counselling, skill training and survivor collectives.",
    ),
    Kind(
        "boys",
        "Bal Ashray (boys' home)",
        ["shelter-children", "shelter-short-stay"],
        AgencyType.SHELTER_CCI,
        sex=Takes.MALE,
        ages=(6, 18),
        beds=10,
        description="Short-stay home for boys rescued from labour and trafficking.",
    ),
]
HELPLINES = [
    ("Childline", "1098", "child-protection-childline", "24-hour emergency helpline for children."),
    ("Women Helpline", "181", "helpline", "24-hour helpline for women affected by violence."),
    ("Tele-MANAS", "14416", "mental-health", "National tele mental health programme."),
    ("Emergency Response Support System", "112", "police", "Police, fire and ambulance."),
]


def _uid(*parts):
    return uuid.uuid5(NAMESPACE, "demo:" + ":".join(str(p) for p in parts))


class Builder:
    """Collects directory rows for one bulk insert."""

    def __init__(self, rng):
        self.rng = rng
        self.rows = {k: [] for k in ("org", "loc", "addr", "svc", "sal", "phone", "lang", "attr")}
        self.capacities = []
        self.schedules = []

    def phone(self):
        return "+91 99999 " + "".join(str(self.rng.randint(0, 9)) for _ in range(5))

    def add(self, kind, district, state, *, agency=None, langs=("hin",), suffix=""):
        rng = self.rng
        name = f"{kind.name}, {district.name}{suffix} (demo)"
        org_id = _uid("org", district.code, kind.key, suffix)
        self.rows["org"].append(
            m.Organization(
                id=org_id,
                name=name,
                description=kind.description,
                agency=agency,
                email=f"{kind.key}.{district.pk}@demo.sangam.invalid",
            )
        )
        lat = district.latitude + rng.uniform(-0.045, 0.045)
        lon = district.longitude + rng.uniform(-0.045, 0.045)
        loc_id = _uid("loc", org_id)
        self.rows["loc"].append(
            m.Location(
                id=loc_id,
                organization_id=org_id,
                name=name,
                latitude=round(lat, 5),
                longitude=round(lon, 5),
                state=state,
                district=district,
            )
        )
        self.rows["addr"].append(
            m.Address(
                id=_uid("addr", org_id),
                location_id=loc_id,
                address_1=f"Demo address {rng.randint(1, 99)}",
                city=district.name,
                region=district.name,
                state_province=state.name,
                postal_code="000000",
                country="IN",
                address_type="physical",
            )
        )
        svc_id = _uid("svc", org_id)
        # Most entries were verified recently; some are long overdue (stale).
        age_days = rng.choice([3, 20, 45, 90, 120, 400])
        lo, hi = kind.ages
        self.rows["svc"].append(
            m.Service(
                id=svc_id,
                organization_id=org_id,
                name=name,
                description=kind.description,
                status=m.Service.Status.ACTIVE,
                sex=kind.sex,
                minimum_age=lo,
                maximum_age=hi,
                assured_date=timezone.localdate() - timezone.timedelta(days=age_days),
                assurer_email="verifier@demo.sangam.invalid",
                state=state,
                district=district,
            )
        )
        self.rows["sal"].append(
            m.ServiceAtLocation(id=_uid("sal", org_id), service_id=svc_id, location_id=loc_id)
        )
        self.rows["phone"].append(
            m.Phone(id=_uid("phone", org_id), service_id=svc_id, number=self.phone(), type="voice")
        )
        for code in langs:
            self.rows["lang"].append(
                m.Language(id=_uid("lang", org_id, code), service_id=svc_id, code=code)
            )
        for code in kind.terms:
            self.rows["attr"].append(
                m.Attribute(
                    id=_uid("attr", org_id, code), service_id=svc_id, taxonomy_term_id=term_id(code)
                )
            )
        if kind.beds:
            self.capacities.append(
                m.ServiceCapacity(
                    id=_uid("cap", org_id),
                    service_id=svc_id,
                    unit="bed",
                    available=rng.randint(0, kind.beds // 2),
                    maximum=kind.beds,
                )
            )
        return svc_id

    def save(self):
        order = [
            (m.Organization, "org"),
            (m.Location, "loc"),
            (m.Address, "addr"),
            (m.Service, "svc"),
            (m.ServiceAtLocation, "sal"),
            (m.Phone, "phone"),
            (m.Language, "lang"),
            (m.Attribute, "attr"),
        ]
        for model, key in order:
            model.objects.bulk_create(self.rows[key], ignore_conflicts=True, batch_size=2000)
        # Today's capacity is refreshed on every demo seed.
        m.ServiceCapacity.objects.bulk_create(
            self.capacities,
            update_conflicts=True,
            unique_fields=["id"],
            update_fields=["available", "updated"],
            batch_size=2000,
        )
        return [s.id for s in self.rows["svc"]]


@transaction.atomic
def seed_directory(states=DEMO_STATES, seed=11):
    load_taxonomy()
    rng = random.Random(seed)
    builder = Builder(rng)
    agencies = {(a.district_id, a.type): a for a in Agency.objects.filter(district__isnull=False)}
    demo_districts = {d for d, _ in agencies}
    linked = set(
        m.Organization.objects.filter(agency__isnull=False).values_list("agency_id", flat=True)
    )
    districts = (
        District.objects.filter(state__code__in=states, latitude__isnull=False)
        .select_related("state")
        .order_by("state__code", "name")
    )
    for i, district in enumerate(districts):
        langs = STATE_LANGUAGES.get(district.state.code, ["hin"]) + (["eng"] if i % 3 == 0 else [])
        kinds = EVERY_DISTRICT + [SOME_DISTRICTS[i % 4], SOME_DISTRICTS[(i + 1) % 4]]
        if district.pk in demo_districts:
            kinds = EVERY_DISTRICT + SOME_DISTRICTS
        for kind in kinds:
            agency = agencies.get((district.pk, kind.agency_type))
            if agency is not None and agency.pk in linked:
                agency = None
            if agency is not None:
                linked.add(agency.pk)
            builder.add(kind, district, district.state, agency=agency, langs=langs)
    for name, number, term, description in HELPLINES:
        org_id = _uid("helpline", number)
        svc_id = _uid("helpline-svc", number)
        builder.rows["org"].append(
            m.Organization(
                id=org_id, name=name, description=f"{description} (real public helpline)"
            )
        )
        builder.rows["svc"].append(
            m.Service(
                id=svc_id,
                organization_id=org_id,
                name=f"{name} {number}",
                description=f"{description} Free, national, (real public helpline).",
                status=m.Service.Status.ACTIVE,
                assured_date=timezone.localdate(),
            )
        )
        builder.rows["phone"].append(
            m.Phone(id=_uid("phone", org_id), service_id=svc_id, number=number, type="hotline")
        )
        builder.rows["lang"].append(
            m.Language(id=_uid("lang", org_id), service_id=svc_id, code="hin")
        )
        builder.rows["attr"].append(
            m.Attribute(id=_uid("attr", org_id), service_id=svc_id, taxonomy_term_id=term_id(term))
        )
    service_ids = builder.save()
    rebuild_search_text(service_ids)
    return len(service_ids)
