from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from sangam.accounts import passkey_views, people_views, views
from sangam.accounts.forms import SangamPasswordResetForm

app_name = "accounts"
urlpatterns = [
    path("login/verify/", views.verify_view, name="verify"),
    path("login/setup/", views.setup_view, name="setup"),
    path("login/recovery/", views.recovery_view, name="recovery"),
    path("login/passkey/options/", passkey_views.login_options_view, name="passkey_login_options"),
    path("login/passkey/", passkey_views.login_view, name="passkey_login"),
    path("logout/", views.logout_view, name="logout"),
    path("language/", views.language_view, name="language"),
    path("me/", views.profile_view, name="profile"),
    path("me/tokens/<int:pk>/revoke/", views.revoke_token_view, name="revoke_token"),
    path("people/", people_views.agency_list, name="people"),
    path("people/<int:pk>/", people_views.agency_people, name="agency_people"),
    path("people/<int:pk>/invite/", people_views.invite, name="invite"),
    path("people/<int:pk>/<int:user_pk>/", people_views.person, name="person"),
    path(
        "people/<int:pk>/<int:user_pk>/roles/<int:membership_pk>/",
        people_views.change_role,
        name="change_role",
    ),
    path("people/<int:pk>/<int:user_pk>/roles/", people_views.add_role, name="add_role"),
    path("people/<int:pk>/<int:user_pk>/deactivate/", people_views.deactivate, name="deactivate"),
    path("people/<int:pk>/<int:user_pk>/reactivate/", people_views.reactivate, name="reactivate"),
    path(
        "people/<int:pk>/<int:user_pk>/reset-second-factor/",
        people_views.reset_second_factor,
        name="reset_second_factor",
    ),
    path(
        "people/<int:pk>/<int:user_pk>/invite-again/",
        people_views.invite_again,
        name="invite_again",
    ),
    path(
        "invitation/<uidb64>/<token>/",
        people_views.InvitationView.as_view(),
        name="invitation",
    ),
    path("me/recovery-codes/", passkey_views.new_recovery_codes_view, name="new_recovery_codes"),
    path(
        "me/passkeys/options/",
        passkey_views.register_options_view,
        name="passkey_register_options",
    ),
    path("me/passkeys/", passkey_views.register_view, name="passkey_register"),
    path("me/passkeys/<int:pk>/remove/", passkey_views.remove_view, name="passkey_remove"),
    path(
        "password/change/",
        views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "password/reset/",
        auth_views.PasswordResetView.as_view(
            form_class=SangamPasswordResetForm,
            template_name="accounts/form_page.html",
            email_template_name="accounts/password_reset_email.txt",
            subject_template_name="accounts/password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/reset_sent.html"),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        views.ResetConfirmView.as_view(
            template_name="accounts/form_page.html",
            success_url=reverse_lazy("login"),
        ),
        name="password_reset_confirm",
    ),
]
