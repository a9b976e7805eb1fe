from django.urls import path

from sangam.prevention import mis_views, views

app_name = "prevention"

urlpatterns = [
    path("", views.home, name="home"),
    path("villages/", views.villages, name="villages"),
    path("villages/points.json", views.village_points, name="village_points"),
    path("villages/<int:pk>/", views.village, name="village"),
    path("villages/<int:pk>/profile/", views.village_profile, name="village_profile"),
    path("households/new/", views.household_new, name="household_new"),
    path("households/<int:pk>/", views.household, name="household"),
    path("households/<int:pk>/edit/", views.household_edit, name="household_edit"),
    path("households/<int:pk>/members/", views.member_new, name="member_new"),
    path("members/<int:pk>/", views.member_edit, name="member_edit"),
    path("households/<int:pk>/entitlements/", views.entitlement, name="entitlement"),
    path("households/<int:pk>/left/", views.migration_new, name="migration_new"),
    path("at-risk/", views.at_risk, name="at_risk"),
    path("migrations/", views.migrations, name="migrations"),
    path("migrations/<int:pk>/", views.migration, name="migration"),
    path("alerts/", views.alerts, name="alerts"),
    path("alerts/<int:pk>/report-missing/", views.report_missing, name="report_missing"),
    path("marriages/", views.marriages, name="marriages"),
    path("marriages/new/", views.marriage_new, name="marriage_new"),
    path("missing/", views.missing_list, name="missing"),
    path("missing/new/", views.missing_new, name="missing_new"),
    path("missing/<int:pk>/", views.missing_edit, name="missing_edit"),
    path("recruiters/", views.recruiters, name="recruiters"),
    path("recruiters/new/", views.recruiter_new, name="recruiter_new"),
    path("recruiters/<int:pk>/", views.recruiter, name="recruiter"),
    path("job-check/", views.job_check, name="job_check"),
    path("information/", views.information, name="information"),
    path("import/", views.import_register, name="import"),
    path("import/<str:register>.<str:kind>", views.import_template, name="import_template"),
    path("index/", views.index_config, name="index_config"),
    path("mis/", mis_views.dashboard, name="mis"),
    path("mis/export.xlsx", mis_views.export, name="mis_export"),
    path("mis/monthly/", mis_views.monthly, name="mis_monthly"),
    path("mis/monthly.pdf", mis_views.monthly_pdf, name="mis_monthly_pdf"),
]
