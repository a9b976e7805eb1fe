from django.urls import path

from sangam.matching import views

app_name = "matching"

urlpatterns = [
    path("review/", views.queue, name="queue"),
    path("review/<int:pk>/", views.candidate, name="candidate"),
    path("restorations/", views.restorations, name="restorations"),
    path("duplicates/", views.duplicates, name="duplicates"),
    path("duplicates/<int:pk>/", views.duplicate, name="duplicate"),
    path("restorations/<int:pk>/", views.restoration, name="restoration"),
]
