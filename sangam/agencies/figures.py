"""Agency figures on the dashboard: the contacts and colleagues a user can reach."""

from django.utils.translation import gettext_lazy as _

from sangam.agencies.models import AgencyContact, Membership
from sangam.core.figures import Card, Figure

CONTACTS = Figure("agencies.contacts", _("Agency contacts"), AgencyContact)
COLLEAGUES = Figure("agencies.memberships", _("People in agencies"), Membership)
FIGURES = [CONTACTS, COLLEAGUES]


def _card(user):
    return {"contacts": CONTACTS.count(user), "colleagues": COLLEAGUES.count(user)}


CARDS = [Card("agencies/_card.html", _card, order=60)]
