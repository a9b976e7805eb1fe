"""My account, and People for those who manage an agency's people."""

from django.utils.translation import gettext_lazy as _

from sangam.accounts.people import may_manage_people
from sangam.core.menu import Item

ITEMS = [
    Item(_("People"), "accounts:people", order=62, shown=may_manage_people),
    Item(_("My account"), "accounts:profile", order=90),
]
