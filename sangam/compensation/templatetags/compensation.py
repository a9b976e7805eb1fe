"""Template helpers other capabilities' pages use to link to compensation
without importing it (the case page's "open a claim")."""

from django import template

from sangam.compensation.models import Claim
from sangam.core.access import can

register = template.Library()


@register.filter
def may_open_claim(user):
    return can(user, Claim, "add")
