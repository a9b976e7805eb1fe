"""Error answers of the API as RFC 9457 problem details.

Every error the API gives is ``application/problem+json`` with ``type``
(``about:blank``: the status says what went wrong), ``title`` (the status's
name), ``status`` and ``detail`` (what to do about it); an invalid request
adds ``errors`` (the field errors). ``document_errors`` writes the same shape
into the OpenAPI document for every operation, so clients and schemathesis
know every answer an operation may give.
"""

from http import HTTPStatus

from django.http import JsonResponse

MEDIA_TYPE = "application/problem+json"

PROBLEM_SCHEMA = {
    "title": "Problem",
    "description": "RFC 9457 problem details.",
    "type": "object",
    "properties": {
        "type": {"type": "string", "description": "A URI naming the kind of problem."},
        "title": {"type": "string", "description": "The HTTP status's name."},
        "status": {"type": "integer", "description": "The HTTP status code."},
        "detail": {"type": "string", "description": "What went wrong, for a person."},
        "errors": {"description": "Field errors of an invalid request."},
    },
    "required": ["type", "title", "status", "detail"],
}

# Every operation may answer these (authentication, access, input, size, conflicts).
ERRORS = {
    400: "Bad request: the request cannot be read.",
    401: "A valid API token is required.",
    403: "The token's user may not do this.",
    404: "Not found, or not visible to the token's user.",
    409: (
        "The record is not in a state for this change: someone else changed it "
        "since the version sent, or the step is refused (a closed case)."
    ),
    413: "The request is larger than the upload limit.",
    422: "Invalid request: see errors.",
    500: "Internal error (recorded).",
}


def problem(status, detail, **extra):
    return {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": str(detail),
        **extra,
    }


def problem_response(status, detail, **extra):
    return JsonResponse(problem(status, detail, **extra), status=status, content_type=MEDIA_TYPE)


def document_errors(schema):
    """Add the problem responses to every operation of an OpenAPI ``schema``."""
    schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    content = {MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for operations in schema["paths"].values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for status, description in ERRORS.items():
                responses.setdefault(str(status), {"description": description, "content": content})
    return schema
