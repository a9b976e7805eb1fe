"""Bonded-labour release and rehabilitation (Bonded Labour System (Abolition)
Act 1976; Central Sector Scheme for Rehabilitation of Bonded Labourer 2016,
revamped 2021).

The scheme is reference data: each notified version with its categories,
amounts, the part kept in an annuity and the immediate-assistance limit. A
release case is the District Magistrate's (or SDM's) record: the inquiry
and prima facie order, the release certificate, the immediate assistance,
the category and amount under the version in force (recorded on the case),
and the letter to her native district when it is in another state. It
belongs to the district administration and is linked to the survivor's
record, which it shows only as far as her consent lets the reader see it.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sangam.cases.models import Category
from sangam.core.access import AccessPaths
from sangam.core.crypto import EncryptedField
from sangam.core.models import PersonalDataModel
from sangam.core.reference import ReferenceRow, ReferenceVersion
from sangam.core.workflow import StatusEvent


class BondedLabourScheme(ReferenceVersion):
    """One notified version of the Central Sector Scheme."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    immediate_assistance_limit = models.PositiveIntegerField(
        _("immediate assistance limit (₹)"),
        help_text=_("Paid by the District Magistrate at once, from the district's fund."),
    )

    class Meta:
        ordering = ["-in_force_from"]

    def check_rows(self):
        problems = scheme_problems(self)
        if problems:
            raise ValidationError(problems)

    @classmethod
    def in_force_on(cls, day):
        """The version in force on ``day`` (the latest to come into force), or None."""
        return cls.objects.in_force(day).order_by("-in_force_from").first()


class BondedLabourCategory(ReferenceRow):
    """A category of released bonded labourer and what the version pays her."""

    version = models.ForeignKey(
        BondedLabourScheme, on_delete=models.PROTECT, related_name="categories"
    )
    code = models.SlugField(_("code"), max_length=40)
    label = models.CharField(_("category"), max_length=200)
    who = models.TextField(_("who is in it"), blank=True)
    amount = models.PositiveIntegerField(_("rehabilitation assistance (₹)"))
    annuity_minimum = models.PositiveIntegerField(
        _("kept in an annuity, at least (₹)"),
        default=0,
        help_text=_("The rest is paid by direct benefit transfer into her bank account."),
    )

    class Meta:
        ordering = ["version", "amount", "code"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="bonded_category_once")
        ]

    def __str__(self):
        return self.label

    def clean(self):
        problems = row_problems(self)
        if problems:
            raise ValidationError(problems)


def row_problems(row):
    """What is inconsistent in one category row (taken by the historical
    models of migrations too)."""
    found = []
    if row.amount <= 0:
        found.append(_("%(row)s: the amount must be above zero.") % {"row": row.label})
    if row.annuity_minimum > row.amount:
        found.append(_("%(row)s: the annuity share is above the amount.") % {"row": row.label})
    return found


def scheme_problems(scheme):
    """What is inconsistent in a version and its rows: a version with them
    is refused (never published, never loaded)."""
    rows = list(scheme.categories.all())
    if not rows:
        return [_("A scheme version needs at least one category.")]
    found = [problem for row in rows for problem in row_problems(row)]
    codes = [row.code for row in rows]
    if len(set(codes)) != len(codes):
        found.append(_("Each category appears once in a version."))
    if scheme.immediate_assistance_limit > min(row.amount for row in rows):
        found.append(_("The immediate assistance limit is above the smallest category's amount."))
    if scheme.in_force_until and scheme.in_force_until < scheme.in_force_from:
        found.append(_("A version cannot end before it comes into force."))
    return found


class ReleaseStatus(models.TextChoices):
    INQUIRY = "inquiry", _("Inquiry")
    NOT_BONDED = "not_bonded", _("Not found to be bonded")
    PRIMA_FACIE = "prima_facie", _("Prima facie bonded")
    RELEASED = "released", _("Released (certificate issued)")
    PROPOSED = "proposed", _("Final assistance proposed")
    SANCTIONED = "sanctioned", _("Final assistance sanctioned")
    PAID = "paid", _("Final assistance paid")
    CLOSED = "closed", _("Closed")


class ConvictionStatus(models.TextChoices):
    NO_CASE = "no_case", _("No criminal case registered")
    INVESTIGATION = "investigation", _("Under investigation")
    TRIAL = "trial", _("On trial")
    CONVICTED = "convicted", _("Convicted")
    ACQUITTED = "acquitted", _("Acquitted")


