"""Sign-in (password, then a TOTP code, a recovery code or a passkey),
language choice, API tokens, passkeys, who a password reset is sent to
(active accounts with a password), and the forms administrators manage
people with (an invitation, a role)."""

from django import forms
from django.conf import settings
from django.contrib.auth.forms import PasswordChangeForm, PasswordResetForm
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from sangam.core.access import SYSTEM
from sangam.core.forms import Form, TextLimits
from sangam.core.vocabulary import interface_languages


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
    language = forms.ChoiceField(label=_("Language"), choices=interface_languages)


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

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs):
        # In her language, not in the language of the page the reset was asked on.
        with translation.override(context["user"].language or settings.LANGUAGE_CODE):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)


class ThrottledPasswordChangeForm(TextLimits, PasswordChangeForm):
    """A wrong old password counts as a failed login of the account from this
    address: a stolen session must not give unlimited guesses at the
    password. The hash is checked first, every time, locked or not."""

    def __init__(self, user, *args, address="", **kwargs):
        self.address = address
        super().__init__(user, *args, **kwargs)

    def clean_old_password(self):
        from sangam.accounts import throttle

        right = self.user.check_password(self.cleaned_data["old_password"])
        verdict = throttle.attempt(self.user.get_username(), self.address, right, finished=False)
        if verdict.locked:
            raise forms.ValidationError(verdict.text(), code="locked")
        if not right:
            raise forms.ValidationError(
                self.error_messages["password_incorrect"], code="password_incorrect"
            )
        return self.cleaned_data["old_password"]


class InviteForm(Form):
    """Someone new joining an agency: the roles offered are those the
    inviting administrator may give."""

    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        validators=[UnicodeUsernameValidator()],
        help_text=_("Letters, digits and @ . + - _ only. She logs in with it."),
    )
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    email = forms.EmailField(
        label=_("E-mail"), help_text=_("The invitation link is sent here."), max_length=254
    )
    role = forms.ChoiceField(label=_("Role"))
    language = forms.ChoiceField(
        label=_("Language"),
        choices=interface_languages,
        required=False,
        help_text=_("Sangam and its e-mails, the invitation first, reach her in this language."),
    )

    def __init__(self, *args, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(role.value, role.label) for role in roles]


class RoleForm(Form):
    role = forms.ChoiceField(label=_("Role"))

    def __init__(self, *args, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(role.value, role.label) for role in roles]


class RecoveryCodeForm(Form):
    code = forms.CharField(
        label=_("Recovery code"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none"}),
    )


class PasskeyForm(Form):
    """A passkey's name and the browser's answer (filled in by passkeys.js)."""

    name = forms.CharField(label=_("Name of the passkey (for example: my phone)"), max_length=100)
    credential = forms.CharField(widget=forms.HiddenInput, max_length=20000)


class PasskeyLoginForm(Form):
    credential = forms.CharField(widget=forms.HiddenInput, max_length=20000)
