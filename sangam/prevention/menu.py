"""Prevention in the menu: for those who keep or see the village registers,
and for oversight staff, who see its figures."""

from django.utils.translation import gettext_lazy as _

from sangam.core.menu import Item
from sangam.prevention.models import Household, MissingPerson

ITEMS = [
    Item(
        _("Prevention"),
        "prevention:home",
        order=50,
        models=(Household, MissingPerson),
        shown=lambda user: user.is_oversight,
    )
]
