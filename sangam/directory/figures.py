"""Directory figures: entries whose details nobody has confirmed lately."""

from sangam.core.figures import Card
from sangam.directory.queries import stale_services


def _stale_card(user):
    if not user.is_oversight:
        return None
    return {"count": stale_services(user).count()}


FIGURES = []
CARDS = [Card("directory/_stale_card.html", _stale_card, order=30)]
