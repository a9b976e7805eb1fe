from django.urls import path

from sangam.agencies import views

app_name = "agencies"
urlpatterns = [
    path("", views.agency_list, name="list"),
    path("new/", views.agency_create, name="create"),
    path("<int:pk>/", views.agency_detail, name="detail"),
    path("<int:pk>/edit/", views.agency_edit, name="edit"),
    path("<int:pk>/contacts/new/", views.contact_create, name="contact_create"),
    path("<int:pk>/contacts.csv", views.contacts_export, name="contacts_export"),
    path("contacts/<int:pk>/edit/", views.contact_edit, name="contact_edit"),
    path("contacts/<int:pk>/delete/", views.contact_delete, name="contact_delete"),
]
