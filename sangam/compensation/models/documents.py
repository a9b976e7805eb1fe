"""Her documents and entitlements, recovered: Aadhaar, ration card, bank
account, caste and income certificates, and the schemes and benefits of the
state's entitlement catalogue (for herself or a member of her family),
applied for and issued, with the dates. Followed by the caseworker of an
agency serving her; the number, once issued, is encrypted and shown masked."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sangam.cases.models import Category
from sangam.core.access import AccessPaths
from sangam.core.crypto import EncryptedCharField, EncryptedField
from sangam.core.models import PersonalDataModel
from sangam.core.workflow import StatusEvent


class DocumentKind(models.TextChoices):
    AADHAAR = "aadhaar", _("Aadhaar")
    RATION_CARD = "ration_card", _("Ration card")
    BANK_ACCOUNT = "bank_account", _("Bank account (passbook)")
    CASTE_CERTIFICATE = "caste_certificate", _("Caste certificate")
    INCOME_CERTIFICATE = "income_certificate", _("Income certificate")
    BIRTH_CERTIFICATE = "birth_certificate", _("Birth certificate")
    VOTER_ID = "voter_id", _("Voter ID")
    ENTITLEMENT = "entitlement", _("An entitlement (a scheme or benefit)")
    OTHER = "other", _("Other")


class Beneficiary(models.TextChoices):
    HERSELF = "herself", _("Herself")
    FAMILY = "family", _("A member of her family")


class DocumentStatus(models.TextChoices):
    NEEDED = "needed", _("Needed")
    APPLIED = "applied", _("Applied")
    ISSUED = "issued", _("Issued")
    REFUSED = "refused", _("Refused")


class DocumentRecovery(PersonalDataModel):
    survivor = models.ForeignKey(
        "cases.Survivor",
        on_delete=models.PROTECT,
        related_name="document_recoveries",
        verbose_name=_("survivor"),
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("followed by"),
    )
    kind = models.CharField(_("document"), max_length=20, choices=DocumentKind.choices)
    other_kind = models.CharField(_("which document"), max_length=100, blank=True)
    # An entitlement: a code of the catalogue version in force where the
    # agency applies (kept, like a claim's scheme, with the version used).
    entitlement = models.CharField(_("entitlement"), max_length=20, blank=True)
    catalogue = models.ForeignKey(
        "compensation.EntitlementCatalogue",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    for_whom = models.CharField(
        _("for whom"), max_length=10, choices=Beneficiary.choices, default=Beneficiary.HERSELF
    )
    relation = models.CharField(
        _("relation to her"), max_length=60, blank=True, help_text=_("Mother, son, …")
    )
    office = models.CharField(
        _("applied at"), max_length=150, blank=True, help_text=_("The office or camp.")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=DocumentStatus.choices, default=DocumentStatus.NEEDED
    )
    status_reason = EncryptedField(_("reason"), blank=True)
    applied_on = models.DateField(_("applied on"), null=True, blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    number = EncryptedCharField(_("document number"), max_length=40, blank=True)

    access_paths = AccessPaths(
        owner="created_by",
        agency="agency",
        district="agency__district",
        state="agency__state",
        survivor_data=True,
        involvement="survivor__cases__agency",
        through_many=True,
    )
    consent_category = Category.IDENTITY
    survivor_path = "survivor"

    class Meta:
        ordering = ["survivor", "kind", "pk"]
        verbose_name_plural = _("document recoveries")

    def __str__(self):
        return f"D-{self.pk}"

    def get_absolute_url(self):
        return reverse("compensation:document", args=[self.pk])

    @property
    def what(self):
        """What is being recovered, in the reader's language."""
        if self.kind == DocumentKind.ENTITLEMENT:
            item = self.__dict__.get("entitlement_item")  # a list sets it (with_items)
            if item is None:
                from sangam.compensation.models.entitlements import EntitlementItem

                item = EntitlementItem.objects.filter(
                    version=self.catalogue_id, code=self.entitlement
                ).first()
            return item.local_label if item else self.entitlement
        if self.kind == DocumentKind.OTHER and self.other_kind:
            return self.other_kind
        return self.get_kind_display()

    @property
    def masked_number(self):
        """The last four characters only, as on a bank's screen."""
        if not self.number:
            return ""
        return "•" * max(len(self.number) - 4, 0) + self.number[-4:]


class DocumentEvent(StatusEvent):
    recovery = models.ForeignKey(DocumentRecovery, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=12, choices=DocumentStatus.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=DocumentStatus.choices)

    access_paths = DocumentRecovery.access_paths.through("recovery")
    consent_category = Category.IDENTITY
    survivor_path = "recovery__survivor"

    class Meta:
        ordering = ["at", "pk"]

    shown_on = "recovery"


def with_items(recoveries):
    """The recoveries, each entitlement with its catalogue row (one query)."""
    from sangam.compensation.models.entitlements import EntitlementItem

    recoveries = list(recoveries)
    versions = {r.catalogue_id for r in recoveries if r.catalogue_id}
    items = {
        (i.version_id, i.code): i for i in EntitlementItem.objects.filter(version__in=versions)
    }
    for r in recoveries:
        r.entitlement_item = items.get((r.catalogue_id, r.entitlement))
    return recoveries
