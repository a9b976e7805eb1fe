"""What justice listens to: a missing-person report confirmed as a survivor
(matching's ``match_confirmed``) may show a case booked as "missing" only."""

from sangam.justice import workflow


def on_match_confirmed(sender, candidate, user, **kwargs):
    workflow.review_if_booked_as_missing(candidate, user)
