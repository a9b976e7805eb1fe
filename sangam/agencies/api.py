"""Agencies API: agencies and their contact persons, through the restricted querysets."""

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from sangam.agencies.models import Agency, AgencyContact, by_name
from sangam.audit import log
from sangam.core.access import allowed_to_create
from sangam.core.params import Pagination

router = Router(tags=["agencies"])


class AgencyOut(Schema):
    id: int
    name: str
    type: str
    jurisdiction_level: str
    state: str | None = Field(None, alias="state.code")
    district_id: int | None
    address: str
    phone: str
    email: str


class ContactOut(Schema):
    id: int
    agency_id: int
    name: str
    designation: str
    phone: str
    email: str
    version: int


class ContactIn(Schema):
    name: str = Field(min_length=1, max_length=150)
    designation: str = Field("", max_length=150)
    phone: str = Field("", max_length=20, pattern=r"^[0-9+\- ]*$")
    # Spaces spelled out: Python's \s and the JSON Schema (ECMA) \s differ.
    email: str = Field(
        "", max_length=254, pattern=r"^$|^[^@ \t\n\r\f\v]+@[^@ \t\n\r\f\v]+\.[^@ \t\n\r\f\v]+$"
    )


class ContactUpdate(ContactIn):
    version: int


@router.get("/agencies", response=list[AgencyOut])
@paginate(Pagination)
def agencies(request, state: str = "", type: str = "", q: str = ""):
    qs = Agency.objects.restrict(request.auth, "view").select_related("state")
    if state:
        qs = qs.filter(state__code=state.upper())
    if type:
        qs = qs.filter(type=type)
    if q:
        qs = qs.filter(name__icontains=q[:100])
    return qs


@router.get("/agencies/{agency_id}", response=AgencyOut)
def agency(request, agency_id: int):
    return get_object_or_404(
        Agency.objects.restrict(request.auth, "view").select_related("state"), pk=agency_id
    )


@router.get("/agencies/{agency_id}/contacts", response=list[ContactOut])
def agency_contacts(request, agency_id: int):
    agency_obj = get_object_or_404(Agency.objects.restrict(request.auth, "view"), pk=agency_id)
    contacts = by_name(
        AgencyContact.objects.restrict(request.auth, "view").filter(agency=agency_obj)
    )
    if contacts:
        log.record_list(AgencyContact, [c.pk for c in contacts])
    return contacts


@router.post("/agencies/{agency_id}/contacts", response={201: ContactOut})
def create_contact(request, agency_id: int, payload: ContactIn):
    agency_obj = get_object_or_404(Agency.objects.restrict(request.auth, "view"), pk=agency_id)
    if not allowed_to_create(request.auth, AgencyContact, agency=agency_obj):
        raise HttpError(403, "You may not add contacts to this agency.")
    contact = AgencyContact(agency=agency_obj, created_by=request.auth, **payload.dict())
    contact.full_clean()
    contact.save()
    return Status(201, contact)


@router.get("/contacts/{contact_id}", response=ContactOut)
def contact(request, contact_id: int):
    obj = get_object_or_404(AgencyContact.objects.restrict(request.auth, "view"), pk=contact_id)
    log.record_view(obj)
    return obj


@router.put("/contacts/{contact_id}", response=ContactOut)
def update_contact(request, contact_id: int, payload: ContactUpdate):
    obj = get_object_or_404(AgencyContact.objects.restrict(request.auth, "change"), pk=contact_id)
    data = payload.dict()
    expected = data.pop("version")
    for key, value in data.items():
        setattr(obj, key, value)
    obj.save_checked(expected)
    return obj
