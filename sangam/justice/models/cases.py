"""Justice, from rescue to the police case: offences and the law's clocks as
versioned reference data, the rescue with the persons rescued, the criminal
case as the victim's side sees it (FIR, sections charged, AHTU, chargesheet)
and the accused, and the clocks computed from all of them.

The criminal case is written by the police station (or the AHTU) that holds
it; the DLSA, the CWC and the agencies serving a victim read it as far as
her consent to their kind of agency allows the "legal" category. The accused
are police and prosecution records only: no grant reaches an NGO, so an NGO
asking gets 404. Their identifying fields are encrypted.
"""

import calendar
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sangam.cases.models import Category
from sangam.core.access import AccessPaths
from sangam.core.crypto import EncryptedCharField, EncryptedField, EncryptedJSONField
from sangam.core.models import PersonalDataModel
from sangam.core.reference import ReferenceRow, ReferenceVersion
from sangam.core.vocabulary import Sex

# --- Reference data: offences and clocks ------------------------------------


class Act(models.TextChoices):
    BNS = "BNS", _("Bharatiya Nyaya Sanhita 2023")
    IPC = "IPC", _("Indian Penal Code 1860")
    ITPA = "ITPA", _("Immoral Traffic (Prevention) Act 1956")
    POCSO = "POCSO", _("Protection of Children from Sexual Offences Act 2012")
    JJ = "JJ", _("Juvenile Justice (Care and Protection of Children) Act 2015")
    BLSA = "BLSA", _("Bonded Labour System (Abolition) Act 1976")
    CLPRA = "CLPRA", _("Child and Adolescent Labour (Prohibition and Regulation) Act 1986")
    PCMA = "PCMA", _("Prohibition of Child Marriage Act 2006")
    THOA = "THOA", _("Transplantation of Human Organs and Tissues Act 1994")


class MaxPunishment(models.TextChoices):
    DEATH = "death", _("Death")
    LIFE = "life", _("Imprisonment for life")
    YEARS = "years", _("Imprisonment for a term")
    FINE = "fine", _("Fine only")


class OffenceTable(ReferenceVersion):
    """The sections that may be charged during one period (the IPC until
    30 June 2024, the BNS from 1 July 2024, each with the special Acts)."""

    class Meta:
        ordering = ["-in_force_from"]

    def check_rows(self):
        from django.core.exceptions import ValidationError

        for row in self.offences.all():
            if row.max_punishment == MaxPunishment.YEARS and not row.max_years:
                raise ValidationError(
                    _("%(section)s: a term of imprisonment needs its maximum in years.")
                    % {"section": row}
                )


class Offence(ReferenceRow):
    version = models.ForeignKey(OffenceTable, on_delete=models.PROTECT, related_name="offences")
    act = models.CharField(_("act"), max_length=8, choices=Act.choices)
    section = models.CharField(_("section"), max_length=20)
    title = models.CharField(_("offence"), max_length=200)
    replaces = models.CharField(
        _("replaces"), max_length=40, blank=True, help_text=_("The IPC section it replaced.")
    )
    max_punishment = models.CharField(
        _("maximum punishment"), max_length=8, choices=MaxPunishment.choices
    )
    max_years = models.PositiveSmallIntegerField(_("maximum term (years)"), null=True, blank=True)
    trafficking = models.BooleanField(_("trafficking section"), default=False)
    in_camera = models.BooleanField(_("sexual offence tried in camera"), default=False)
    pocso = models.BooleanField(_("POCSO offence"), default=False)
    # BNSS 193(2): rape (BNS 64-71) and POCSO 4/6/8/10 investigated in 2 months.
    two_month_investigation = models.BooleanField(_("investigation within 2 months"), default=False)
    # A special Act's section is chargeable only from the Act's commencement.
    commenced_on = models.DateField(_("in force from"), null=True, blank=True)

    class Meta:
        ordering = ["act", "section"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "act", "section"], name="justice_offence_once"
            )
        ]

    def __str__(self):
        return f"{self.act} {self.section}"


class Unit(models.TextChoices):
    HOURS = "hours", _("hours")
    DAYS = "days", _("days")
    # Monday to Friday; public holidays differ by state and are not counted
    # out (a clock in working days may run out a holiday early, never late).
    WORKING_DAYS = "working_days", _("working days")
    MONTHS = "months", _("months")
    YEARS = "years", _("years")
    # A count, not a time: "more than N adjournments" (the clock is missed
    # the day the count is passed).
    TIMES = "times", _("times")


