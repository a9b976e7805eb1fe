"""Scheduled work in the menu, for system administrators only."""

from django.utils.translation import gettext_lazy as _

from sangam.core.menu import Item
from sangam.jobs.views import sees_scheduled_work

ITEMS = [Item(_("Scheduled work"), "jobs:scheduled", order=85, shown=sees_scheduled_work)]
