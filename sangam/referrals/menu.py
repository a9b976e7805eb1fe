"""Referrals in the menu: every signed-in user sends or receives them."""

from django.utils.translation import gettext_lazy as _

from sangam.core.menu import Item

ITEMS = [Item(_("Referrals"), "referrals:list", order=20)]
