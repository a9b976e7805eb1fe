"""Sign-in (password, then a TOTP code), language choice, API tokens, and
who a password reset is sent to (active accounts with a password)."""

from django import forms
from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.utils.translation import gettext_lazy as _

from sangam.core.access import SYSTEM
from sangam.core.forms import Form, TextLimits


class LoginForm(Form):
    username = forms.CharField(label=_("Username"), max_length=150)
    password = forms.CharField(label=_("Password"), widget=forms.PasswordInput, max_length=512)


class CodeForm(Form):
    code = forms.CharField(
        label=_("6-digit code from your authenticator app"),
        max_length=10,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )


class LanguageForm(Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)


class TokenForm(Form):
    name = forms.CharField(label=_("What the token is for"), max_length=100)
    days = forms.IntegerField(label=_("Valid for (days)"), min_value=1, max_value=365, initial=90)


class SangamPasswordResetForm(TextLimits, PasswordResetForm):
    def get_users(self, email):
        from sangam.accounts.models import User

        return (
            u
            for u in User.objects.restrict(SYSTEM).filter(email__iexact=email, is_active=True)
            if u.has_usable_password()
        )
