"""Compensation in the menu: claims for whoever works them; the schemes
(reference data, read-only but for a state's legal services officer) too;
bonded-labour releases, legal aid and documents for those who work them."""

from django.utils.translation import gettext_lazy as _

from sangam.compensation.models import (
    BondedLabourRelease,
    Claim,
    DocumentRecovery,
    LegalAidApplication,
)
from sangam.core.menu import Item

ITEMS = [
    # Claims
    Item(_("Compensation"), "compensation:list", order=35, models=(Claim,)),
    Item(_("Compensation schemes"), "compensation:schemes", order=36, models=(Claim,)),
    # Bonded labour and legal aid
    Item(_("Bonded labour"), "compensation:releases", order=45, models=(BondedLabourRelease,)),
    Item(_("Legal aid"), "compensation:legal_aid_list", order=46, models=(LegalAidApplication,)),
    Item(
        _("Documents and entitlements"),
        "compensation:documents",
        order=47,
        models=(DocumentRecovery,),
    ),
]
