from django.urls import path

from sangam.cases import views

app_name = "cases"
urlpatterns = [
    path("", views.survivor_list, name="list"),
    path("new/", views.survivor_create, name="create"),
    path("survivors/<int:pk>/", views.survivor_detail, name="survivor"),
    path("survivors/<int:pk>/edit/", views.survivor_edit, name="edit"),
    path("survivors/<int:pk>/consent/", views.consent_create, name="consent"),
    path("consents/<int:pk>/revoke/", views.consent_revoke, name="revoke"),
]
