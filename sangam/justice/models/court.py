"""Justice in court: the trial of a criminal case (its court and eCourts CNR
number, the charges framed, in camera by law for sexual offences), its
hearings (held or adjourned, at whose request, the next date), the judgment
per accused and charge (with the coded reason of an acquittal) and appeals.

Every court record reaches the criminal case's access paths through its
trial (``AccessPaths.through``): the police holding the case and the
prosecution office it is sent to write them; the DLSA, CWC and DCPU of the
district, and the agencies serving a victim as far as her consent covers
the "legal" category, read the trial and its hearings' dates and outcomes.
Judgments and appeals name an accused: police, prosecution and the DLSA
only. Notes of an in-camera trial (BNSS 366) are never exported nor sent.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sangam.cases.models import Category
from sangam.core.crypto import EncryptedField
from sangam.core.models import PersonalDataModel
from sangam.justice.models.cases import Accused, ChargedSection, CriminalCase

# eCourts' Case Number Record: 4 letters (state and district), a 2-digit
# establishment code, a 6-digit serial and the 4-digit year of filing.
CNR = re.compile(r"^[A-Z]{4}[0-9]{2}([0-9]{6})([0-9]{4})$")


def normalise_cnr(value):
    """A CNR as eCourts prints it: upper case, without spaces or dashes."""
    return re.sub(r"[\s\-]", "", value or "").upper()


def validate_cnr(value):
    match = CNR.match(value or "")
    if not match:
        raise ValidationError(
            _(
                "A CNR number has 16 characters: 4 letters for the state and district, "
                "a 2-digit court establishment code, a 6-digit serial and the year "
                "(e.g. WBMD010012342025)."
            ),
            code="cnr",
        )
    serial, year = int(match.group(1)), int(match.group(2))
    if serial == 0:
        raise ValidationError(_("The CNR's serial number cannot be 000000."), code="cnr")
    if not 1950 <= year <= timezone.localdate().year:
        raise ValidationError(_("The CNR's last 4 digits are the year of filing."), code="cnr")


class Trial(PersonalDataModel):
    """The trial of one criminal case."""

    class CourtKind(models.TextChoices):
        SESSIONS = "sessions", _("Court of Session")
        SPECIAL = "special", _("Special Court (POCSO or ITPA)")
        FAST_TRACK = "fast_track", _("Fast-track court")
        MAGISTRATE = "magistrate", _("Magistrate's court")

    case = models.OneToOneField(
        CriminalCase, on_delete=models.CASCADE, related_name="trial", verbose_name=_("case")
    )
    court = models.CharField(_("court"), max_length=200)
    court_kind = models.CharField(_("kind of court"), max_length=12, choices=CourtKind.choices)
    court_district = models.ForeignKey(
        "geography.District",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("district of the court"),
    )
    cnr = models.CharField(
        _("CNR number"),
        max_length=16,
        validators=[validate_cnr],
        help_text=_("The 16-character eCourts case number, e.g. WBMD010012342025."),
    )
    charges_framed_on = models.DateField(_("charges framed on"), null=True, blank=True)
    # BNSS 366(2): set from the sections charged (offence.in_camera), not typed.
    in_camera = models.BooleanField(_("in camera"), default=False, editable=False)
    public_prosecutor = models.CharField(_("public prosecutor"), max_length=200, blank=True)

    access_paths = CriminalCase.access_paths.through("case")
    consent_category = Category.LEGAL
    survivor_path = "case__victims"

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["cnr"], name="justice_cnr_once")]

    def __str__(self):
        return self.cnr

    def get_absolute_url(self):
        return reverse("justice:case", args=[self.case_id]) + "#trial"


class Hearing(PersonalDataModel):
    class Purpose(models.TextChoices):
        CHARGES = "charges", _("Framing of charges")
        PROSECUTION_EVIDENCE = "prosecution_evidence", _("Prosecution evidence")
        VICTIM_EVIDENCE = "victim_evidence", _("Victim's evidence")
        DEFENCE_EVIDENCE = "defence_evidence", _("Defence evidence")
        STATEMENT = "statement", _("Statement of the accused")
        ARGUMENTS = "arguments", _("Arguments")
        JUDGMENT = "judgment", _("Judgment")
        BAIL = "bail", _("Bail")
        OTHER = "other", _("Other")

    class Outcome(models.TextChoices):
        HELD = "held", pgettext_lazy("hearing", "Held")
        ADJOURNED = "adjourned", _("Adjourned")

    class AskedBy(models.TextChoices):
        PROSECUTION = "prosecution", _("The prosecution")
        DEFENCE = "defence", _("The defence")
        COURT = "court", _("The court")
        VICTIM = "victim", _("The victim")

    trial = models.ForeignKey(Trial, on_delete=models.CASCADE, related_name="hearings")
    on = models.DateField(_("date of the hearing"))
    purpose = models.CharField(_("purpose"), max_length=24, choices=Purpose.choices)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    asked_by = models.CharField(
        _("adjourned at the request of"), max_length=12, choices=AskedBy.choices, blank=True
    )
    adjournment_reason = EncryptedField(_("why it was adjourned"), blank=True)
    by_video = models.BooleanField(_("testimony by video link"), default=False)
    witnesses_examined = models.PositiveSmallIntegerField(
        _("witnesses examined"), default=0, help_text=_("How many witnesses the court examined.")
    )
    next_on = models.DateField(_("next date"), null=True, blank=True)
    # On the next date she gives evidence: her caseworker and counsellor get
    # a task to prepare her (workflow.prepare_her).
    she_testifies_next = models.BooleanField(
        _("she gives evidence on the next date"), default=False
    )
    notes = EncryptedField(_("notes"), blank=True)

    access_paths = Trial.access_paths.through("trial")
    consent_category = Category.LEGAL
    survivor_path = "trial__case__victims"
    shown_on = "trial"

    class Meta:
        ordering = ["on", "pk"]
        indexes = [models.Index(fields=["trial", "on"])]

    def __str__(self):
        return f"H-{self.pk}"


class Judgment(PersonalDataModel):
    """The court's decision on one accused for one charge."""

    class Verdict(models.TextChoices):
        CONVICTED = "convicted", _("Convicted")
        ACQUITTED = "acquitted", _("Acquitted")
        DISCHARGED = "discharged", _("Discharged")

    class AcquittalReason(models.TextChoices):
        WITNESS_HOSTILE = "witness_hostile", _("Witness turned hostile")
        VICTIM_NOT_EXAMINED = "victim_not_examined", _("Victim not examined")
        BENEFIT_OF_DOUBT = "benefit_of_doubt", _("Benefit of doubt")
        COMPROMISE = "compromise", _("Compromise")
        INSUFFICIENT_EVIDENCE = "insufficient_evidence", _("Insufficient evidence")
        PROCEDURAL_LAPSE = "procedural_lapse", _("Procedural lapse")
        OTHER = "other", _("Other")

    trial = models.ForeignKey(Trial, on_delete=models.CASCADE, related_name="judgments")
    accused = models.ForeignKey(
        Accused, on_delete=models.PROTECT, related_name="judgments", verbose_name=_("accused")
    )
    section = models.ForeignKey(
        ChargedSection, on_delete=models.PROTECT, related_name="+", verbose_name=_("charge")
    )
    on = models.DateField(_("date of the judgment"))
    verdict = models.CharField(_("verdict"), max_length=10, choices=Verdict.choices)
    sentence = models.CharField(_("sentence"), max_length=200, blank=True)
    fine = models.PositiveIntegerField(_("fine (₹)"), null=True, blank=True)
    compensation_recommended = models.PositiveIntegerField(
        _("compensation recommended (₹)"), null=True, blank=True
    )
    acquittal_reason = models.CharField(
        _("reason for the acquittal"), max_length=24, choices=AcquittalReason.choices, blank=True
    )
    notes = EncryptedField(_("notes"), blank=True)

    access_paths = Trial.access_paths.through("trial")
    consent_category = Category.LEGAL
    survivor_path = "trial__case__victims"
    shown_on = "trial"

    class Meta:
        ordering = ["on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["accused", "section"], name="justice_judgment_once")
        ]

    def __str__(self):
        return f"J-{self.pk}"


class Appeal(PersonalDataModel):
    class By(models.TextChoices):
        STATE = "state", _("The state (prosecution)")
        ACCUSED = "accused", _("An accused")
        VICTIM = "victim", _("The victim")

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Pending")
        DISMISSED = "dismissed", _("Dismissed")
        ALLOWED = "allowed", _("Allowed")
        REMANDED = "remanded", _("Sent back for retrial")

    trial = models.ForeignKey(Trial, on_delete=models.CASCADE, related_name="appeals")
    by = models.CharField(_("appeal by"), max_length=8, choices=By.choices)
    court = models.CharField(_("appellate court"), max_length=200)
    filed_on = models.DateField(_("filed on"))
    outcome = models.CharField(
        _("outcome"), max_length=10, choices=Outcome.choices, default=Outcome.PENDING
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)

    access_paths = Trial.access_paths.through("trial")
    consent_category = Category.LEGAL
    survivor_path = "trial__case__victims"
    shown_on = "trial"

    class Meta:
        ordering = ["filed_on", "pk"]

    def __str__(self):
        return f"APL-{self.pk}"
