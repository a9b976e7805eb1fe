from django.urls import path

from sangam.referrals import views

app_name = "referrals"
urlpatterns = [
    path("", views.referral_list, name="list"),
    path("new/", views.referral_create, name="create"),
    path("suggest/", views.suggest, name="suggest"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("<int:pk>/", views.referral_detail, name="detail"),
    path("<int:pk>/transition/", views.referral_transition, name="transition"),
    path("<int:pk>/letter.pdf", views.referral_letter, name="letter"),
]
