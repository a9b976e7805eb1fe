"""Accused networks and proceeds: police and prosecution records only.

An accused record's names, phones and vehicles are kept as keyed digests
(``NetworkKey``), searchable and not reversible, so that the engine
(justice/networks.py) can propose links between accused in different cases,
and to recruiters in the registry, without decrypting a million names.
A link is proposed by Sangam and confirmed or rejected by an officer, as a
candidate match is; only confirmed links make the network of a case.

Proceeds are the accounts and property attached for confiscation.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sangam.core.access import AccessPaths
from sangam.core.crypto import EncryptedField
from sangam.core.models import PersonalDataModel
from sangam.justice.models.cases import CASE_AGENCIES, Accused, CriminalCase, _case_paths
from sangam.matching.models import ReviewedPair


class KeyKind(models.TextChoices):
    NAME = "name", _("Same name or alias, in any script")
    PHONE = "phone", _("Same phone number")
    VEHICLE = "vehicle", _("Same vehicle")


class NetworkKey(models.Model):
    """One keyed digest of an accused person's (or a registry recruiter's)
    name, phone or vehicle. Not personal data: the digest cannot be read
    back without the blind-index key, and it is never shown."""

    accused = models.ForeignKey(
        Accused, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # Denormalised so that the join never pairs two accused of one case.
    case = models.ForeignKey(
        CriminalCase, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    recruiter = models.ForeignKey(
        "prevention.Recruiter", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=8, choices=KeyKind.choices)
    digest = models.CharField(max_length=32)

    class Meta:
        indexes = [models.Index(fields=["digest"]), models.Index(fields=["accused"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(accused__isnull=False, recruiter__isnull=True)
                | models.Q(accused__isnull=True, recruiter__isnull=False),
                name="justice_network_key_one_holder",
            )
        ]

    def __str__(self):
        return f"{self.kind} key"


def _both_sides():
    """An officer of either case's agencies reaches a link."""
    agencies = tuple(f"{side}__case__{p}" for side in ("accused", "other") for p in CASE_AGENCIES)
    districts = tuple(
        f"{side}__case__{p}__district"
        for side in ("accused", "other")
        for p in ("police_station", "ahtu")
    )
    return AccessPaths(owner="created_by", agency=agencies, district=districts)


class AccusedLink(ReviewedPair):
    """Two accused in different cases, or an accused and a recruiter in the
    registry, that the engine found sharing a phone, a name or a vehicle.
    ``levels`` holds how many keys of each kind they share."""

    accused = models.ForeignKey(Accused, on_delete=models.CASCADE, related_name="links")
    other = models.ForeignKey(
        Accused, null=True, blank=True, on_delete=models.CASCADE, related_name="links_in"
    )
    recruiter = models.ForeignKey(
        "prevention.Recruiter",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="accused_links",
    )

    access_paths = _both_sides()

    class Meta:
        ordering = ["-score", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["accused", "other"],
                condition=models.Q(other__isnull=False),
                name="justice_accused_link_once",
            ),
            models.UniqueConstraint(
                fields=["accused", "recruiter"],
                condition=models.Q(recruiter__isnull=False),
                name="justice_recruiter_link_once",
            ),
            models.CheckConstraint(
                condition=models.Q(other__isnull=False, recruiter__isnull=True)
                | models.Q(other__isnull=True, recruiter__isnull=False),
                name="justice_accused_link_one_other",
            ),
        ]
        indexes = [models.Index(fields=["status", "-score"])]

    def __str__(self):
        return f"L-{self.pk}"

    def get_absolute_url(self):
        return reverse("justice:accused", args=[self.accused_id]) + f"#link-{self.pk}"

    @property
    def evidence(self):
        """The kinds of key shared, as labels."""
        return [KeyKind(k).label for k in KeyKind.values if self.levels.get(k)]


class Proceeds(PersonalDataModel):
    """An account or property attached as proceeds of the crime, for
    confiscation; what the court later ordered."""

    class Kind(models.TextChoices):
        ACCOUNT = "account", _("Bank account")
        PROPERTY = "property", _("Land or building")
        VEHICLE = "vehicle", _("Vehicle")
        CASH = "cash", _("Cash")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        ATTACHED = "attached", _("Attached")
        CONFISCATED = "confiscated", _("Confiscated by order of the court")
        RELEASED = "released", _("Released")

    case = models.ForeignKey(CriminalCase, on_delete=models.CASCADE, related_name="proceeds")
    accused = models.ForeignKey(
        Accused,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proceeds",
        verbose_name=_("held by"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    description = EncryptedField(
        _("description"), help_text=_("Account number and bank, or where the property is.")
    )
    value = models.PositiveBigIntegerField(_("estimated value (₹)"), null=True, blank=True)
    attached_on = models.DateField(_("attached on"))
    order = models.CharField(
        _("attachment order"),
        max_length=120,
        help_text=_("The order's number and the provision it was made under."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.ATTACHED
    )
    status_on = models.DateField(_("status since"), null=True, blank=True)

    access_paths = _case_paths("case__")

    class Meta:
        ordering = ["attached_on", "pk"]
        verbose_name_plural = _("proceeds")

    def __str__(self):
        return f"P-{self.pk}"

    def get_absolute_url(self):
        return reverse("justice:proceeds", args=[self.pk])
