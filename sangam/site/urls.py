from django.urls import include, path

from sangam.accounts.views import login_view
from sangam.site import views as site_views
from sangam.site.api import api
from sangam.site.metrics import metrics

urlpatterns = [
    path("", site_views.home, name="home"),
    path("healthz", site_views.healthz, name="healthz"),
    path("metrics", metrics, name="metrics"),
    path("dashboard/", site_views.dashboard, name="dashboard"),
    path("login/", login_view, name="login"),
    path("accounts/", include("sangam.accounts.urls")),
    path("agencies/", include("sangam.agencies.urls")),
    path("directory/", include("sangam.directory.urls")),
    path("referrals/", include("sangam.referrals.urls")),
    path("cases/", include("sangam.cases.urls")),
    path("matching/", include("sangam.matching.urls")),
    path("prevention/", include("sangam.prevention.urls")),
    path("compensation/", include("sangam.compensation.urls")),
    path("justice/", include("sangam.justice.urls")),
    path("geography/", include("sangam.geography.urls")),
    path("audit/", include("sangam.audit.urls")),
    path("jobs/", include("sangam.jobs.urls")),
    path("api/", api.urls),
]

handler404 = "sangam.site.errors.not_found"
handler500 = "sangam.site.errors.server_error"
