"""Victim compensation schemes as versioned reference data (core/reference.py).

Each state notifies its own scheme under BNSS s.396; until a state's own
version is entered, NALSA's 2018 scheme (a version with no state) is the one
in force for it. The Central Victim Compensation Fund's floor for victims of
trafficking is a version of its own kind. Amounts are whole rupees.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sangam.core.models import VersionedModel
from sangam.core.reference import ReferenceRow, ReferenceVersion


class Authority(models.TextChoices):
    DLSA = "dlsa", _("District Legal Services Authority")
    SLSA = "slsa", _("State Legal Services Authority")
    DEPARTMENT = "department", _("A state department")


class SchemeVersion(ReferenceVersion, VersionedModel):
    # VersionedModel: two officers editing one draft (or one publishing while
    # the other adds a harm) conflict instead of overwriting each other.

    class Kind(models.TextChoices):
        VICTIM = "victim", _("Victim compensation scheme")
        CVCF = "cvcf", _("Central Victim Compensation Fund floor")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.VICTIM)
    # Empty: national (NALSA 2018, the CVCF), in force wherever a state has none.
    state = models.ForeignKey(
        "geography.State",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("state"),
    )
    sanctioned_by = models.CharField(
        _("sanctioning authority"), max_length=12, choices=Authority.choices, default="dlsa"
    )
    minor_age = models.PositiveSmallIntegerField(
        _("minor below age"), default=18, help_text=_("The uplift applies below this age.")
    )
    minor_uplift_percent = models.PositiveSmallIntegerField(_("uplift for a minor (%)"), default=0)
    interim_min = models.PositiveIntegerField(_("interim relief from (₹)"), default=0)
    interim_max = models.PositiveIntegerField(_("interim relief up to (₹)"), default=0)
    interim_share_percent = models.PositiveSmallIntegerField(
        _("interim relief must reach (per cent of the maximum)"), default=0
    )
    inquiry_days = models.PositiveSmallIntegerField(_("inquiry to end within (days)"), default=60)
    fixed_deposit_percent = models.PositiveSmallIntegerField(
        _("share kept in a fixed deposit (%)"), default=0
    )

    class Meta:
        ordering = ["state__name", "-in_force_from", "pk"]

    def get_absolute_url(self):
        return reverse("compensation:scheme", args=[self.pk])

    @classmethod
    def for_state(cls, state, on=None):
        """The victim scheme in force in ``state`` on ``on``: its own, else the national one."""
        in_force = cls.objects.in_force(on).filter(kind=cls.Kind.VICTIM)
        own = in_force.filter(state=state).order_by("-in_force_from").first()
        return own or in_force.filter(state__isnull=True).order_by("-in_force_from").first()

    @classmethod
    def cvcf(cls, on=None):
        return (
            cls.objects.in_force(on)
            .filter(kind=cls.Kind.CVCF)
            .order_by("-in_force_from")
            .prefetch_related("harms")
            .first()
        )

    def uplifted(self, amount, age):
        if amount is None or age is None or age >= self.minor_age:
            return amount
        return amount + amount * self.minor_uplift_percent // 100

    def clean(self):
        super().clean()
        errors = {}
        if self.interim_min > self.interim_max:
            errors["interim_max"] = _("The interim relief cannot end below where it starts.")
        for field in ("interim_share_percent", "fixed_deposit_percent"):
            if getattr(self, field) > 100:
                errors[field] = _("A share is at most 100%.")
        if self.pk and self.interim_max:
            below = self.harms.filter(max_amount__lt=self.interim_max).first()
            if below is not None:
                errors["interim_max"] = _(
                    "The interim relief is above the maximum for “%(harm)s”."
                ) % {"harm": below.label}
        if errors:
            raise ValidationError(errors)

    def check_rows(self):
        if not self.harms.exists():
            raise ValidationError(_("A scheme needs at least one harm with its amounts."))
        for harm in self.harms.all():
            harm.full_clean()


class SchemeHarm(ReferenceRow):
    """One row of a scheme's schedule: a harm and its amounts."""

    version = models.ForeignKey(SchemeVersion, on_delete=models.CASCADE, related_name="harms")
    code = models.SlugField(_("code"), max_length=40)
    label = models.CharField(_("harm"), max_length=200)
    min_amount = models.PositiveIntegerField(_("minimum (₹)"))
    max_amount = models.PositiveIntegerField(
        _("maximum (₹)"), null=True, blank=True, help_text=_("Empty when the scheme sets none.")
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["version", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="scheme_harm_code_once")
        ]

    def __str__(self):
        return self.label

    def clean(self):
        errors = {}
        if self.max_amount is not None and self.min_amount > self.max_amount:
            errors["max_amount"] = _("The maximum cannot be below the minimum.")
        version = getattr(self, "version", None)
        if (
            not errors
            and version is not None
            and self.max_amount is not None
            and version.interim_max > self.max_amount
        ):
            errors["max_amount"] = _("The maximum is below the scheme's interim relief.")
        if errors:
            raise ValidationError(errors)
