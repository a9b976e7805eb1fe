"""Geography in the menu."""

from django.utils.translation import gettext_lazy as _

from sangam.core.menu import Item

ITEMS = [Item(_("Geography"), "geography:states", order=70)]
