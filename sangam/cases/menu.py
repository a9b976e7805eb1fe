"""Survivors in the menu, for those whose roles may see survivors."""

from django.utils.translation import gettext_lazy as _

from sangam.cases.models import Survivor
from sangam.core.menu import Item

ITEMS = [Item(_("Survivors"), "cases:list", order=30, models=(Survivor,))]
