"""HTCDS 2.0 export and import of cases (one row per case).

Export runs as a named user and contains only what that user may export;
personal identifiers (names, birth date, contact, staff names) stay empty
unless explicitly requested by a role that may export identifying data.
Import is all-or-nothing with a report of each bad row.
"""

import csv
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils import timezone

from sangam.agencies.models import AgencyType
from sangam.audit import log
from sangam.cases import htcds, workflow
from sangam.cases.models import Case, Consent, Intake, Survivor
from sangam.core.access import can
from sangam.core.exports import restore_cell, safe_cell
from sangam.core.vocabulary import Sex
from sangam.geography.models import District, State

# HTCDS genders are expressions (feminine, masculine, transgender feminine…);
# Sangam records the sex of the census and the Transgender Persons Act, whose
# "transgender" does not say which, so it is written as not specified.
SEX_TO_HTCDS = {
    Sex.FEMALE: "Feminine",
    Sex.MALE: "Masculine",
    Sex.TRANSGENDER: "NonSpecifiedUnknown",
    Sex.UNKNOWN: "NonSpecifiedUnknown",
}
HTCDS_TO_SEX = {
    "feminine": Sex.FEMALE,
    "masculine": Sex.MALE,
    "transgenderfeminine": Sex.TRANSGENDER,
    "transgendermasculine": Sex.TRANSGENDER,
    # The Act counts genderqueer persons as transgender persons.
    "nonconforming": Sex.TRANSGENDER,
    "nonspecifiedunknown": Sex.UNKNOWN,
    # Files written by Sangam before it used the HTCDS picklist.
    "female": Sex.FEMALE,
    "male": Sex.MALE,
    "transgender": Sex.TRANSGENDER,
}
# Who decided the trafficking status: the recording agency's kind.
DECISION_MAKER = {
    AgencyType.POLICE_STATION: "Police",
    AgencyType.AHTU: "Police",
    AgencyType.STATE_AHT_BUREAU: "Police",
    AgencyType.NGO: "NGO",
    AgencyType.SHELTER_SHAKTI_SADAN: "NGO",
    AgencyType.SHG: "NGO",
    AgencyType.VO: "NGO",
    AgencyType.CLF: "NGO",
    AgencyType.CWC: "NonPoliceGovernmentalOrganization",
    AgencyType.DCPU: "NonPoliceGovernmentalOrganization",
    AgencyType.DLSA: "NonPoliceGovernmentalOrganization",
    AgencyType.SLSA: "NonPoliceGovernmentalOrganization",
    AgencyType.ONE_STOP_CENTRE: "NonPoliceGovernmentalOrganization",
    AgencyType.SRLM_UNIT: "NonPoliceGovernmentalOrganization",
    AgencyType.DISTRICT_ADMINISTRATION: "NonPoliceGovernmentalOrganization",
    AgencyType.HEALTH_DMHP: "NonPoliceGovernmentalOrganization",
    AgencyType.LABOUR_DEPARTMENT: "NonPoliceGovernmentalOrganization",
}
# Exploitation and control codes accepted on import: HTCDS's, and Sangam's own
# (files written before it used the HTCDS picklist).
EXPLOITATION = htcds.FROM_HTCDS_EXPLOITATION | {c: c for c in htcds.TO_HTCDS_EXPLOITATION}
CONTROL = htcds.FROM_HTCDS_CONTROL | {c: c for c in htcds.TO_HTCDS_CONTROL}


def _case_status(case):
    if case.status != Case.Status.CLOSED:
        return "Active"
    return "ClosedReferred" if case.outcome == Case.Outcome.TRANSFERRED else "Closed"


def _values(codes, table):
    """The HTCDS values of recorded ``codes``, each once, in recorded order."""
    return ";".join(dict.fromkeys(table.get(c, "Other") for c in codes))


def export_rows(user, *, identifiers=False):
    """Yield HTCDS rows of the cases ``user`` may export."""
    if identifiers and not can(user, Survivor, "export"):
        raise PermissionError("this user may not export identifying data")
    cases = (
        Case.objects.restrict(user, "export")
        .select_related("survivor__origin_state", "survivor__origin_district", "agency", "owner")
        .order_by("pk")
    )
    intakes = {
        i.survivor_id: i
        for i in Intake.objects.restrict(user, "export")
        .filter(survivor__in=cases.values("survivor"))
        .select_related("recruited_in", "exploited_in", "recorded_by_agency")
    }
    consented = set(
        Consent.objects.restrict(user, "view")
        .filter(survivor__in=cases.values("survivor"), revoked_at__isnull=True)
        .values_list("survivor_id", flat=True)
    )
    exported = []
    for case in cases.iterator(chunk_size=500):
        s = case.survivor
        intake = intakes.get(s.pk)
        first, _, second = (s.name or "").partition(" ")
        row = dict.fromkeys(htcds.COLUMNS, "")
        row.update(
            {
                "cas_CaseOwner": case.owner.get_full_name() or case.owner.username,
                "prs_FirstName": first,
                "prs_SecondName": second,
                "con_Consent": "Yes" if s.pk in consented else "No",
                "prs_Birthdate": s.date_of_birth.isoformat() if s.date_of_birth else "",
                "prs_Gender": SEX_TO_HTCDS.get(s.sex, "NonSpecifiedUnknown"),
                "prs_Citizenship": htcds.INDIA,
                "prs_MailingCity": s.origin_district.name if s.origin_district else "",
                "prs_MailingState": s.origin_state.name if s.origin_state else "",
                "prs_MailingCountry": htcds.INDIA,
                "cas_Status": _case_status(case),
                # Long text in HTCDS; the outcome's code reads the same in every language.
                "cas_ReasonForCaseClosure": case.outcome,
            }
        )
        if intake:
            row.update(
                {
                    "vic_TraffickingStatus": htcds.TO_HTCDS_TRAFFICKING_STATUS.get(
                        intake.trafficking_status, ""
                    ),
                    "vic_TraffickinStatusDecisionMakingOrg": DECISION_MAKER.get(
                        intake.recorded_by_agency.type, "Other"
                    ),
                    "vic_MethodOfRecruitment": _values(
                        [intake.recruitment_method] if intake.recruitment_method else [],
                        htcds.TO_HTCDS_RECRUITMENT,
                    ),
                    "vic_LocationOfRecruitment": getattr(intake.recruited_in, "name", ""),
                    "vic_MethodsOfControl": _values(
                        intake.methods_of_control, htcds.TO_HTCDS_CONTROL
                    ),
                    "vic_TypeOfExploitation": _values(
                        intake.exploitation_types, htcds.TO_HTCDS_EXPLOITATION
                    ),
                    "vic_ForcedLabourIndustry": intake.labour_industry,
                    "vic_LocationOfExploitation": getattr(intake.exploited_in, "name", ""),
                }
            )
        if not identifiers:
            for column in htcds.IDENTIFIERS:
                row[column] = ""
        exported.append(case.pk)
        yield row
    log.record_list(
        Case,
        exported,
        action="export",
        purpose="htcds" + (" with identifiers" if identifiers else ""),
    )


