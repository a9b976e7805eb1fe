import time

from django.utils import translation


class UserLanguageMiddleware:
    """Logged-in users see Sangam in the language they chose, on any device."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.language:
            try:
                language = translation.get_supported_language_variant(user.language)
            except LookupError:
                # A language no longer offered: the browser's choice
                # (LocaleMiddleware) stands rather than untranslated pages.
                language = None
            if language:
                translation.activate(language)
                request.LANGUAGE_CODE = language
        return self.get_response(request)


class SessionActivityMiddleware:
    """Activity keeps a signed-in session alive: the idle timeout
    (SESSION_COOKIE_AGE) counts from the last request, to within a minute.

    Saving the session on every request would cost a database write per
    page; marking it once a minute is enough for a 15-minute timeout.
    """

    MARK = "_active_minute"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            minute = int(time.time() // 60)
            if request.session.get(self.MARK) != minute:
                request.session[self.MARK] = minute
        return self.get_response(request)
