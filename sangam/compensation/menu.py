"""Compensation in the menu: claims for whoever works them; the schemes
(reference data, read-only but for a state's legal services officer) too."""

from django.utils.translation import gettext_lazy as _

from sangam.compensation.models import Claim
from sangam.core.menu import Item

# Claims
ITEMS = [
    Item(_("Compensation"), "compensation:list", order=35, models=(Claim,)),
    Item(_("Compensation schemes"), "compensation:schemes", order=36, models=(Claim,)),
]