class ClockKind(models.TextChoices):
    DEFAULT_BAIL_LONG = "default_bail_long", _("Chargesheet before default bail (grave offence)")
    DEFAULT_BAIL_SHORT = "default_bail_short", _("Chargesheet before default bail")
    INVESTIGATION = "investigation", _("Investigation of a rape or POCSO offence completed")
    VICTIM_INFORMED = "victim_informed", _("Victim told of the investigation's progress")
    POCSO_EVIDENCE = "pocso_evidence", _("Child's evidence recorded (POCSO)")
    POCSO_TRIAL = "pocso_trial", _("POCSO trial completed")
    MAGISTRATE = "magistrate", _("Rescued adult produced before a magistrate")
    CWC = "cwc", _("Rescued child produced before the CWC")
    POCSO_REPORT = "pocso_report", _("POCSO report to the CWC and the Special Court")
    CUSTODY = "custody", _("Intermediate custody ended by the magistrate's order")
    SIR = "sir", _("Social investigation report")
    CWC_ORDER = "cwc_order", _("CWC's final order")
    NO_HEARING = "no_hearing", _("A next hearing date entered in time")
    ADJOURNMENTS = "adjournments", _("Adjournments at the prosecution's request within the limit")
    THREAT_REPORT = "threat_report", _("Threat Analysis Report for witness protection")


class ClockTable(ReferenceVersion):
    """How long each clock runs, by law, during one period."""

    class Meta:
        ordering = ["-in_force_from"]


class ClockRule(ReferenceRow):
    version = models.ForeignKey(ClockTable, on_delete=models.PROTECT, related_name="rules")
    kind = models.CharField(_("clock"), max_length=20, choices=ClockKind.choices)
    amount = models.PositiveSmallIntegerField(_("how long"))
    unit = models.CharField(_("unit"), max_length=12, choices=Unit.choices)
    # Default bail: the longer clock applies to offences punishable with death,
    # life or at least this many years (BNSS 187(3)(i)).
    at_least_years = models.PositiveSmallIntegerField(
        _("for offences punishable with at least (years)"), null=True, blank=True
    )
    source = models.CharField(_("source"), max_length=200)

    class Meta:
        ordering = ["kind"]
        constraints = [
            models.UniqueConstraint(fields=["version", "kind"], name="justice_clock_rule_once")
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.amount} {self.get_unit_display()}"

    def due(self, start):
        """The moment the clock runs out when it starts at ``start``."""
        if self.unit == Unit.TIMES:
            return start
        if self.unit == Unit.HOURS:
            return start + timedelta(hours=self.amount)
        if self.unit == Unit.DAYS:
            return start + timedelta(days=self.amount)
        if self.unit == Unit.WORKING_DAYS:
            return _add_working_days(start, self.amount)
        months = self.amount * (12 if self.unit == Unit.YEARS else 1)
        return _add_months(start, months)


def _add_working_days(moment, days):
    """The end of the ``days``-th working day from ``moment`` (a day's start)
    on: each day passed counts when it is Monday to Friday."""
    while days > 0:
        if moment.weekday() < 5:
            days -= 1
        moment += timedelta(days=1)
    return moment


def _add_months(moment, months):
    month = moment.month - 1 + months
    year, month = moment.year + month // 12, month % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


# --- Where a record belongs -------------------------------------------------

CASE_AGENCIES = ("police_station", "ahtu", "transferred_to", "prosecution")


def _case_paths(prefix="", **extra):
    return AccessPaths(
        owner="created_by",
        agency=tuple(f"{prefix}{p}" for p in CASE_AGENCIES),
        district=(f"{prefix}police_station__district", f"{prefix}ahtu__district"),
        state=(f"{prefix}police_station__state", f"{prefix}ahtu__state"),
        **extra,
    )


def _victim_side(prefix=""):
    """Read by the agencies serving a victim as far as her consent allows."""
    return _case_paths(
        prefix,
        survivor_data=True,
        involvement=f"{prefix}victims__cases__agency",
        through_many=True,
    )


# --- Rescue -----------------------------------------------------------------


