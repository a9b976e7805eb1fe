"""Where a form may send the user back to: only this site."""

from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request, url, fallback):
    """``url`` if it stays on this host, else ``fallback`` (never an open redirect)."""
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return fallback
