"""Template helpers other capabilities' pages use to link to justice
without importing it (the care case's "apply for witness protection")."""

from django import template

from sangam.justice.forms.cases import writing_agencies
from sangam.justice.forms.protection import FILERS
from sangam.justice.models import ProtectionApplication
from sangam.justice.queries import victim_cases

register = template.Library()


@register.simple_tag
def may_apply_for_protection(user, care):
    """Whether ``user`` files for the survivor of the care case ``care``: her
    agency cares for her and she is a victim in a police case it sees."""
    filers = writing_agencies(user, ProtectionApplication, FILERS).filter(pk=care.agency_id)
    return filers.exists() and victim_cases(user, care.survivor_id).exists()
