"""My account in the menu."""

from django.utils.translation import gettext_lazy as _

from sangam.core.menu import Item

ITEMS = [Item(_("My account"), "accounts:profile", order=90)]
