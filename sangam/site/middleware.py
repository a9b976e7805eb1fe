"""Bad input refused in one place, and the headers every response carries.

``BadInputMiddleware`` answers, before any view runs, what no view could
store: a body larger than the upload limit (413), NUL characters or lone
surrogates in the path, the query, a form or a JSON body, JSON nested too
deep or text longer than ``SANGAM_MAX_TEXT_CHARS`` (400/422). Values the
database cannot hold that a view passes on (an id beyond 64 bits, a date or
a time-zone offset PostgreSQL refuses, an id that is not a number) end as a
400 page instead of a 500. API requests get RFC 9457 problem details, pages
Sangam's own error page; the log says which view and what kind of error,
never the value sent.

``SecurityHeadersMiddleware`` adds Permissions-Policy to every response and
``Cache-Control: no-store`` to every response for a signed-in user or an API
client (every page and answer that may hold personal data), so that neither
the browser nor a proxy keeps a copy.
"""

import json
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DataError
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from sangam.site.problems import problem_response

logger = logging.getLogger("sangam.request")

# Multipart framing and the form's other fields around an upload.
UPLOAD_OVERHEAD = 1024 * 1024
# Errors that a view raises only because of a value it was sent.
BAD_VALUE = (DataError, OverflowError, ValueError, ValidationError)
# No request of the API nests deeper than a few levels.
MAX_JSON_DEPTH = 32


def _bad_text(value):
    if "\x00" in value:
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, which no database stores
        return True
    return False


def _bad_query(query):
    return any(_bad_text(k) or any(_bad_text(v) for v in values) for k, values in query.lists())


def _json_problem(data, depth=0):
    """(status, why) a parsed JSON body cannot be taken, or None."""
    if depth > MAX_JSON_DEPTH:
        return 400, _("The JSON body is nested too deeply.")
    if isinstance(data, str):
        if _bad_text(data):
            return 400, _("Text may not contain NUL characters or lone surrogates.")
        if len(data) > settings.SANGAM_MAX_TEXT_CHARS:
            return 422, _("Text may be at most %(n)s characters long.") % {
                "n": settings.SANGAM_MAX_TEXT_CHARS
            }
        return None
    if isinstance(data, dict):
        for key, value in data.items():
            if problem := _json_problem(key, depth + 1) or _json_problem(value, depth + 1):
                return problem
    elif isinstance(data, list):
        for value in data:
            if problem := _json_problem(value, depth + 1):
                return problem
    return None


def is_api(request):
    return request.path_info.startswith("/api/")


def refuse(request, status, detail):
    if is_api(request):
        return problem_response(status, detail)
    return render(request, "400.html", {"status": status, "detail": detail}, status=status)


class BadInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.refusal(request) or self.get_response(request)

    def refusal(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return refuse(request, 400, _("The Content-Length header is not a number."))
        multipart = request.content_type == "multipart/form-data"
        limit = (
            settings.SANGAM_MAX_IMPORT_BYTES + UPLOAD_OVERHEAD
            if multipart
            else settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        )
        if length > limit:
            return refuse(request, 413, _("The request is larger than the upload limit."))
        if _bad_text(request.path) or _bad_query(request.GET):
            return refuse(request, 400, _("The address contains characters that are not text."))
        if request.method in ("POST", "PUT", "PATCH") and length:
            if request.content_type == "application/json":
                return self.json_refusal(request)
            if multipart or request.content_type == "application/x-www-form-urlencoded":
                if _bad_query(request.POST):
                    return refuse(
                        request, 400, _("The form contains characters that are not text.")
                    )
        return None

    def json_refusal(self, request):
        try:
            data = json.loads(request.body)
        except RecursionError:
            return refuse(request, 400, _("The JSON body is nested too deeply."))
        except ValueError:
            return None  # not JSON: the API answers that itself
        if problem := _json_problem(data):
            return refuse(request, *problem)
        return None

    def process_exception(self, request, exception):
        if not isinstance(exception, BAD_VALUE):
            return None
        match = request.resolver_match
        logger.warning(
            "bad value refused",
            extra={"view": match.view_name if match else "", "error": type(exception).__name__},
        )
        return refuse(request, 400, _("A value in the request is not valid here."))


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.SANGAM_PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        if is_api(request) or (user is not None and user.is_authenticated):
            add_never_cache_headers(response)  # no-cache, no-store, must-revalidate, private
        return response