def export_csv(user, path, *, identifiers=False):
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=htcds.COLUMNS)
        writer.writeheader()
        n = 0
        for row in export_rows(user, identifiers=identifiers):
            writer.writerow({k: safe_cell(str(v)) for k, v in row.items()})
            n += 1
    return n


@dataclass
class ImportReport:
    errors: list = field(default_factory=list)  # (line, reason)
    created: int = 0
    committed: bool = False


def _district(name, state):
    if not name:
        return None
    qs = District.objects.filter(name__iexact=name.strip())
    if state:
        qs = qs.filter(state=state)
    return qs.first()


def _codes(text, vocabulary):
    """Recorded codes of a multi-select cell, each once, and the values not known."""
    values = [v.strip() for v in (text or "").split(";") if v.strip()]
    unknown = [v for v in values if v not in vocabulary]
    codes = dict.fromkeys(vocabulary[v] for v in values if v in vocabulary)
    return list(codes), unknown


def import_csv(user, agency, path):
    """Create a survivor, a case at ``agency`` and an intake per row; all or nothing."""
    report = ImportReport()
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            missing = [
                c for c in ("prs_FirstName", "prs_Gender") if c not in (reader.fieldnames or [])
            ]
            if missing:
                report.errors.append((1, f"missing columns: {', '.join(missing)}"))
                return report
            rows = [
                (line, {k: restore_cell(v) for k, v in row.items()})
                for line, row in enumerate(reader, start=2)
            ]
    except UnicodeDecodeError as exc:
        report.errors.append((0, f"not UTF-8 ({exc.reason})"))
        return report
    parsed = []
    for line, row in rows:
        problems = []
        name = " ".join(
            p for p in (row.get("prs_FirstName", ""), row.get("prs_SecondName", "")) if p.strip()
        ).strip()
        if not name:
            problems.append("a name is needed (prs_FirstName)")
        sex = HTCDS_TO_SEX.get((row.get("prs_Gender") or "").strip().lower(), Sex.UNKNOWN)
        dob = None
        if row.get("prs_Birthdate"):
            try:
                dob = date.fromisoformat(row["prs_Birthdate"].strip())
            except ValueError:
                # A birth date identifies; the line number is enough to find it.
                problems.append("prs_Birthdate is not a date (YYYY-MM-DD)")
            else:
                today = timezone.localdate()
                if dob > today:
                    problems.append("prs_Birthdate is in the future")
                elif today.year - dob.year > 120:
                    problems.append("prs_Birthdate makes the person older than 120")
        state = None
        if row.get("prs_MailingState"):
            state = State.objects.filter(name__iexact=row["prs_MailingState"].strip()).first()
            if state is None:
                problems.append(f"unknown state {row['prs_MailingState']!r}")
        origin = _district(row.get("prs_MailingCity"), state)
        if row.get("prs_MailingCity") and origin is None:
            problems.append(f"unknown district {row['prs_MailingCity']!r}")
        exploitation, bad1 = _codes(row.get("vic_TypeOfExploitation"), EXPLOITATION)
        control, bad2 = _codes(row.get("vic_MethodsOfControl"), CONTROL)
        for bad in bad1 + bad2:
            problems.append(f"unknown HTCDS code {bad!r}")
        for problem in problems:
            report.errors.append((line, problem))
        parsed.append((name, sex, dob, state, origin, exploitation, control))
    if report.errors:
        return report
    with transaction.atomic():
        for name, sex, dob, state, origin, exploitation, control in parsed:
            survivor = Survivor(
                name=name, sex=sex, date_of_birth=dob, origin_state=state, origin_district=origin
            )
            intake = None
            if exploitation or control:
                intake = Intake(
                    narrative="",
                    language="",
                    exploitation_types=exploitation,
                    methods_of_control=control,
                )
            workflow.register_survivor(
                user, agency, survivor, intake=intake, note="imported (HTCDS)"
            )
            report.created += 1
    report.committed = True
    return report
