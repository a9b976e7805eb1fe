"""The HTTP API (django-ninja). OpenAPI at /api/openapi.json.

API clients authenticate with a bearer token (created on "My account" or with
`sangam token create`). Every query goes through the same restricted
querysets as the web pages; unknown and forbidden ids are both 404.
"""

import logging

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as ModelValidationError
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from sangam.accounts.api import TokenAuth
from sangam.accounts.api import router as accounts_router
from sangam.agencies.api import router as agencies_router
from sangam.cases.api import router as cases_router
from sangam.compensation.api import router as compensation_router
from sangam.core.editing import EDIT_CONFLICT, EditConflict
from sangam.directory.api import router as hsds_router
from sangam.geography.api import router as geography_router
from sangam.justice.api import router as justice_router
from sangam.matching.api import router as matching_router
from sangam.referrals.api import router as referrals_router
from sangam.site.middleware import BAD_VALUE
from sangam.site.problems import document_errors, problem_response

logger = logging.getLogger("sangam.api")


class SangamAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        return document_errors(super().get_openapi_schema(*args, **kwargs))


api = SangamAPI(
    title="Sangam API",
    version="1",
    auth=TokenAuth(),
    urls_namespace="api",
    description=(
        "Restricted by the same roles, scopes and consent as the web pages. "
        "Errors are RFC 9457 problem details (application/problem+json)."
    ),
)


@api.exception_handler(Http404)
def not_found(request, exc):
    return problem_response(404, "Not found.")


@api.exception_handler(AuthenticationError)
def unauthorised(request, exc):
    return problem_response(401, "A valid API token is required.")


@api.exception_handler(PermissionDenied)
def forbidden(request, exc):
    return problem_response(403, "You may not do this.")


@api.exception_handler(ValidationError)
def invalid(request, exc):
    # ninja's errors carry the input back ("input"): an echo of what was
    # sent, which may be personal and is no help to the sender.
    errors = exc.errors
    if isinstance(errors, list):
        errors = [{k: v for k, v in e.items() if k not in ("input", "ctx", "url")} for e in errors]
    return problem_response(422, "Invalid request.", errors=errors)


@api.exception_handler(ModelValidationError)
def invalid_model(request, exc):
    if not hasattr(exc, "error_dict"):  # a value the database cannot take
        return problem_response(400, "A value in the request is not valid here.")
    return problem_response(422, "Invalid request.", errors=exc.message_dict)


@api.exception_handler(EditConflict)
def edit_conflict(request, exc):
    return problem_response(409, str(EDIT_CONFLICT))


@api.exception_handler(RequestDataTooBig)
def too_big(request, exc):
    return problem_response(413, "The request is larger than the upload limit.")


@api.exception_handler(HttpError)
def http_error(request, exc):
    return problem_response(exc.status_code, str(exc))


@api.exception_handler(Exception)
def internal(request, exc):
    if isinstance(exc, BAD_VALUE):
        # A value the database cannot hold (an id beyond 64 bits, a date or
        # time-zone offset PostgreSQL refuses): the sender's mistake. The log
        # names the kind of error, never the value.
        logger.warning("API bad value", extra={"error": type(exc).__name__})
        return problem_response(400, "A value in the request is not valid here.")
    logger.exception("API error")
    return problem_response(500, "Internal error.")


# Each capability owns its router; this is the only place that knows them all.
api.add_router("/", accounts_router)
api.add_router("/geography/", geography_router)
api.add_router("/", agencies_router)
api.add_router("/hsds/", hsds_router)
api.add_router("/cases/", cases_router)
api.add_router("/", referrals_router)
api.add_router("/matching/", matching_router)
api.add_router("/compensation/", compensation_router)
api.add_router("/justice/", justice_router)