class Rescue(PersonalDataModel):
    class Source(models.TextChoices):
        NGO = "ngo", _("An NGO's information")
        FAMILY = "family", _("The family or a neighbour")
        HELPLINE = "helpline", _("A helpline (1098, 181, 112)")
        VICTIM = "victim", _("The victim herself")
        POLICE = "police", _("Police intelligence")
        OTHER = "other", _("Other")

    lead_agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        related_name="rescues_led",
        verbose_name=_("lead agency"),
    )
    participants = models.ManyToManyField(
        "agencies.Agency",
        blank=True,
        related_name="rescues_joined",
        verbose_name=_("participating agencies"),
    )
    source = models.CharField(_("source of information"), max_length=10, choices=Source.choices)
    source_note = EncryptedField(_("about the information"), blank=True)
    at = models.DateTimeField(_("date and time of the rescue"))
    district = models.ForeignKey(
        "geography.District", on_delete=models.PROTECT, related_name="+", verbose_name=_("district")
    )
    place = EncryptedField(_("place"))
    # ITPA s.15(2): two respectable inhabitants of the locality, one a woman.
    witness_one = EncryptedCharField(_("first witness"), max_length=200)
    witness_one_sex = models.CharField(_("sex"), max_length=12, choices=Sex.choices)
    witness_two = EncryptedCharField(_("second witness"), max_length=200)
    witness_two_sex = models.CharField(_("sex"), max_length=12, choices=Sex.choices)

    access_paths = AccessPaths(
        owner="created_by",
        agency=("lead_agency", "participants", "persons__cwc"),
        district=("lead_agency__district", "district"),
        state=("lead_agency__state", "district__state"),
        through_many=True,
    )

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"RES-{self.pk}"

    def get_absolute_url(self):
        return reverse("justice:rescue", args=[self.pk])


class RescuedPerson(PersonalDataModel):
    """One person rescued: her survivor record, her age as estimated at the
    rescue, and when she was produced where the law says."""

    rescue = models.ForeignKey(Rescue, on_delete=models.CASCADE, related_name="persons")
    survivor = models.ForeignKey("cases.Survivor", on_delete=models.PROTECT, related_name="rescues")
    estimated_age = models.PositiveSmallIntegerField(_("estimated age at the rescue"))
    produced_before_magistrate_at = models.DateTimeField(
        _("produced before the magistrate"), null=True, blank=True
    )
    custody_ended_at = models.DateTimeField(
        _("intermediate custody ended by order"), null=True, blank=True
    )
    cwc = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("CWC"),
    )
    produced_before_cwc_at = models.DateTimeField(
        _("produced before the CWC"), null=True, blank=True
    )
    sir_on = models.DateField(_("social investigation report received"), null=True, blank=True)
    cwc_order_on = models.DateField(_("CWC's final order"), null=True, blank=True)

    access_paths = AccessPaths(
        owner="created_by",
        agency=("rescue__lead_agency", "rescue__participants", "cwc"),
        district=("rescue__lead_agency__district", "rescue__district"),
        state=("rescue__lead_agency__state", "rescue__district__state"),
        through_many=True,
    )
    shown_on = "rescue"

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["rescue", "survivor"], name="justice_rescued_once")
        ]

    def __str__(self):
        return f"{self.rescue}/{self.pk}"

    @property
    def is_minor(self):
        from sangam.cases.models import ADULT_AGE

        return self.estimated_age < ADULT_AGE


# --- The criminal case ------------------------------------------------------


