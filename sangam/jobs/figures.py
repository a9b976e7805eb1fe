"""The user's recent background jobs on the dashboard."""

from sangam.core.figures import Card
from sangam.jobs.models import Job


def _card(user):
    jobs = list(Job.objects.filter(created_by=user)[:5])
    return {"jobs": jobs} if jobs else None


FIGURES = []
CARDS = [Card("jobs/_card.html", _card, order=90)]
