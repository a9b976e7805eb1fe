"""The HTTP API (django-ninja). OpenAPI at /api/openapi.json.

API clients authenticate with a bearer token (created on "My account" or with
`sangam token create`). Every query goes through the same restricted
querysets as the web pages; unknown and forbidden ids are both 404.
"""

import logging

from django.core.exceptions import ValidationError as ModelValidationError
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from sangam.accounts.api import TokenAuth
from sangam.accounts.api import router as accounts_router
from sangam.agencies.api import router as agencies_router
from sangam.cases.api import router as cases_router
from sangam.core.editing import EDIT_CONFLICT, EditConflict
from sangam.directory.api import router as hsds_router
from sangam.geography.api import router as geography_router
from sangam.matching.api import router as matching_router
from sangam.referrals.api import router as referrals_router

logger = logging.getLogger("sangam.api")


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


@api.exception_handler(EditConflict)
def edit_conflict(request, exc):
    return api.create_response(request, {"detail": str(EDIT_CONFLICT)}, status=409)


@api.exception_handler(Exception)
def internal(request, exc):
    if isinstance(exc, HttpError):
        return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)
    logger.exception("API error")
    return api.create_response(request, {"detail": "Internal error."}, status=500)


# Each capability owns its router; this is the only place that knows them all.
api.add_router("/", accounts_router)
api.add_router("/geography/", geography_router)
api.add_router("/", agencies_router)
api.add_router("/hsds/", hsds_router)
api.add_router("/cases/", cases_router)
api.add_router("/", referrals_router)
api.add_router("/matching/", matching_router)
