"""Candidate matches between the missing persons register and rescued or
found persons (survivors), waiting for a human to confirm or reject them;
and the restoration of a child confirmed found, through the CWC."""

from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sangam.core.access import AccessPaths
from sangam.core.models import EditConflict, PersonalDataModel


class LinkageModel(models.Model):
    """Parameters estimated by the last run over the whole registers; new
    records are scored with them as they arrive."""

    created_at = models.DateTimeField(auto_now_add=True)
    parameters = models.JSONField()
    missing_count = models.PositiveIntegerField()
    found_count = models.PositiveIntegerField()

    class Meta:
        ordering = ["-created_at"]
        get_latest_by = "created_at"

    def __str__(self):
        return f"Linkage model of {self.created_at:%Y-%m-%d %H:%M}"


class Review(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    CONFIRMED = "confirmed", _("Confirmed: same person")
    REJECTED = "rejected", _("Rejected: not the same person")


class ReviewedPair(PersonalDataModel):
    """Two records the engine scored as possibly one person, and what a
    human decided about them."""

    score = models.FloatField()
    # Comparison name -> level number reached (see matching/settings.py).
    levels = models.JSONField(default=dict)
    status = models.CharField(max_length=10, choices=Review.choices, default=Review.PENDING)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    def record_decision(self, status, reason, user):
        """Save a reviewer's decision; EditConflict if someone decided first
        (two reviewers on one pair: the later one must not overwrite)."""
        with transaction.atomic():
            current = (
                type(self)
                ._base_manager.select_for_update()
                .filter(pk=self.pk)
                .values_list("status", flat=True)
                .first()
            )
            if current != Review.PENDING:
                raise EditConflict(self._meta.label)
            self.status, self.reason, self.reviewed_by = status, reason, user
            self.reviewed_at = timezone.now()
            fields = ["status", "reason", "reviewed_by", "reviewed_at", "updated_at"]
            self.save(update_fields=fields)


class CandidateMatch(ReviewedPair):
    missing_person = models.ForeignKey(
        "prevention.MissingPerson", on_delete=models.CASCADE, related_name="candidates"
    )
    survivor = models.ForeignKey(
        "cases.Survivor", on_delete=models.CASCADE, related_name="missing_candidates"
    )
    rank = models.PositiveSmallIntegerField()

    # A reviewer reaches a candidate through either side's district: where
    # the person went missing, or where the survivor is served.
    access_paths = AccessPaths(
        owner="created_by",
        district=("missing_person__district", "survivor__cases__agency__district"),
        state=("missing_person__district__state", "survivor__cases__agency__state"),
        through_many=True,
    )

    class Meta:
        ordering = ["-score"]
        constraints = [
            models.UniqueConstraint(fields=["missing_person", "survivor"], name="candidate_once")
        ]
        indexes = [models.Index(fields=["status", "-score"])]

    def get_absolute_url(self):
        return reverse("matching:candidate", args=[self.pk])


class Restoration(PersonalDataModel):
    """The JJ Act path home for a child confirmed found: the CWC orders a
    home verification by the DCPU of the home district, decides on
    restoration, and the child is escorted home and followed up."""

    match = models.OneToOneField(CandidateMatch, on_delete=models.CASCADE)
    home_verification_ordered_on = models.DateField(
        _("home verification ordered"), null=True, blank=True
    )
    home_verification_report_on = models.DateField(
        _("home verification report received"), null=True, blank=True
    )
    family_contacted_on = models.DateField(_("family contacted"), null=True, blank=True)
    cwc_order_on = models.DateField(_("CWC order for restoration"), null=True, blank=True)
    cwc_order_reference = models.CharField(_("CWC order reference"), max_length=80, blank=True)
    escorted_on = models.DateField(_("escorted home"), null=True, blank=True)
    follow_up_on = models.DateField(_("follow-up visit at home"), null=True, blank=True)

    access_paths = AccessPaths(
        owner="created_by",
        district=(
            "match__missing_person__district",
            "match__survivor__cases__agency__district",
        ),
        state=(
            "match__missing_person__district__state",
            "match__survivor__cases__agency__state",
        ),
        through_many=True,
    )

    STEPS = (
        "home_verification_ordered_on",
        "home_verification_report_on",
        "family_contacted_on",
        "cwc_order_on",
        "escorted_on",
        "follow_up_on",
    )

    @property
    def next_step(self):
        for step in self.STEPS:
            if getattr(self, step) is None:
                return self._meta.get_field(step).verbose_name
        return None

    def get_absolute_url(self):
        return reverse("matching:restoration", args=[self.pk])


class SurvivorDuplicate(ReviewedPair):
    """Two survivor records, often at two agencies, that may be one person.
    Only a human merges them (matching/merge.py)."""

    first = models.ForeignKey(
        "cases.Survivor", on_delete=models.CASCADE, related_name="duplicate_candidates_first"
    )
    second = models.ForeignKey(
        "cases.Survivor", on_delete=models.CASCADE, related_name="duplicate_candidates_second"
    )

    # Supervisors of an agency serving either record; reviewers of either
    # record's district.
    access_paths = AccessPaths(
        owner="created_by",
        agency=("first__cases__agency", "second__cases__agency"),
        district=("first__cases__agency__district", "second__cases__agency__district"),
        state=("first__cases__agency__state", "second__cases__agency__state"),
        through_many=True,
    )

    class Meta:
        ordering = ["-score"]
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="duplicate_once"),
            models.CheckConstraint(
                condition=models.Q(first__lt=models.F("second")), name="duplicate_ordered"
            ),
        ]

    def get_absolute_url(self):
        return reverse("matching:duplicate", args=[self.pk])
