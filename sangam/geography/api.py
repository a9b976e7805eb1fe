"""Geography API: states and their districts (reference data, any signed-in client)."""

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema

from sangam.geography.models import District, State

router = Router(tags=["geography"])


class StateOut(Schema):
    code: str
    lgd_code: int
    name: str
    name_hi: str
    is_union_territory: bool


class DistrictOut(Schema):
    id: int
    code: str
    lgd_code: int | None
    name: str
    state: str = Field(alias="state.code")


@router.get("/states", response=list[StateOut])
def states(request):
    return State.objects.all()


@router.get("/states/{code}/districts", response=list[DistrictOut])
def districts(request, code: str):
    state = get_object_or_404(State, code=code.upper())
    return District.objects.filter(state=state).select_related("state")
