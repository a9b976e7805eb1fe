"""Witness protection (Witness Protection Scheme 2018): an application per
witness in a criminal case (the survivor or a family member of hers) to the
district standing committee, the police Threat Analysis Report, interim
protection, the committee's order with its measures and reviews, and the
incidents and breaches reported while it runs.

An application is read by the committee it is made to, the police unit that
prepares the threat report and carries out the order, the case's
prosecution and the agency that helped her file it; nobody else (404). The
relocated address is a record of its own, read by the committee and the
police unit only, every read audited, and in no export.
"""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sangam.core.access import AccessPaths
from sangam.core.crypto import EncryptedCharField, EncryptedField
from sangam.core.models import PersonalDataModel
from sangam.core.workflow import StatusEvent


class ThreatCategory(models.TextChoices):
    A = "A", _("A: danger to the life of the witness or her family")
    B = "B", _("B: danger to safety, reputation or property")
    C = "C", _("C: moderate threat: harassment or intimidation")


class Measure(models.TextChoices):
    IDENTITY = "identity", _("Identity concealed")
    ESCORT = "escort", _("Escort or police protection")
    RELOCATION = "relocation", _("Relocation")
    PHONE = "phone", _("Phone number changed")
    IN_CAMERA = "in_camera", _("Testimony in camera")
    VIDEO = "video", _("Testimony by video link")
    MONITORING = "monitoring", _("Mail and calls monitored")


class ProtectionStatus(models.TextChoices):
    APPLIED = "applied", _("Awaiting the threat report")
    REPORTED = "reported", _("Awaiting the committee's decision")
    GRANTED = "granted", _("Protection ordered")
    REFUSED = "refused", _("Refused")
    ENDED = "ended", _("Ended")


APPLICATION_PATHS = AccessPaths(
    owner="created_by",
    agency=("committee", "police_unit", "filed_by", "case__prosecution"),
    district="committee__district",
    state="committee__state",
)


class ProtectionApplication(PersonalDataModel):
    class Witness(models.TextChoices):
        SURVIVOR = "survivor", _("The survivor herself")
        FAMILY = "family", _("A member of her family")

    class Through(models.TextChoices):
        DIRECT = "direct", _("Directly to the committee")
        TRIAL_COURT = "trial_court", _("Through the trial court")
        PRISON = "prison", _("Through the prison superintendent")

    case = models.ForeignKey(
        "justice.CriminalCase",
        on_delete=models.PROTECT,
        related_name="protection_applications",
        verbose_name=_("police case"),
    )
    survivor = models.ForeignKey(
        "cases.Survivor", on_delete=models.PROTECT, related_name="+", verbose_name=_("survivor")
    )
    witness = models.CharField(_("witness"), max_length=10, choices=Witness.choices)
    witness_name = EncryptedCharField(
        _("witness's name"), max_length=200, blank=True, help_text=_("A family member's name.")
    )
    relation = models.CharField(_("relation to her"), max_length=40, blank=True)
    committee = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="+", verbose_name=_("committee")
    )
    police_unit = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("police unit"),
        help_text=_("Prepares the threat report and carries out the order."),
    )
    filed_by = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("filed with the help of"),
    )
    through = models.CharField(_("made"), max_length=12, choices=Through.choices)
    applied_on = models.DateField(_("applied on"))
    category_sought = models.CharField(
        _("threat category sought"), max_length=1, choices=ThreatCategory.choices
    )
    measures_sought = models.JSONField(_("measures sought"), default=list, blank=True)
    status = models.CharField(
        max_length=10, choices=ProtectionStatus.choices, default=ProtectionStatus.APPLIED
    )
    interim_on = models.DateField(_("interim protection ordered on"), null=True, blank=True)
    interim_measures = models.JSONField(_("interim measures"), default=list, blank=True)
    threat_report_on = models.DateField(_("threat report received on"), null=True, blank=True)
    category_found = models.CharField(
        _("threat category found"), max_length=1, choices=ThreatCategory.choices, blank=True
    )
    threat_report = EncryptedField(_("threat report: findings and measures suggested"), blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    order_reference = models.CharField(_("order number"), max_length=60, blank=True)
    measures = models.JSONField(_("measures ordered"), default=list, blank=True)
    review_on = models.DateField(_("next review by"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)

    access_paths = APPLICATION_PATHS

    class Meta:
        ordering = ["-applied_on", "-pk"]
        indexes = [models.Index(fields=["committee", "status"])]

    def __str__(self):
        return f"WP-{self.pk}"

    @property
    def review_due(self):
        """The order's review date has come (the queue and the application's
        page both say so)."""
        return (
            self.status == ProtectionStatus.GRANTED
            and self.review_on is not None
            and self.review_on <= timezone.localdate()
        )

    def get_absolute_url(self):
        return reverse("justice:protection", args=[self.pk])

    def measure_labels(self, field="measures"):
        labels = dict(Measure.choices)
        return [labels.get(m, m) for m in getattr(self, field)]


class ProtectionEvent(StatusEvent):
    application = models.ForeignKey(
        ProtectionApplication, on_delete=models.CASCADE, related_name="events"
    )
    access_paths = APPLICATION_PATHS.through("application")
    shown_on = "application"

    class Meta(StatusEvent.Meta):
        pass

    def __str__(self):
        return f"{self.application_id}: {self.to_status}"


class ProtectionIncident(PersonalDataModel):
    """A threat, an approach or a breach of the order, reported while an
    application is open or an order runs; the committee reviews it."""

    class Kind(models.TextChoices):
        THREAT = "threat", _("Threat received")
        APPROACH = "approach", _("Approached or pressed to turn hostile")
        BREACH = "breach", _("Order breached")
        OTHER = "other", _("Other")

    application = models.ForeignKey(
        ProtectionApplication, on_delete=models.CASCADE, related_name="incidents"
    )
    kind = models.CharField(_("what happened"), max_length=10, choices=Kind.choices)
    occurred_on = models.DateField(_("on"))
    details = EncryptedField(_("details"))

    access_paths = APPLICATION_PATHS.through("application")
    shown_on = "application"

    class Meta:
        ordering = ["-occurred_on", "-pk"]

    def __str__(self):
        return self.get_kind_display()


class Relocation(PersonalDataModel):
    """Where a relocated witness lives now: the most sensitive datum Sangam
    holds. Only the committee and the police unit carrying out the order
    may read it (their grants and these paths), each read audited; no
    export, list or notification carries it."""

    application = models.OneToOneField(
        ProtectionApplication, on_delete=models.CASCADE, related_name="relocation"
    )
    address = EncryptedField(_("relocated address"))
    since = models.DateField(_("living there since"))

    access_paths = AccessPaths(
        owner=None,
        agency=("application__committee", "application__police_unit"),
        district="application__committee__district",
        state="application__committee__state",
    )
    shown_on = "application"

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"WP-{self.application_id}"
