"""The justice world: Malda (West Bengal) with its Sadar police station,
AHTU, CWC, public prosecutor's office, an NGO and the DLSA, each with one
officer; a survivor of the NGO who consented to legal agencies and NGOs
following her case; and South Delhi with a police station and an NGO, to
see that nothing crosses. Times are fixed: the tests move the clock."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from sangam.agencies.models import AgencyType
from sangam.core.roles import Role
from sangam.justice import workflow
from sangam.justice.models import CriminalCase
from sangam.justice.reference import offences_in_force
from tests.conftest import make_agency, make_consent, make_survivor, make_user

IST = ZoneInfo("Asia/Kolkata")
# The FIR of the world's case: 10:00 on 1 March 2025 (BNS and BNSS in force).
FIR_AT = datetime(2025, 3, 1, 10, 0, tzinfo=IST)


def offences(on, *codes):
    found = {f"{o.act} {o.section}": o for o in offences_in_force(on)}
    return [found[c] for c in codes]


@pytest.fixture
def world(reference):
    station = make_agency(
        "IN-WB", "Malda", type=AgencyType.POLICE_STATION, name="Sadar PS (synthetic)"
    )
    ahtu = make_agency("IN-WB", "Malda", type=AgencyType.AHTU, name="AHTU Malda (synthetic)")
    cwc = make_agency("IN-WB", "Malda", type=AgencyType.CWC, name="CWC Malda (synthetic)")
    pp = make_agency("IN-WB", "Malda", type=AgencyType.PROSECUTION, name="PP Malda (synthetic)")
    ngo = make_agency("IN-WB", "Malda", name="NGO Malda (synthetic)")
    dlsa = make_agency("IN-WB", "Malda", type=AgencyType.DLSA, name="DLSA Malda (synthetic)")
    dl_station = make_agency(
        "IN-DL", "South", type=AgencyType.POLICE_STATION, name="PS South Delhi (synthetic)"
    )
    dl_ngo = make_agency("IN-DL", "South", name="NGO Delhi (synthetic)")
    users = {
        "police": make_user("police", Role.POLICE_OFFICER, station),
        "ahtu_officer": make_user("ahtu", Role.POLICE_OFFICER, ahtu),
        "cwc_member": make_user("cwc", Role.CWC_MEMBER, cwc),
        "prosecutor": make_user("prosecutor", Role.PUBLIC_PROSECUTOR, pp),
        "caseworker": make_user("caseworker", Role.CASEWORKER, ngo),
        "legal": make_user("legal", Role.LEGAL_SERVICES_OFFICER, dlsa),
        "dl_police": make_user("dl_police", Role.POLICE_OFFICER, dl_station),
        "dl_caseworker": make_user("dl_caseworker", Role.CASEWORKER, dl_ngo),
    }
    survivor, _ = make_survivor(ngo, users["caseworker"], "Test Survivor (synthetic)", "Synthetic.")
    make_consent(survivor, ngo, users["caseworker"], AgencyType.NGO, "legal")
    make_consent(survivor, ngo, users["caseworker"], AgencyType.DLSA, "legal")
    return {
        "station": station,
        "ahtu": ahtu,
        "cwc": cwc,
        "prosecution": pp,
        "ngo": ngo,
        "dl_station": dl_station,
        "survivor": survivor,
        **users,
    }


@pytest.fixture
def case(world):
    """FIR at the Sadar station under BNS 143, with her as the victim and the
    prosecution's office following it."""
    return workflow.register_fir(
        world["police"],
        CriminalCase(
            police_station=world["station"],
            fir_number="T-1/2025",
            fir_at=FIR_AT,
            prosecution=world["prosecution"],
        ),
        offences(FIR_AT.date(), "BNS 143"),
        [world["survivor"]],
    )


def later(moment, **delta):
    return moment + timedelta(**delta)


# A CNR of the Malda district court, as eCourts prints it.
CNR = "WBMD010012342025"


@pytest.fixture
def tried(world, case):
    """The world's case at trial: an accused arrested, the chargesheet on
    25 April 2025, cognizance on 2 May, the Special Court's trial with the
    charges framed on 1 June 2025."""
    from sangam.justice.models import Accused, Trial

    police = world["police"]
    accused = workflow.save_accused(
        police,
        case,
        Accused(name="Accused Trial (synthetic)", role="recruiter", arrested_at=FIR_AT),
    )
    workflow.record_progress(
        police,
        case,
        {
            "chargesheet_on": date(2025, 4, 25),
            "victim_informed_on": date(2025, 4, 1),
            "pocso_reported_at": None,
            "cognizance_on": date(2025, 5, 2),
            "child_evidence_on": None,
        },
        expected_version=case.version,
    )
    trial = workflow.record_trial(
        police,
        case,
        Trial(
            court="Special Court Malda (synthetic)",
            court_kind=Trial.CourtKind.SPECIAL,
            court_district=world["station"].district,
            cnr=CNR,
            charges_framed_on=date(2025, 6, 1),
        ),
    )
    trial.accused_on_trial = accused
    return trial
