from django.conf import settings

from sangam.site.navigation import menu_for


def sangam(request):
    return {
        "DEMO_MODE": settings.DEMO_MODE,
        "nav": menu_for(getattr(request, "user", None)),
    }
