"""The HTTP API (django-ninja). OpenAPI at /api/openapi.json.

API clients authenticate with a bearer token (created on "My account" or with
`sangam token create`). Every query goes through the same restricted
querysets as the web pages; unknown and forbidden ids are both 404.
"""

import logging

from django.core.exceptions import ValidationError as ModelValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, NinjaAPI, Schema, Status
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.security import HttpBearer

from sangam.accounts.models import APIToken
from sangam.agencies.models import Agency, AgencyContact
from sangam.audit import log
from sangam.audit.middleware import client_ip
from sangam.cases.api import router as cases_router
from sangam.core.access import allowed_to_create
from sangam.core.models import EditConflict
from sangam.directory.api import router as hsds_router
from sangam.geography.models import District, State

logger = logging.getLogger("sangam.api")


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        user = APIToken.user_for(token)
        if user is not None:
            request.user = user
            # Attribute this request's audit entries to the token's user.
            log._actor.set(log.Actor(user=user, ip=client_ip(request)))
        return user


api = NinjaAPI(
    title="Sangam API",
    version="1",
    auth=TokenAuth(),
    urls_namespace="api",
    description="Restricted by the same roles, scopes and consent as the web pages.",
)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "Not found."}, status=404)


@api.exception_handler(AuthenticationError)
def unauthorised(request, exc):
    return api.create_response(request, {"detail": "A valid API token is required."}, status=401)


@api.exception_handler(ValidationError)
def invalid(request, exc):
    return api.create_response(
        request, {"detail": "Invalid request.", "errors": exc.errors}, status=422
    )


@api.exception_handler(ModelValidationError)
def invalid_model(request, exc):
    return api.create_response(
        request, {"detail": "Invalid request.", "errors": exc.message_dict}, status=422
    )


@api.exception_handler(Exception)
def internal(request, exc):
    if isinstance(exc, HttpError):
        return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)
    logger.exception("API error")
    return api.create_response(request, {"detail": "Internal error."}, status=500)


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
    email: str = Field("", max_length=254, pattern=r"^$|^[^@\s]+@[^@\s]+\.[^@\s]+$")


class ContactUpdate(ContactIn):
    version: int


class Me(Schema):
    username: str
    language: str
    memberships: list[dict]


@api.get("/me", response=Me, tags=["accounts"])
def me(request):
    user = request.auth
    return {
        "username": user.get_username(),
        "language": user.language,
        "memberships": [
            {"agency_id": m.agency_id, "agency": m.agency.name, "role": m.role}
            for m in user.active_memberships()
        ],
    }


@api.get("/geography/states", response=list[StateOut], tags=["geography"])
def states(request):
    return State.objects.all()


@api.get("/geography/states/{code}/districts", response=list[DistrictOut], tags=["geography"])
def districts(request, code: str):
    state = get_object_or_404(State, code=code.upper())
    return District.objects.filter(state=state).select_related("state")


@api.get("/agencies", response=list[AgencyOut], tags=["agencies"])
@paginate(LimitOffsetPagination)
def agencies(request, state: str = "", type: str = "", q: str = ""):
    qs = Agency.objects.restrict(request.auth, "view").select_related("state")
    if state:
        qs = qs.filter(state__code=state.upper())
    if type:
        qs = qs.filter(type=type)
    if q:
        qs = qs.filter(name__icontains=q[:100])
    return qs


@api.get("/agencies/{agency_id}", response=AgencyOut, tags=["agencies"])
def agency(request, agency_id: int):
    return get_object_or_404(
        Agency.objects.restrict(request.auth, "view").select_related("state"), pk=agency_id
    )


@api.get("/agencies/{agency_id}/contacts", response=list[ContactOut], tags=["agencies"])
def agency_contacts(request, agency_id: int):
    agency_obj = get_object_or_404(Agency.objects.restrict(request.auth, "view"), pk=agency_id)
    contacts = list(AgencyContact.objects.restrict(request.auth, "view").filter(agency=agency_obj))
    if contacts:
        log.record_list(AgencyContact, [c.pk for c in contacts])
    return contacts


@api.post("/agencies/{agency_id}/contacts", response={201: ContactOut}, tags=["agencies"])
def create_contact(request, agency_id: int, payload: ContactIn):
    agency_obj = get_object_or_404(Agency.objects.restrict(request.auth, "view"), pk=agency_id)
    if not allowed_to_create(request.auth, AgencyContact, agency=agency_obj):
        raise HttpError(403, "You may not add contacts to this agency.")
    contact = AgencyContact(agency=agency_obj, created_by=request.auth, **payload.dict())
    contact.full_clean()
    contact.save()
    return Status(201, contact)


@api.get("/contacts/{contact_id}", response=ContactOut, tags=["agencies"])
def contact(request, contact_id: int):
    obj = get_object_or_404(AgencyContact.objects.restrict(request.auth, "view"), pk=contact_id)
    log.record_view(obj)
    return obj


@api.put("/contacts/{contact_id}", response=ContactOut, tags=["agencies"])
def update_contact(request, contact_id: int, payload: ContactUpdate):
    obj = get_object_or_404(AgencyContact.objects.restrict(request.auth, "change"), pk=contact_id)
    data = payload.dict()
    expected = data.pop("version")
    for key, value in data.items():
        setattr(obj, key, value)
    try:
        obj.save_checked(expected)
    except EditConflict:
        raise HttpError(409, "The contact was changed by someone else; fetch it again.") from None
    return obj


# The public HSDS directory API (no token needed).
api.add_router("/hsds/", hsds_router)
api.add_router("/cases/", cases_router)
