"""The catalogue of entitlements a survivor and her family (and a household
in a source village) may be linked to: ration card, pensions, housing,
MGNREGS, e-Shram and the rest, kept as versioned reference data per state.
A version without a state is the national list every state uses until its
own is entered; the first is the list prevention's household register kept
in code. Labels are data too, with their translations ("labels")."""

from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from sangam.core.reference import ReferenceRow, ReferenceVersion


class EntitlementCatalogue(ReferenceVersion):
    code = models.SlugField(_("code"), max_length=60, unique=True)
    state = models.ForeignKey(
        "geography.State",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("state"),
        help_text=_("Empty for the national list, used where a state has none of its own."),
    )

    class Meta:
        ordering = ["state", "-in_force_from"]

    @classmethod
    def in_force_for(cls, state_id, on=None):
        """The state's own version in force, else the national one (or None)."""
        versions = cls.objects.in_force(on).filter(Q(state_id=state_id) | Q(state__isnull=True))
        return versions.order_by(models.F("state").desc(nulls_last=True), "-in_force_from").first()


class EntitlementItem(ReferenceRow):
    version = models.ForeignKey(
        EntitlementCatalogue, on_delete=models.PROTECT, related_name="items"
    )
    code = models.SlugField(_("code"), max_length=20)
    label = models.CharField(_("entitlement"), max_length=150)
    labels = models.JSONField(_("in other languages"), default=dict, blank=True)

    class Meta:
        ordering = ["version", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="entitlement_item_once")
        ]

    def __str__(self):
        return self.local_label

    @property
    def local_label(self):
        return self.labels.get(translation.get_language() or "", "") or self.label


def entitlements_for(state_id, on=None):
    """[(code, label in the reader's language)] of the catalogue in force for the state."""
    version = EntitlementCatalogue.in_force_for(state_id, on)
    if version is None:
        return []
    return [(item.code, item.local_label) for item in version.items.all()]
