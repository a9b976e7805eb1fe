"""An agency's area as a query filter: the jurisdiction geometry, written once.

A national agency's area is the whole country; a state agency's, its state;
a district agency's, its district; a block agency's, its block where the
records know their block, else its district. Capabilities pass the path to
their own place fields, so this module knows no model: a path is a lookup
("district", "household__block") or a tuple of lookups (any one may match).
"""

from functools import reduce
from operator import or_

from django.db.models import Q

NATIONAL, STATE, DISTRICT, BLOCK = "national", "state", "district", "block"


def any_of(path, value):
    """Q matching ``value`` through one path or any of several."""
    if isinstance(path, tuple):
        return reduce(or_, (Q(**{p: value}) for p in path))
    return Q(**{path: value})


def _suffixed(path, suffix):
    if isinstance(path, tuple):
        return tuple(p + suffix for p in path)
    return path + suffix


def area_q(agency, *, state=None, district=None, block=None):
    """Q of the records inside ``agency``'s area, found through the given
    place paths; ``Q()`` for a national agency (everything), None when the
    records cannot be placed at the agency's level (nothing: fail closed)."""
    level = agency.jurisdiction_level
    if level == NATIONAL:
        return Q()
    if level == STATE:
        if state:
            return any_of(state, agency.state_id)
        if district:
            return any_of(_suffixed(district, "__state_id"), agency.state_id)
        return None
    if level == BLOCK and block and agency.block_id:
        return any_of(block, agency.block_id)
    # District agencies, and block agencies where records know only their district.
    if district and agency.district_id:
        return any_of(district, agency.district_id)
    return None


def covers(agency, *, district_id=None, state_id=None):
    """Whether a place (its district and/or state id) lies in ``agency``'s area."""
    if district_id is None and state_id is None:
        return False
    level = agency.jurisdiction_level
    if level == NATIONAL:
        return True
    if level == STATE:
        return state_id is not None and agency.state_id == state_id
    return district_id is not None and agency.district_id == district_id


def area_of(agency):
    """The agency's area as (level, id): ("national", None), ("state", 3), ...;
    None when the agency lacks the place its level needs."""
    level = agency.jurisdiction_level
    if level == NATIONAL:
        return (NATIONAL, None)
    place = {STATE: agency.state_id, DISTRICT: agency.district_id, BLOCK: agency.block_id}
    return (level, place[level]) if place.get(level) else None
