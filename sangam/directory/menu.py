"""The service directory in the menu: public, for visitors too."""

from django.utils.translation import gettext_lazy as _

from sangam.core.menu import Item

ITEMS = [Item(_("Service directory"), "directory:search", order=10, public=True)]
