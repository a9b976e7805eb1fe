from django.urls import path

from sangam.geography import views

app_name = "geography"
urlpatterns = [
    path("", views.states, name="states"),
    path("states/<str:code>/", views.state, name="state"),
    path("districts/<int:pk>/", views.district, name="district"),
    path("blocks/<int:pk>/", views.block, name="block"),
    path("import/", views.import_villages, name="import"),
    path("pick/district/", views.pick_district, name="pick_district"),
]
