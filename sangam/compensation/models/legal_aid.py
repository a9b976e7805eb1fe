"""Free legal aid (Legal Services Authorities Act 1987, s.12): her
application to the District or State Legal Services Authority, the panel
lawyer it assigns, and where it stands.

Prepared by the caseworker of an agency serving her (or filed at the
authority's own desk) and decided by the authority's legal services
officer; both agencies see it, others only with her consent."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sangam.cases.models import Category
from sangam.core.access import AccessPaths
from sangam.core.crypto import EncryptedField
from sangam.core.models import PersonalDataModel
from sangam.core.workflow import StatusEvent


class LegalAidStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    LAWYER_ASSIGNED = "lawyer_assigned", _("Panel lawyer assigned")
    CLOSED = "closed", _("Closed")
    REFUSED = "refused", _("Refused")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class LegalAidApplication(PersonalDataModel):
    class Ground(models.TextChoices):
        TRAFFICKING = "12b", _("s.12(b): victim of trafficking or begar")
        PROTECTIVE_HOME = "12g", _("s.12(g): in custody in a protective home")
        WOMAN_OR_CHILD = "12c", _("s.12(c): a woman or a child")
        OTHER = "other", _("Another ground of s.12")

    class Matter(models.TextChoices):
        CRIMINAL = "criminal", _("The criminal case, as the victim")
        COMPENSATION = "compensation", _("Victim compensation")
        BONDED_LABOUR = "bonded_labour", _("Bonded labour release and wages")
        FAMILY = "family", _("Family, maintenance or custody")
        OTHER = "other", _("Other")

    survivor = models.ForeignKey(
        "cases.Survivor",
        on_delete=models.PROTECT,
        related_name="legal_aid_applications",
        verbose_name=_("survivor"),
    )
    authority = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        related_name="legal_aid_received",
        verbose_name=_("legal services authority"),
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        related_name="legal_aid_prepared",
        verbose_name=_("prepared by"),
    )
    ground = models.CharField(
        _("ground"), max_length=8, choices=Ground.choices, default=Ground.TRAFFICKING
    )
    matter = models.CharField(_("for"), max_length=20, choices=Matter.choices)
    details = EncryptedField(
        _("what she needs a lawyer for"), blank=True, help_text=_("Court, case number, next date.")
    )
    applied_on = models.DateField(_("applied on"))
    status = models.CharField(
        _("status"), max_length=20, choices=LegalAidStatus.choices, default=LegalAidStatus.APPLIED
    )
    status_reason = EncryptedField(_("reason"), blank=True)
    panel_lawyer = models.CharField(_("panel lawyer"), max_length=150, blank=True)
    panel_lawyer_phone = models.CharField(
        _("panel lawyer's office phone"), max_length=20, blank=True
    )
    assigned_on = models.DateField(_("lawyer assigned on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    access_paths = AccessPaths(
        owner="created_by",
        agency=("agency", "authority"),
        district=("agency__district", "authority__district"),
        state=("agency__state", "authority__state"),
        survivor_data=True,
        involvement="survivor__cases__agency",
        through_many=True,
    )
    consent_category = Category.LEGAL
    survivor_path = "survivor"

    class Meta:
        ordering = ["-applied_on", "-pk"]
        indexes = [models.Index(fields=["authority", "status"])]

    def __str__(self):
        return f"LA-{self.pk}"

    def get_absolute_url(self):
        return reverse("compensation:legal_aid", args=[self.pk])

    def clean(self):
        if self.assigned_on and self.applied_on and self.assigned_on < self.applied_on:
            raise ValidationError(
                {"assigned_on": _("A lawyer cannot be assigned before the application.")}
            )


class LegalAidEvent(StatusEvent):
    application = models.ForeignKey(
        LegalAidApplication, on_delete=models.CASCADE, related_name="events"
    )
    from_status = models.CharField(max_length=20, choices=LegalAidStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=LegalAidStatus.choices)

    access_paths = LegalAidApplication.access_paths.through("application")
    consent_category = Category.LEGAL
    survivor_path = "application__survivor"

    class Meta:
        ordering = ["at", "pk"]

    shown_on = "application"
