from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from sangam.accounts import passkey_views, views
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
        auth_views.PasswordChangeView.as_view(
            template_name="accounts/form_page.html",
            success_url=reverse_lazy("accounts:profile"),
        ),
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
