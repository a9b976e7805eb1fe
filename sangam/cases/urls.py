from django.urls import path

from sangam.cases.views import cases as case_views
from sangam.cases.views import survivors as views

app_name = "cases"
urlpatterns = [
    path("", views.survivor_list, name="list"),
    path("new/", views.survivor_create, name="create"),
    path("survivors/<int:pk>/", views.survivor_detail, name="survivor"),
    path("survivors/<int:pk>/edit/", views.survivor_edit, name="edit"),
    path("survivors/<int:pk>/consent/", views.consent_create, name="consent"),
    path("consents/<int:pk>/revoke/", views.consent_revoke, name="revoke"),
    path("survivors/<int:pk>/account/", views.intake_create, name="intake"),
    path("intake/<int:pk>/audio", views.intake_audio, name="audio"),
    path("follow-ups/", case_views.follow_ups, name="follow_ups"),
    path("follow-ups/<int:pk>/done/", case_views.follow_up_done, name="follow_up_done"),
    path("transfers/", case_views.transfers, name="transfers"),
    path("transfers/<int:pk>/decide/", case_views.transfer_decide, name="transfer_decide"),
    path("<int:pk>/", case_views.case_detail, name="case"),
    path("<int:pk>/status/", case_views.case_status, name="status"),
    path("<int:pk>/wellbeing/", case_views.wellbeing_add, name="wellbeing"),
    path("<int:pk>/transfer/", case_views.transfer_request, name="transfer"),
    path("<int:pk>/add/<str:what>/", case_views.case_add, name="add"),
    path("<int:pk>/form/<str:what>/", case_views.case_form, name="form"),
    path("<int:pk>/team/", case_views.team_change, name="team"),
    path("plan/<str:kind>/<int:pk>/status/", case_views.plan_status, name="plan_status"),
    path("risks/<int:pk>/clear/", case_views.risk_clear, name="risk_clear"),
]
