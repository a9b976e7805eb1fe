from django.urls import path

from sangam.directory import views

app_name = "directory"
urlpatterns = [
    path("", views.directory_search, name="search"),
    path("map.json", views.map_points, name="map"),
    path("places/", views.places, name="places"),
    path("stale/", views.stale, name="stale"),
    path("services/new/", views.service_create, name="create"),
    path("services/<uuid:pk>/", views.service_detail, name="service"),
    path("services/<uuid:pk>/edit/", views.service_edit, name="edit"),
    path("services/<uuid:pk>/capacity/", views.capacity_update, name="capacity"),
    path("services/<uuid:pk>/verify/", views.verify, name="verify"),
    path("print/<str:state>.pdf", views.printable, name="print_state"),
    path("print/<str:state>/<str:district>.pdf", views.printable, name="print_district"),
]
