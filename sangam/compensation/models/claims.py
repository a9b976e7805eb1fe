"""A victim compensation claim: one survivor, one scheme version, from her
application (or the police's or a court's recommendation) to the money in
her bank account.

The claim belongs to the legal services authority that decides it and to
the agency that prepares it with her (the caseworker's). It is survivor
data of the "legal" category; what the authority sees of her case beyond
the claim (her identity, her account) follows her consent to its kind of
agency. A hand-over to another authority moves the claim, and with it who
sees it; the hand-over and every status change are kept.
"""

from datetime import timedelta

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sangam.cases.models import Category
from sangam.compensation.models.schemes import SchemeHarm, SchemeVersion
from sangam.core.access import AccessPaths
from sangam.core.crypto import EncryptedCharField, EncryptedField
from sangam.core.models import PersonalDataModel
from sangam.core.workflow import StatusEvent


class Status(models.TextChoices):
    DRAFT = "draft", _("Being prepared")
    FILED = "filed", _("Filed")
    INQUIRY = "inquiry", _("Under inquiry")
    AWARDED = "awarded", _("Awarded")
    PAID = "paid", _("Paid")
    REJECTED = "rejected", _("Rejected")
    APPEAL = "appeal", _("Under appeal or review")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    CLOSED = "closed", _("Closed")


# Claims an authority still has to decide: their clocks run.
PENDING = [Status.FILED, Status.INQUIRY, Status.APPEAL]


class Route(models.TextChoices):
    OWN = "own", _("Her own application")
    POLICE = "police", _("Recommendation of the police station")
    COURT = "court", _("Recommendation or order of a court")


class Basis(models.TextChoices):
    OFFENCE = "offence", _("District where the offence took place")
    RESIDENCE = "residence", _("District where she lives")


class AccountStatus(models.TextChoices):
    NONE = "none", _("No bank account")
    APPLIED = "applied", _("Account applied for")
    OPENED = "opened", _("Account opened")


class Certificate(models.TextChoices):
    NONE = "", _("None")
    POLICE = "police", _("Police officer's certificate")
    MAGISTRATE = "magistrate", _("Magistrate's certificate")


def _claim_paths(prefix=""):
    return AccessPaths(
        owner="created_by",
        agency=(f"{prefix}authority", f"{prefix}serving_agency"),
        district=(f"{prefix}authority__district", f"{prefix}serving_agency__district"),
        state=(f"{prefix}authority__state", f"{prefix}serving_agency__state"),
        survivor_data=True,
    )


class Claim(PersonalDataModel):
    survivor = models.ForeignKey(
        "cases.Survivor",
        on_delete=models.PROTECT,
        related_name="compensation_claims",
        verbose_name=_("survivor"),
    )
    case = models.ForeignKey(
        "cases.Case", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    serving_agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("prepared with"),
    )
    authority = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("deciding authority"),
    )
    scheme = models.ForeignKey(
        SchemeVersion, on_delete=models.PROTECT, related_name="+", verbose_name=_("scheme")
    )
    route = models.CharField(_("route"), max_length=10, choices=Route.choices, default=Route.OWN)
    basis = models.CharField(
        _("authority chosen by"), max_length=10, choices=Basis.choices, default=Basis.OFFENCE
    )
    district = models.ForeignKey(
        "geography.District",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("district of the offence or of her residence"),
    )
    # Her police case on Sangam, when there is one: the FIR and the sections
    # are copied from it (told once) rather than typed again.
    criminal_case = models.ForeignKey(
        "justice.CriminalCase",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("her police case on Sangam"),
    )
    offence = EncryptedField(_("offence"), blank=True)
    sections = models.CharField(_("sections of law"), max_length=300, blank=True)
    offence_date = models.DateField(_("date of the offence"), null=True, blank=True)
    fir_number = EncryptedCharField(_("FIR number"), max_length=60, blank=True)
    fir_date = models.DateField(_("FIR date"), null=True, blank=True)
    police_station = models.CharField(_("police station"), max_length=150, blank=True)
    age_at_application = models.PositiveSmallIntegerField(_("age"), null=True, blank=True)
    trafficking = models.BooleanField(_("victim of trafficking"), default=True)
    harms = models.ManyToManyField(
        SchemeHarm, blank=True, related_name="+", verbose_name=_("harms")
    )

    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    status_reason = EncryptedField(_("reason"), blank=True)
    applied_on = models.DateField(_("applied on"), null=True, blank=True)
    inquiry_due_on = models.DateField(_("inquiry due by"), null=True, blank=True)
    interim_due_on = models.DateField(_("interim relief due by"), null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)

    interim_requested_on = models.DateField(_("interim relief asked for on"), null=True, blank=True)
    interim_certificate = models.CharField(
        _("certificate"), max_length=12, choices=Certificate.choices, blank=True
    )
    interim_ordered_on = models.DateField(_("interim relief ordered on"), null=True, blank=True)
    interim_order_number = models.CharField(_("interim order number"), max_length=60, blank=True)
    interim_amount = models.PositiveIntegerField(_("interim relief (₹)"), null=True, blank=True)

    # A trial court's recommendation (BNSS 396(2)-(3)): the authority
    # decides the amount; set from the judgment on her police case.
    court_recommended_amount = models.PositiveIntegerField(
        _("compensation the court recommended (₹)"), null=True, blank=True
    )
    court_recommended_on = models.DateField(_("recommended on"), null=True, blank=True)

    award_amount = models.PositiveIntegerField(_("amount awarded (₹)"), null=True, blank=True)
    award_order_number = models.CharField(_("order number"), max_length=60, blank=True)
    award_order_date = models.DateField(_("order date"), null=True, blank=True)
    award_reason = EncryptedField(_("reason for an amount outside the scheme's range"), blank=True)

    account_status = models.CharField(
        _("bank account"), max_length=10, choices=AccountStatus.choices, default="none"
    )
    account_applied_on = models.DateField(_("account applied for on"), null=True, blank=True)
    account_opened_on = models.DateField(_("account opened on"), null=True, blank=True)
    account_pmjdy = models.BooleanField(_("Jan Dhan (PMJDY) account"), default=False)
    bank_name = models.CharField(_("bank and branch"), max_length=150, blank=True)
    account_number = EncryptedCharField(_("account number"), max_length=30, blank=True)

    access_paths = _claim_paths()
    consent_category = Category.LEGAL
    survivor_path = "survivor"

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["authority", "status"]),
            models.Index(fields=["serving_agency", "status"]),
            models.Index(fields=["status", "inquiry_due_on"]),
        ]

    def __str__(self):
        return f"VC-{self.pk}"

    def get_absolute_url(self):
        return reverse("compensation:claim", args=[self.pk])

    @property
    def is_pending(self):
        return self.status in PENDING

    def is_past_inquiry_limit(self, today=None):
        today = today or timezone.localdate()
        return self.is_pending and self.inquiry_due_on is not None and self.inquiry_due_on < today

    @property
    def masked_account(self):
        number = self.account_number or ""
        return "•" * max(len(number) - 4, 0) + number[-4:] if number else ""

    def start_clocks(self, applied_on):
        """The application's date starts the scheme's clocks: interim relief is
        due on receipt, the inquiry within the version's limit."""
        self.applied_on = applied_on
        self.interim_due_on = applied_on
        self.inquiry_due_on = applied_on + timedelta(days=self.scheme.inquiry_days)


