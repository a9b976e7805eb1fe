"""Justice in the menu: whoever may see a criminal case or a rescue."""

from django.utils.translation import gettext_lazy as _

from sangam.core.menu import Item
from sangam.justice.models import CriminalCase, Rescue

ITEMS = [Item(_("Justice"), "justice:list", order=45, models=(CriminalCase, Rescue))]
