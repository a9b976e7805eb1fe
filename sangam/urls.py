from django.urls import include, path

from sangam.accounts.views import login_view
from sangam.api import api
from sangam.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("dashboard/", core_views.dashboard, name="dashboard"),
    path("login/", login_view, name="login"),
    path("accounts/", include("sangam.accounts.urls")),
    path("agencies/", include("sangam.agencies.urls")),
    path("directory/", include("sangam.directory.urls")),
    path("referrals/", include("sangam.referrals.urls")),
    path("cases/", include("sangam.cases.urls")),
    path("matching/", include("sangam.matching.urls")),
    path("prevention/", include("sangam.prevention.urls")),
    path("geography/", include("sangam.geography.urls")),
    path("audit/", include("sangam.audit.urls")),
    path("jobs/", include("sangam.jobs.urls")),
    path("api/", api.urls),
]

handler404 = "sangam.core.errors.not_found"
handler500 = "sangam.core.errors.server_error"
