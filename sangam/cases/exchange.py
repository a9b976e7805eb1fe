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

from sangam.audit import log
from sangam.cases import htcds, workflow
from sangam.cases.models import Case, Consent, Intake, Survivor
from sangam.core.access import can
from sangam.core.exports import restore_cell, safe_cell
from sangam.core.vocabulary import Sex
from sangam.geography.models import District, State

SEX_TO_HTCDS = {
    Sex.FEMALE: "Female",
    Sex.MALE: "Male",
    Sex.TRANSGENDER: "Transgender",
    Sex.UNKNOWN: "",
}
HTCDS_TO_SEX = {v.lower(): k for k, v in SEX_TO_HTCDS.items() if v}
EXPLOITATION = dict(htcds.EXPLOITATION_TYPES)
CONTROL = dict(htcds.METHODS_OF_CONTROL)


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
                "prs_Gender": SEX_TO_HTCDS.get(s.sex, ""),
                "prs_Citizenship": "India",
                "prs_MailingCity": s.origin_district.name if s.origin_district else "",
                "prs_MailingState": s.origin_state.name if s.origin_state else "",
                "prs_MailingCountry": "India",
                "cas_Status": case.get_status_display(),
                "cas_ReasonForCaseClosure": case.get_outcome_display() if case.outcome else "",
            }
        )
        if intake:
            row.update(
                {
                    "vic_TraffickingStatus": intake.get_trafficking_status_display(),
                    "vic_TraffickinStatusDecisionMakingOrg": intake.recorded_by_agency.name,
                    "vic_MethodOfRecruitment": intake.get_recruitment_method_display(),
                    "vic_LocationOfRecruitment": getattr(intake.recruited_in, "name", ""),
                    "vic_MethodsOfControl": ";".join(intake.methods_of_control),
                    "vic_TypeOfExploitation": ";".join(intake.exploitation_types),
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
    values = [v.strip() for v in (text or "").split(";") if v.strip()]
    unknown = [v for v in values if v not in vocabulary]
    return values, unknown


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
