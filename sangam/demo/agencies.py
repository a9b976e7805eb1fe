"""Demo agencies and one demo user per role, in eight states. Idempotent.

Everything here is synthetic: agency names end in "(demo)", people's names
come from sangam.demo.people, phone numbers use the 99999 prefix that
no Indian operator assigns in that form, e-mail goes to the reserved .invalid
domain.
"""

from django.db import transaction

from sangam.accounts.models import TOTPDevice, User
from sangam.agencies.models import Agency, AgencyContact, AgencyType, JurisdictionLevel, Membership
from sangam.core.access import SYSTEM
from sangam.core.roles import Role
from sangam.demo.people import PeopleGenerator
from sangam.geography.models import District, State

DEMO_PASSWORD = "sangam-demo-2026"
# Shared by every demo user so that one authenticator entry works for all.
DEMO_TOTP_SECRET = "SANGAMDEMOTOTPKEYFORDEMOSONLY234"

# state ISO code -> preferred demo district
STATES = {
    "IN-DL": "South",
    "IN-HR": "Gurugram",
    "IN-UP": "Lucknow",
    "IN-WB": "Malda",
    "IN-JH": "Ranchi",
    "IN-OD": "Ganjam",
    "IN-AS": "Nagaon",
    "IN-MH": "Mumbai",
}

DISTRICT_AGENCIES = [
    (AgencyType.AHTU, "Anti Human Trafficking Unit"),
    (AgencyType.CWC, "Child Welfare Committee"),
    (AgencyType.DCPU, "District Child Protection Unit"),
    (AgencyType.DLSA, "District Legal Services Authority"),
    (AgencyType.ONE_STOP_CENTRE, "One Stop Centre"),
    (AgencyType.SHELTER_SHAKTI_SADAN, "Shakti Sadan"),
    (AgencyType.SHELTER_CCI, "Balika Griha (girls' home)"),
    (AgencyType.NGO, "Mahila Suraksha Sangathan"),
    (AgencyType.POLICE_STATION, "Sadar Police Station"),
    (AgencyType.PROSECUTION, "Public Prosecutor's Office"),
    (AgencyType.PROTECTION_COMMITTEE, "Witness Protection Committee"),
    (AgencyType.DISTRICT_ADMINISTRATION, "District Magistrate's Office"),
    (AgencyType.SRLM_UNIT, "SRLM District Mission Management Unit"),
    (AgencyType.VO, "Ujjwala Village Organisation"),
]
STATE_AGENCIES = [
    (AgencyType.STATE_AHT_BUREAU, "State Anti Human Trafficking Bureau"),
    (AgencyType.SLSA, "State Legal Services Authority"),
    (AgencyType.SRLM_UNIT, "State Rural Livelihoods Mission"),
]

# username, role, state, agency type (one demo user per role)
USERS = [
    ("demo.crp", Role.CRP, "IN-WB", AgencyType.VO),
    ("demo.caseworker", Role.CASEWORKER, "IN-WB", AgencyType.NGO),
    ("demo.counsellor", Role.COUNSELLOR, "IN-WB", AgencyType.SHELTER_SHAKTI_SADAN),
    ("demo.supervisor", Role.SUPERVISOR, "IN-WB", AgencyType.NGO),
    ("demo.agencyadmin", Role.AGENCY_ADMINISTRATOR, "IN-WB", AgencyType.NGO),
    ("demo.police", Role.POLICE_OFFICER, "IN-WB", AgencyType.AHTU),
    ("demo.prosecutor", Role.PUBLIC_PROSECUTOR, "IN-WB", AgencyType.PROSECUTION),
    ("demo.committee", Role.PROTECTION_COMMITTEE, "IN-WB", AgencyType.PROTECTION_COMMITTEE),
    ("demo.cwc", Role.CWC_MEMBER, "IN-WB", AgencyType.CWC),
    ("demo.dcpu", Role.DCPU_OFFICER, "IN-WB", AgencyType.DCPU),
    ("demo.legal", Role.LEGAL_SERVICES_OFFICER, "IN-WB", AgencyType.DLSA),
    ("demo.district", Role.DISTRICT_OFFICIAL, "IN-WB", AgencyType.DISTRICT_ADMINISTRATION),
    ("demo.dm", Role.DISTRICT_MAGISTRATE, "IN-WB", AgencyType.DISTRICT_ADMINISTRATION),
    ("demo.state", Role.STATE_ADMINISTRATOR, "IN-WB", AgencyType.STATE_AHT_BUREAU),
    ("demo.admin", Role.SYSTEM_ADMINISTRATOR, "IN-DL", AgencyType.STATE_AHT_BUREAU),
    ("demo.shelter", Role.CASEWORKER, "IN-WB", AgencyType.SHELTER_CCI),
    # A caseworker elsewhere, to see that agencies do not see each other's data.
    ("demo.caseworker.dl", Role.CASEWORKER, "IN-DL", AgencyType.NGO),
]


def _district(state, preferred):
    return (
        District.objects.filter(state=state, name__iexact=preferred).first()
        or District.objects.filter(state=state).order_by("name").first()
    )


def _phone(rng):
    return "+91 99999 " + "".join(str(rng.randint(0, 9)) for _ in range(5))


@transaction.atomic
def seed_demo():
    people = PeopleGenerator(seed=7)
    by_state_type = {}
    for iso, preferred in STATES.items():
        state = State.objects.get(code=iso)
        district = _district(state, preferred)
        specs = [
            (t, f"{n}, {district.name} (demo)", JurisdictionLevel.DISTRICT, district)
            for t, n in DISTRICT_AGENCIES
        ]
        specs += [
            (t, f"{n}, {state.name} (demo)", JurisdictionLevel.STATE, None)
            for t, n in STATE_AGENCIES
        ]
        for kind, name, level, dist in specs:
            agency = Agency.objects.filter(name=name).first()
            if agency is None:
                agency = Agency.objects.create(
                    name=name,
                    type=kind,
                    jurisdiction_level=level,
                    state=state,
                    district=dist,
                    address=f"Demo address, {(dist or state).name}",
                    phone=_phone(people.rng),
                )
                for _ in range(2):
                    p = people.person(iso)
                    AgencyContact.objects.create(
                        agency=agency,
                        name=f"{p.name} (synthetic)",
                        designation="Demo staff",
                        phone=_phone(people.rng),
                        email=f"{p.given_name.lower().replace(' ', '.')}@demo.sangam.invalid",
                    )
            by_state_type.setdefault((iso, kind), agency)

    for username, role, iso, kind in USERS:
        user = User.objects.restrict(SYSTEM).filter(username=username).first()
        if user is None:
            p = people.person(iso)
            user = User.objects.create_user(
                username=username,
                password=DEMO_PASSWORD,
                first_name=p.given_name,
                last_name=f"{p.surname} (demo)".strip(),
                email=f"{username}@demo.sangam.invalid",
            )
        TOTPDevice.objects.update_or_create(
            user=user, defaults={"secret": DEMO_TOTP_SECRET, "confirmed": True}
        )
        agency = by_state_type[(iso, kind)]
        if not Membership.objects.restrict(SYSTEM).filter(user=user, agency=agency).exists():
            Membership.objects.create(user=user, agency=agency, role=role)
    return [u[0] for u in USERS]
