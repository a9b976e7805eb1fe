"""Compensation in the menu."""

from django.utils.translation import gettext_lazy as _

from sangam.compensation.models import (
    BondedLabourRelease,
    DocumentRecovery,
    LegalAidApplication,
)
from sangam.core.menu import Item

ITEMS = [
    # Bonded labour and legal aid
    Item(_("Bonded labour"), "compensation:releases", order=45, models=(BondedLabourRelease,)),
    Item(_("Legal aid"), "compensation:legal_aid_list", order=46, models=(LegalAidApplication,)),
    Item(_("Documents"), "compensation:documents", order=47, models=(DocumentRecovery,)),
]
