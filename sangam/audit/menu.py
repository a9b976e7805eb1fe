"""The audit trail in the menu, for oversight staff only."""

from django.utils.translation import gettext_lazy as _

from sangam.core.menu import Item

ITEMS = [Item(_("Audit trail"), "audit:list", order=80, shown=lambda user: user.is_oversight)]