class CriminalCase(PersonalDataModel):
    police_station = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        related_name="criminal_cases",
        verbose_name=_("police station"),
    )
    fir_number = models.CharField(_("FIR number"), max_length=40)
    fir_at = models.DateTimeField(_("FIR registered at"))
    zero_fir = models.BooleanField(
        _("Zero FIR"), default=False, help_text=_("Registered outside the station's jurisdiction.")
    )
    transferred_to = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="criminal_cases_transferred",
        verbose_name=_("transferred to"),
    )
    transferred_on = models.DateField(_("transferred on"), null=True, blank=True)
    cctns_reference = models.CharField(_("CCTNS reference"), max_length=40, blank=True)
    ahtu = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="criminal_cases_of_ahtu",
        verbose_name=_("AHTU"),
    )
    sent_to_ahtu_on = models.DateField(_("sent to the AHTU on"), null=True, blank=True)
    prosecution = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="criminal_cases_prosecuted",
        verbose_name=_("prosecution"),
    )
    investigating_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("investigating officer"),
    )
    rescue = models.ForeignKey(
        Rescue,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("rescue"),
    )
    victims = models.ManyToManyField(
        "cases.Survivor", related_name="criminal_cases", verbose_name=_("victims")
    )
    chargesheet_on = models.DateField(_("chargesheet filed on"), null=True, blank=True)
    cognizance_on = models.DateField(_("cognizance taken on"), null=True, blank=True)
    victim_informed_on = models.DateField(
        _("victim told of the progress on"), null=True, blank=True
    )
    pocso_reported_at = models.DateTimeField(
        _("POCSO report sent to the CWC and the Special Court"), null=True, blank=True
    )
    child_evidence_on = models.DateField(_("child's evidence recorded on"), null=True, blank=True)
    trial_concluded_on = models.DateField(_("trial concluded on"), null=True, blank=True)

    access_paths = _victim_side()
    consent_category = Category.LEGAL
    survivor_path = "victims"

    class Meta:
        ordering = ["-fir_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["police_station", "fir_number"], name="justice_fir_once"
            )
        ]
        indexes = [models.Index(fields=["police_station", "fir_at"])]

    def __str__(self):
        return f"FIR {self.fir_number}"

    def get_absolute_url(self):
        return reverse("justice:case", args=[self.pk])

    @property
    def fir_date(self):
        return timezone.localtime(self.fir_at).date()

    @property
    def investigating_agency(self):
        """Who investigates: the AHTU once the case is sent there, else the
        station it was transferred to (a Zero FIR), else the station."""
        return self.ahtu or self.transferred_to or self.police_station


class ChargedSection(PersonalDataModel):
    """A section charged in a case, from the day it was added until it is
    dropped (kept, with both dates)."""

    case = models.ForeignKey(CriminalCase, on_delete=models.CASCADE, related_name="sections")
    offence = models.ForeignKey(Offence, on_delete=models.PROTECT, related_name="+")
    added_on = models.DateField(_("added on"))
    dropped_on = models.DateField(_("dropped on"), null=True, blank=True)
    dropped_reason = EncryptedField(_("why it was dropped"), blank=True)

    access_paths = _victim_side("case__")
    consent_category = Category.LEGAL
    survivor_path = "case__victims"
    shown_on = "case"

    class Meta:
        ordering = ["added_on", "pk"]

    def __str__(self):
        return str(self.offence)


class Accused(PersonalDataModel):
    """A person accused in a case: police and prosecution only, presumed
    innocent. Names, aliases and phones are encrypted."""

    class Role(models.TextChoices):
        RECRUITER = "recruiter", _("Recruiter")
        TRANSPORTER = "transporter", _("Transporter")
        BUYER = "buyer", _("Buyer")
        BROTHEL_KEEPER = "brothel_keeper", _("Brothel keeper")
        EMPLOYER = "employer", _("Employer")
        PLACEMENT_AGENT = "placement_agent", _("Placement agent")
        FAMILY = "family", _("Family member")
        OTHER = "other", _("Other")

    class Bail(models.TextChoices):
        REGULAR = "regular", _("Bail")
        DEFAULT = "default", _("Default bail (no chargesheet in time)")

    case = models.ForeignKey(CriminalCase, on_delete=models.CASCADE, related_name="accused")
    name = EncryptedField(_("name"), help_text=_("As recorded, in any script."))
    aliases = EncryptedJSONField(_("other names"), default=list, blank=True)
    phones = EncryptedJSONField(_("phone numbers"), default=list, blank=True)
    vehicles = EncryptedJSONField(_("vehicles"), default=list, blank=True)
    # Not the directory's "places" (shelter beds): where the accused is found.
    places = EncryptedJSONField(pgettext_lazy("accused", "places"), default=list, blank=True)
    role = models.CharField(_("role alleged"), max_length=16, choices=Role.choices)
    arrested_at = models.DateTimeField(_("arrested at"), null=True, blank=True)
    absconding = models.BooleanField(_("absconding"), default=False)
    bail_on = models.DateField(_("released on bail on"), null=True, blank=True)
    bail = models.CharField(_("bail"), max_length=8, choices=Bail.choices, blank=True)

    access_paths = _case_paths("case__")

    class Meta:
        ordering = ["pk"]
        verbose_name_plural = _("accused")

    def __str__(self):
        return f"A-{self.pk}"

    def get_absolute_url(self):
        return reverse("justice:accused", args=[self.pk])


