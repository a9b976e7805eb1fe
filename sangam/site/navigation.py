"""The menu each person sees depends on what their roles may do."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sangam.cases.models import Survivor
from sangam.core.access import can
from sangam.matching.models import CandidateMatch, SurvivorDuplicate
from sangam.prevention.models import Household, MissingPerson


def menu_for(user):
    if not getattr(user, "is_authenticated", False):
        return [(_("Service directory"), reverse("directory:search"))]
    items = [
        (_("Dashboard"), reverse("dashboard")),
        (_("Service directory"), reverse("directory:search")),
        (_("Referrals"), reverse("referrals:list")),
    ]
    if can(user, Survivor, "view"):
        items.append((_("Survivors"), reverse("cases:list")))
    if can(user, CandidateMatch, "view"):
        items.append((_("Matches to review"), reverse("matching:queue")))
    elif can(user, SurvivorDuplicate, "view"):
        items.append((_("Survivors registered twice"), reverse("matching:duplicates")))
    if can(user, Household, "view") or can(user, MissingPerson, "view") or user.is_oversight:
        items.append((_("Prevention"), reverse("prevention:home")))
    items += [
        (_("Agencies"), reverse("agencies:list")),
        (_("Geography"), reverse("geography:states")),
    ]
    if user.is_oversight:
        items.append((_("Audit trail"), reverse("audit:list")))
    items.append((_("My account"), reverse("accounts:profile")))
    return items