class BondedLabourRelease(PersonalDataModel):
    agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        related_name="bonded_labour_releases",
        verbose_name=_("district administration"),
    )
    survivor = models.ForeignKey(
        "cases.Survivor",
        on_delete=models.PROTECT,
        related_name="bonded_labour_releases",
        verbose_name=_("survivor"),
    )
    scheme = models.ForeignKey(
        BondedLabourScheme,
        on_delete=models.PROTECT,
        related_name="releases",
        verbose_name=_("scheme version"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ReleaseStatus.choices, default=ReleaseStatus.INQUIRY
    )
    status_reason = EncryptedField(_("reason"), blank=True)

    # Identification and inquiry
    identified_on = models.DateField(_("identified or rescued on"))
    place_of_work = EncryptedField(
        _("where she was made to work"), blank=True, help_text=_("Kiln, farm, factory, house.")
    )
    employer = EncryptedField(_("employer or creditor"), blank=True)
    inquiry_started_on = models.DateField(_("inquiry started on"))
    inquiry_summary = EncryptedField(_("inquiry findings"), blank=True)
    prima_facie_on = models.DateField(_("prima facie order dated"), null=True, blank=True)
    prima_facie_order_number = models.CharField(_("order number"), max_length=60, blank=True)

    # Release certificate
    certificate_number = models.CharField(_("certificate number"), max_length=60, blank=True)
    certificate_issued_on = models.DateField(_("certificate issued on"), null=True, blank=True)
    certificate_officer = models.CharField(
        _("issued by (officer and designation)"), max_length=150, blank=True
    )

    # Immediate assistance, from the District Bonded Labour Rehabilitation Fund
    immediate_assistance_amount = models.PositiveIntegerField(
        _("immediate assistance (₹)"), null=True, blank=True
    )
    immediate_assistance_paid_on = models.DateField(
        _("immediate assistance paid on"), null=True, blank=True
    )

    # Final rehabilitation assistance, under the case's scheme version
    category = models.ForeignKey(
        BondedLabourCategory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("category"),
    )
    assistance_amount = models.PositiveIntegerField(
        _("rehabilitation assistance (₹)"), null=True, blank=True
    )
    annuity_amount = models.PositiveIntegerField(_("in an annuity (₹)"), null=True, blank=True)
    dbt_amount = models.PositiveIntegerField(
        _("by direct benefit transfer (₹)"), null=True, blank=True
    )
    conviction_status = models.CharField(
        _("criminal case"),
        max_length=20,
        choices=ConvictionStatus.choices,
        default=ConvictionStatus.NO_CASE,
    )
    # Her police case on Sangam; the reference as written when it is not there.
    criminal_case = models.ForeignKey(
        "justice.CriminalCase",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("her police case on Sangam"),
    )
    criminal_case_reference = models.CharField(
        _("FIR or court case number"),
        max_length=80,
        blank=True,
        help_text=_("When the case is not on Sangam."),
    )
    proposed_on = models.DateField(_("proposal sent on"), null=True, blank=True)
    sanctioned_on = models.DateField(_("sanctioned on"), null=True, blank=True)
    sanction_order_number = models.CharField(_("sanction order number"), max_length=60, blank=True)
    dbt_paid_on = models.DateField(_("DBT share paid on"), null=True, blank=True)
    annuity_deposited_on = models.DateField(_("annuity deposited on"), null=True, blank=True)

    # Her native district, when it is another state's: the letter to it
    native_district = models.ForeignKey(
        "geography.District",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("native district"),
    )
    native_letter_sent_on = models.DateField(
        _("letter to the native district sent on"), null=True, blank=True
    )
    native_letter_reference = models.CharField(_("letter reference"), max_length=60, blank=True)

    access_paths = AccessPaths(
        owner="created_by",
        agency="agency",
        district="agency__district",
        state="agency__state",
        survivor_data=True,
        # Caseworkers of the agencies serving her follow it, with her consent.
        involvement="survivor__cases__agency",
        through_many=True,
    )
    consent_category = Category.LEGAL
    survivor_path = "survivor"

    class Meta:
        ordering = ["-identified_on", "-pk"]
        indexes = [models.Index(fields=["agency", "status"])]

    def __str__(self):
        return f"BL-{self.pk}"

    def get_absolute_url(self):
        return reverse("compensation:release", args=[self.pk])

    @property
    def native_in_other_state(self):
        return bool(self.native_district_id) and (
            self.native_district.state_id != self.agency.state_id
        )

    @property
    def has_certificate(self):
        return bool(self.certificate_issued_on)


class BondedLabourEvent(StatusEvent):
    """One change of a release case's status: who, when, why. Never edited."""

    release = models.ForeignKey(
        BondedLabourRelease, on_delete=models.CASCADE, related_name="events"
    )
    from_status = models.CharField(max_length=20, choices=ReleaseStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=ReleaseStatus.choices)

    access_paths = BondedLabourRelease.access_paths.through("release")
    consent_category = Category.LEGAL
    survivor_path = "release__survivor"

    class Meta:
        ordering = ["at", "pk"]

    shown_on = "release"


class VigilanceCommitteeMeeting(PersonalDataModel):
    """A meeting of the district's (or a sub-division's) Vigilance Committee
    (s.13 of the Act): when, how many came, what it decided."""

    class Level(models.TextChoices):
        DISTRICT = "district", _("District")
        SUBDIVISION = "subdivision", _("Sub-division")

    agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("district administration"),
    )
    level = models.CharField(
        _("committee"), max_length=12, choices=Level.choices, default=Level.DISTRICT
    )
    subdivision = models.CharField(_("sub-division"), max_length=100, blank=True)
    held_on = models.DateField(_("held on"))
    members_present = models.PositiveSmallIntegerField(_("members present"))
    cases_reviewed = models.PositiveSmallIntegerField(_("cases reviewed"), default=0)
    # Minutes may name people: encrypted.
    decisions = EncryptedField(_("decisions"), blank=True)
    next_meeting_on = models.DateField(_("next meeting"), null=True, blank=True)

    access_paths = AccessPaths(
        owner="created_by", agency="agency", district="agency__district", state="agency__state"
    )

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return f"VC-{self.pk}"

    def get_absolute_url(self):
        return reverse("compensation:meeting", args=[self.pk])

    def clean(self):
        if self.level == self.Level.SUBDIVISION and not self.subdivision.strip():
            raise ValidationError({"subdivision": _("Name the sub-division.")})
        if self.next_meeting_on and self.held_on and self.next_meeting_on <= self.held_on:
            raise ValidationError({"next_meeting_on": _("The next meeting comes after this one.")})
