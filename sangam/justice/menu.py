"""Justice in the menu: whoever may see a criminal case or a rescue; witness
protection for whoever may see an application; the justice figures for
the district officials and state administrators who open that page."""

from django.utils.translation import gettext_lazy as _

from sangam.core.menu import Item
from sangam.justice.figures import official_area
from sangam.justice.models import CriminalCase, ProtectionApplication, Rescue

ITEMS = [
    Item(_("Justice"), "justice:list", order=45, models=(CriminalCase, Rescue)),
    Item(
        _("Witness protection"),
        "justice:protection_list",
        order=46,
        models=(ProtectionApplication,),
    ),
    Item(
        _("Justice figures"),
        "justice:figures",
        order=48,
        shown=lambda user: official_area(user) is not None,
    ),
]
