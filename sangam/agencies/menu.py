"""Agencies in the menu."""

from django.utils.translation import gettext_lazy as _

from sangam.core.menu import Item

ITEMS = [Item(_("Agencies"), "agencies:list", order=60)]
