from django.urls import path

from sangam.cases.views import cases, survivors

app_name = "cases"
urlpatterns = [
    path("", survivors.survivor_list, name="list"),
    path("new/", survivors.survivor_create, name="create"),
    path("survivors/<int:pk>/", survivors.survivor_detail, name="survivor"),
    path("survivors/<int:pk>/edit/", survivors.survivor_edit, name="edit"),
    path("survivors/<int:pk>/consent/", survivors.consent_create, name="consent"),
    path("consents/<int:pk>/revoke/", survivors.consent_revoke, name="revoke"),
    path("survivors/<int:pk>/account/", survivors.intake_create, name="intake"),
    path("intake/<int:pk>/audio", survivors.intake_audio, name="audio"),
    path("follow-ups/", cases.follow_ups, name="follow_ups"),
    path("follow-ups/<int:pk>/done/", cases.follow_up_done, name="follow_up_done"),
    path("transfers/", cases.transfers, name="transfers"),
    path("transfers/<int:pk>/decide/", cases.transfer_decide, name="transfer_decide"),
    path("<int:pk>/", cases.case_detail, name="case"),
    path("<int:pk>/status/", cases.case_status, name="status"),
    path("<int:pk>/wellbeing/", cases.wellbeing_add, name="wellbeing"),
    path("<int:pk>/transfer/", cases.transfer_request, name="transfer"),
    path("<int:pk>/add/<str:what>/", cases.case_add, name="add"),
    path("<int:pk>/form/<str:what>/", cases.case_form, name="form"),
    path("<int:pk>/team/", cases.team_change, name="team"),
    path("plan/<str:kind>/<int:pk>/status/", cases.plan_status, name="plan_status"),
    path("risks/<int:pk>/clear/", cases.risk_clear, name="risk_clear"),
]