# --- "Booked as missing only" ----------------------------------------------


class SectionReview(PersonalDataModel):
    """A task for the AHTU of either district: a missing-person report was
    confirmed as a survivor whose account records exploitation, and no
    police case of hers charges a trafficking section. Raised by Sangam when
    the match is confirmed (signals.py); closed by an officer who reviewed."""

    match = models.OneToOneField(
        "matching.CandidateMatch", on_delete=models.CASCADE, related_name="section_review"
    )
    survivor = models.ForeignKey("cases.Survivor", on_delete=models.CASCADE, related_name="+")
    case = models.ForeignKey(
        CriminalCase,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("her police case"),
    )
    home_ahtu = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("AHTU where she went missing"),
    )
    found_ahtu = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("AHTU where she was found"),
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    outcome = EncryptedField(_("what was done"), blank=True)

    access_paths = AccessPaths(
        owner="created_by",
        agency=("home_ahtu", "found_ahtu"),
        district=("home_ahtu__district", "found_ahtu__district"),
        state=("home_ahtu__state", "found_ahtu__state"),
    )

    class Meta:
        ordering = ["reviewed_at", "-created_at"]

    def __str__(self):
        return f"REV-{self.pk}"

    def get_absolute_url(self):
        return reverse("justice:review", args=[self.pk])


# --- Clocks -----------------------------------------------------------------


class Clock(PersonalDataModel):
    """One of the law's clocks for a case, an accused or a rescued person:
    when it started, when it runs out (from the rule it was computed with),
    when it was met and which agency must meet it. Rewritten whenever the
    facts it is computed from change (clocks.py), never typed."""

    kind = models.CharField(_("clock"), max_length=20, choices=ClockKind.choices)
    rule = models.ForeignKey(ClockRule, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(
        CriminalCase, on_delete=models.CASCADE, null=True, blank=True, related_name="clocks"
    )
    accused = models.ForeignKey(
        Accused, on_delete=models.CASCADE, null=True, blank=True, related_name="clocks"
    )
    rescued = models.ForeignKey(
        RescuedPerson, on_delete=models.CASCADE, null=True, blank=True, related_name="clocks"
    )
    # A witness protection application's threat report: of the case, but
    # rewritten with the application, not with the case's facts.
    application = models.ForeignKey(
        "justice.ProtectionApplication",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="clocks",
    )
    responsible = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("responsible"),
    )
    started_at = models.DateTimeField(_("started"))
    due_at = models.DateTimeField(_("due"))
    met_at = models.DateTimeField(_("met"), null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)

    access_paths = AccessPaths(
        owner="created_by",
        agency=(
            "responsible",
            *(f"case__{p}" for p in CASE_AGENCIES),
            "rescued__rescue__lead_agency",
        ),
        district="responsible__district",
        state="responsible__state",
    )

    class Meta:
        ordering = ["due_at", "pk"]
        indexes = [models.Index(fields=["responsible", "met_at", "due_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(case__isnull=False) | models.Q(rescued__isnull=False),
                name="justice_clock_has_a_subject",
            )
        ]

    def __str__(self):
        return str(self.label)

    @property
    def label(self):
        """The kind's name, as get_kind_display gives it: looked up in the
        enum, not by hashing all the choices on every call (a fifth of the
        time a list of 50 clocks takes to render)."""
        return ClockKind(self.kind).label

    def get_absolute_url(self):
        if self.application_id:
            return reverse("justice:protection", args=[self.application_id])
        if self.rescued_id:
            return reverse("justice:rescue", args=[self.rescued.rescue_id])
        return reverse("justice:case", args=[self.case_id])

    def state(self, now=None):
        """ "met", "missed", "at_risk" (a week or less left) or "running"."""
        now = now or timezone.now()
        if self.met_at is not None:
            return "met" if self.met_at <= self.due_at else "missed"
        if now > self.due_at:
            return "missed"
        return "at_risk" if self.due_at - now <= AT_RISK else "running"

    def days_left(self, now=None):
        now = now or timezone.now()
        return (timezone.localtime(self.due_at).date() - timezone.localtime(now).date()).days


# A clock is "at risk" in its last week (the rule, not the law's).
AT_RISK = timedelta(days=7)


def start_of(day):
    """A date's clock start: its midnight in Sangam's time zone."""
    return timezone.make_aware(datetime.combine(day, time.min))