class ClaimEvent(StatusEvent):
    """One change of a claim's status (or its hand-over): who, when, why."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=12, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=Status.choices)

    access_paths = _claim_paths("claim__")
    consent_category = Category.LEGAL
    survivor_path = "claim__survivor"

    class Meta:
        ordering = ["at", "pk"]

    # No page of its own: shown on its claim's page (the contract tests probe that).
    shown_on = "claim"


class ClaimDocument(PersonalDataModel):
    """One line of the documents checklist."""

    class Kind(models.TextChoices):
        FIR = "fir", _("FIR or complaint copy")
        MEDICAL = "medical", _("Medical report")
        AGE = "age", _("Age proof")
        IDENTITY = "identity", _("Proof of identity")
        PASSBOOK = "passbook", _("Bank passbook")
        COURT = "court", _("Court order or judgment")

    class State(models.TextChoices):
        MISSING = "missing", _("Not yet asked for")
        REQUESTED = "requested", _("Requested")
        HELD = "held", _("Held")
        NOT_NEEDED = "not_needed", _("Not needed")

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("document"), max_length=10, choices=Kind.choices)
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default="missing")
    on = models.DateField(_("date"), null=True, blank=True)
    asked_whom = models.CharField(
        _("asked whom"),
        max_length=150,
        blank=True,
        help_text=_("The office asked for it, e.g. the police station or the hospital."),
    )

    access_paths = _claim_paths("claim__")
    consent_category = Category.LEGAL
    survivor_path = "claim__survivor"

    class Meta:
        ordering = ["claim", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "kind"], name="claim_document_once")
        ]

    def __str__(self):
        return self.get_kind_display()

    shown_on = "claim"


class ClaimPayment(PersonalDataModel):
    """Money paid on a claim: interim relief, an instalment of the award, or
    the share the scheme keeps in a fixed deposit."""

    class Kind(models.TextChoices):
        INTERIM = "interim", _("Interim relief")
        AWARD = "award", _("Award (instalment)")
        FIXED_DEPOSIT = "fixed_deposit", _("Fixed deposit")

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="payments")
    kind = models.CharField(_("payment"), max_length=14, choices=Kind.choices)
    amount = models.PositiveIntegerField(_("amount (₹)"))
    paid_on = models.DateField(_("paid on"))
    reference = EncryptedCharField(_("transaction reference"), max_length=60, blank=True)
    matures_on = models.DateField(_("deposit matures on"), null=True, blank=True)

    access_paths = _claim_paths("claim__")
    consent_category = Category.LEGAL
    survivor_path = "claim__survivor"

    class Meta:
        ordering = ["paid_on", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.amount}"

    shown_on = "claim"


class ClaimHandover(PersonalDataModel):
    """A claim handed to another authority (another state's, often): both
    authorities keep this record; only the new one sees the claim."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="handovers")
    from_authority = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="+"
    )
    to_authority = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("hand over to"),
    )
    reason = EncryptedField(_("reason"))
    at = models.DateTimeField(default=timezone.now)

    access_paths = AccessPaths(
        owner="created_by",
        agency=("from_authority", "to_authority", "claim__serving_agency"),
        district=("from_authority__district", "to_authority__district"),
        state=("from_authority__state", "to_authority__state"),
    )

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"Hand-over {self.pk}"

    shown_on = "claim"
