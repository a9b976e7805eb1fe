"""Grants for justice records.

The police station or AHTU holding a case writes it; the prosecution it is
sent to reads it. The DLSA, the CWC, the DCPU and the DM/SDM read cases of
their district, and the agencies serving a victim read hers, only as far as her
consent to their kind of agency covers the "legal" category (the access
engine adds that condition). The accused are police and prosecution
records: no other role holds a grant, so anyone else gets 404; so are
the links Sangam proposes between accused (decided by the police of either
case) and the proceeds attached. Clocks are
read by the agency that must meet them and the case's agencies; they are
written only by Sangam (clocks.py). District officials get figures only.

In court, the police holding the case and its prosecution office write the
trial, its hearings, judgments and appeals. The trial and its hearings are
read like the case (the hearings' dates and outcomes: the notes are shown
to the writers only); judgments and appeals name an accused and are read
by the police, the prosecution and the DLSA of the district only.
"""

from sangam.core.roles import Role

WRITE = {"view": "agency", "add": "agency", "change": "agency"}
READ = {"view": "agency"}
DISTRICT = {"view": "jurisdiction"}
CONSENT = {"view": "consent"}

CASE = {
    Role.POLICE_OFFICER: WRITE,
    Role.PUBLIC_PROSECUTOR: READ,
    Role.LEGAL_SERVICES_OFFICER: DISTRICT,
    Role.CWC_MEMBER: DISTRICT,
    Role.DCPU_OFFICER: DISTRICT,
    # The DM/SDM releasing a bonded labourer links the Bonded Labour Act
    # case to the release (her consent to district administration decides).
    Role.DISTRICT_MAGISTRATE: DISTRICT,
    Role.CASEWORKER: CONSENT,
    Role.COUNSELLOR: CONSENT,
    Role.SUPERVISOR: CONSENT,
}

COURT_WRITE = {Role.POLICE_OFFICER: WRITE, Role.PUBLIC_PROSECUTOR: WRITE}
TRIAL = {**CASE, **COURT_WRITE}
# The hearings diary (CSV) is the writers' own: never an in-camera note.
DIARY = {"export": "agency", **WRITE}
HEARING = {**TRIAL, Role.POLICE_OFFICER: DIARY, Role.PUBLIC_PROSECUTOR: DIARY}
OUTCOME = {**COURT_WRITE, Role.LEGAL_SERVICES_OFFICER: DISTRICT}

# Witness protection: the agency helping the witness files; the committee
# decides; the police unit reports the threat and carries out the order;
# the case's prosecution reads. The relocated address: committee and police
# unit only.
FILE = {"view": "agency", "add": "agency", "change": "agency"}
DECIDE = {"view": "agency", "change": "agency"}
PROTECTION = {
    Role.PROTECTION_COMMITTEE: DECIDE,
    Role.POLICE_OFFICER: FILE,
    Role.PUBLIC_PROSECUTOR: FILE,
    Role.LEGAL_SERVICES_OFFICER: FILE,
    Role.CASEWORKER: FILE,
    Role.SUPERVISOR: FILE,
}
REPORTED = {role: {"view": "agency", "add": "agency"} for role in PROTECTION}

GRANTS = {
    "justice.trial": TRIAL,
    "justice.hearing": HEARING,
    "justice.judgment": OUTCOME,
    "justice.appeal": OUTCOME,
    "justice.criminalcase": CASE,
    "justice.chargedsection": CASE,
    "justice.accused": {Role.POLICE_OFFICER: WRITE, Role.PUBLIC_PROSECUTOR: READ},
    # Links between accused are proposed by Sangam and decided by the
    # police holding either case; proceeds are written by the police.
    "justice.accusedlink": {
        Role.POLICE_OFFICER: {"view": "agency", "change": "agency"},
        Role.PUBLIC_PROSECUTOR: READ,
    },
    "justice.proceeds": {Role.POLICE_OFFICER: WRITE, Role.PUBLIC_PROSECUTOR: READ},
    "justice.clock": {
        Role.POLICE_OFFICER: READ,
        Role.PUBLIC_PROSECUTOR: READ,
        Role.CWC_MEMBER: READ,
    },
    # A rescue is seen by the agencies that took part and the CWC its
    # children were produced before, which records what it did.
    # "Booked as missing only": the AHTUs of both districts.
    "justice.sectionreview": {Role.POLICE_OFFICER: {"view": "agency", "change": "agency"}},
    "justice.protectionapplication": PROTECTION,
    "justice.protectionevent": dict.fromkeys(PROTECTION, READ),
    "justice.protectionincident": REPORTED,
    "justice.relocation": {
        Role.PROTECTION_COMMITTEE: {"view": "agency", "add": "agency", "change": "agency"},
        Role.POLICE_OFFICER: {"view": "agency", "add": "agency", "change": "agency"},
    },
    "justice.rescue": {
        Role.POLICE_OFFICER: WRITE,
        Role.CWC_MEMBER: READ,
        Role.CASEWORKER: READ,
        Role.SUPERVISOR: READ,
    },
    "justice.rescuedperson": {
        Role.POLICE_OFFICER: WRITE,
        Role.CWC_MEMBER: {"view": "agency", "change": "agency"},
        Role.CASEWORKER: READ,
        Role.SUPERVISOR: READ,
    },
}
