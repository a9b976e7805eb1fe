"""What justice listens to: a missing-person report confirmed as a survivor
(matching's ``match_confirmed``) may show a case booked as "missing" only;
a threat flag on her case proposes witness protection."""

from sangam.cases.models import RiskFlag
from sangam.justice import protection, workflow


def on_match_confirmed(sender, candidate, user, **kwargs):
    workflow.review_if_booked_as_missing(candidate, user)


def on_risk_flag_saved(sender, instance, created, **kwargs):
    """A "threats from traffickers" flag proposes witness protection."""
    if created and instance.kind == RiskFlag.Kind.THREATS:
        protection.propose_after_threat(instance)
