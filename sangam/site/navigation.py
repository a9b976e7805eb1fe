"""The menu each person sees, assembled from every app's ``menu.py``: what
their roles may do decides what they are shown."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sangam.core import registry


def menu_for(user):
    signed_in = getattr(user, "is_authenticated", False)
    items = [(_("Dashboard"), reverse("dashboard"))] if signed_in else []
    shown = set()
    for item in registry.menu_items():
        if item.unless and item.unless in shown:
            continue
        if item.visible_to(user):
            shown.add(item.url_name)
            items.append((item.label, item.url()))
    return items
