"""The menu each person sees depends on what their roles may do."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def menu_for(user):
    if not getattr(user, "is_authenticated", False):
        return [(_("Service directory"), reverse("directory:search"))]
    items = [
        (_("Dashboard"), reverse("dashboard")),
        (_("Service directory"), reverse("directory:search")),
        (_("Referrals"), reverse("referrals:list")),
        (_("Agencies"), reverse("agencies:list")),
        (_("Geography"), reverse("geography:states")),
    ]
    if user.is_oversight:
        items.append((_("Audit trail"), reverse("audit:list")))
    items.append((_("My account"), reverse("accounts:profile")))
    return items
