"""Justice in the menu: whoever may see a criminal case or a rescue; witness
protection for whoever may see an application."""

from django.utils.translation import gettext_lazy as _

from sangam.core.menu import Item
from sangam.justice.models import CriminalCase, ProtectionApplication, Rescue

ITEMS = [
    Item(_("Justice"), "justice:list", order=45, models=(CriminalCase, Rescue)),
    Item(
        _("Witness protection"),
        "justice:protection_list",
        order=46,
        models=(ProtectionApplication,),
    ),
]
