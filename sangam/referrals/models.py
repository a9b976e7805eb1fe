"""Closed-loop referrals: a person's need sent to a service, followed to its outcome.

Statuses follow HL7 FHIR Task (used by closed-loop referral networks). A referral
itself names no one: it carries the sender's case reference and the minimum
needed to match a service (age, sex, language, need), never a name or
contact. When it comes from a survivor's case it is linked to her record,
which the receiving agency sees only as far as her consent to its kind of
agency allows (identity, account, contact), and not at all once revoked.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sangam.core.access import AccessPaths
from sangam.core.crypto import EncryptedField
from sangam.core.models import PersonalDataModel
from sangam.core.vocabulary import Sex
from sangam.core.workflow import StatusEvent

BOTH_SIDES = AccessPaths(
    owner="created_by",
    agency=("sender_agency", "receiver_agency"),
    district=("sender_agency__district", "receiver_agency__district"),
    state=("sender_agency__state", "receiver_agency__state"),
    assignment="assigned_to",
)


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REQUESTED = "requested", _("Requested")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")
    IN_PROGRESS = "in-progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Cancelled")
    ON_HOLD = "on-hold", _("On hold")


OPEN = [Status.REQUESTED, Status.ACCEPTED, Status.IN_PROGRESS, Status.ON_HOLD]
CLOSED = [Status.REJECTED, Status.COMPLETED, Status.FAILED, Status.CANCELLED]


class Referral(PersonalDataModel):
    sender_agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        related_name="referrals_sent",
        verbose_name=_("referring agency"),
    )
    service = models.ForeignKey(
        "directory.Service",
        on_delete=models.PROTECT,
        related_name="referrals",
        verbose_name=_("service"),
    )
    # Set when the service's organization is an agency on Sangam (internal
    # referral); empty for an external referral, tracked by the sender.
    receiver_agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals_received",
        verbose_name=_("receiving agency"),
    )
    # The survivor this referral is about, when it comes from her case. The
    # receiving agency sees her record only as far as her consent allows.
    survivor = models.ForeignKey(
        "cases.Survivor",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("survivor"),
    )
    person_reference = models.CharField(
        _("case reference"),
        max_length=40,
        help_text=_("Your own case number. Never a name."),
    )
    need = models.ForeignKey(
        "directory.TaxonomyTerm",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("need"),
    )
    need_summary = EncryptedField(
        _("what is needed"),
        blank=True,
        help_text=_("What the person needs from this service. No names or contact details."),
    )
    person_age = models.PositiveSmallIntegerField(_("age"), null=True, blank=True)
    person_sex = models.CharField(_("sex"), max_length=12, choices=Sex.choices, blank=True)
    person_language = models.CharField(_("language"), max_length=10, blank=True)
    urgent = models.BooleanField(_("urgent"), default=False)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    status_reason = EncryptedField(_("reason"), blank=True)
    outcome = EncryptedField(_("outcome"), blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("handled by"),
    )
    requested_at = models.DateTimeField(null=True, blank=True)
    due_at = models.DateTimeField(_("respond by"), null=True, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)
    last_reminded_at = models.DateTimeField(null=True, blank=True)

    access_paths = BOTH_SIDES

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["receiver_agency", "status"]),
            models.Index(fields=["sender_agency", "status"]),
            models.Index(fields=["status", "due_at"]),
        ]

    def __str__(self):
        return f"R-{self.pk}"

    @property
    def is_external(self):
        return self.receiver_agency_id is None

    @property
    def is_overdue(self):
        return (
            self.status == Status.REQUESTED
            and self.due_at is not None
            and self.due_at < timezone.now()
        )

    def get_absolute_url(self):
        return reverse("referrals:detail", args=[self.pk])


class ReferralEvent(StatusEvent):
    """One change of a referral's status: who, when, why. Never edited."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=12, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=Status.choices)

    access_paths = AccessPaths(
        owner="created_by",
        agency=("referral__sender_agency", "referral__receiver_agency"),
        district=("referral__sender_agency__district", "referral__receiver_agency__district"),
        state=("referral__sender_agency__state", "referral__receiver_agency__state"),
    )

    class Meta:
        ordering = ["at", "pk"]

    # No page of its own: shown on its referral's page (the contract tests probe that).
    shown_on = "referral"


def add_working_days(start, days):
    """``start`` plus ``days`` working days (Monday–Friday)."""
    current = start
    while days > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            days -= 1
    return current
