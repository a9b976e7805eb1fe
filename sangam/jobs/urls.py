from django.urls import path

from sangam.jobs import views

app_name = "jobs"
urlpatterns = [
    path("<uuid:pk>/", views.detail, name="detail"),
    path("scheduled/", views.scheduled, name="scheduled"),
]
