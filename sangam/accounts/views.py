"""Signing in with a password and a second factor (TOTP set-up and check, a
recovery code; passkeys are in passkey_views), signing out, the interface
language, "My account" and its API tokens, and the password reset
confirmation."""

import time

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from sangam.accounts import factors, throttle
from sangam.accounts.forms import (
    CodeForm,
    LanguageForm,
    LoginForm,
    RecoveryCodeForm,
    ThrottledPasswordChangeForm,
    TokenForm,
)
from sangam.accounts.models import APIToken, Passkey, TOTPDevice, User
from sangam.audit import log
from sangam.audit.middleware import client_ip
from sangam.core.access import SYSTEM, system_context
from sangam.core.redirects import safe_next

PENDING_SECONDS = 300


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's, with the old password's guesses counted (see the form)."""

    form_class = ThrottledPasswordChangeForm
    template_name = "accounts/form_page.html"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "address": client_ip(self.request)}

    def get_success_url(self):
        return reverse("accounts:profile")


def _safe_next(request, url):
    return safe_next(request, url, reverse(settings.LOGIN_REDIRECT_URL))


def _finish_login(request, user, second_factor=None):
    request.session.pop("pending_login", None)
    nxt = request.session.get("login_next")
    login(request, user, backend="sangam.accounts.backends.SangamBackend")
    detail = {"second_factor": second_factor} if second_factor else None
    with log.acting_as(user=user, ip=client_ip(request)):
        log.record("login", "accounts.user", user.pk, detail=detail)
    return HttpResponseRedirect(_safe_next(request, nxt))


def pending_user(request):
    data = request.session.get("pending_login")
    if not data or time.time() - data["at"] > PENDING_SECONDS:
        request.session.pop("pending_login", None)
        return None
    return User.objects.restrict(SYSTEM).filter(pk=data["user"], is_active=True).first()


def second_factor_checked(request, user, right, method):
    """Count a second-factor attempt whose check is done. Returns the
    response that ends the login (success or lockout), or None to show the
    form again."""
    verdict = throttle.attempt(user.get_username(), client_ip(request), right)
    if verdict.allowed:
        return _finish_login(request, user, method)
    log.record(
        "locked" if verdict.locked else "login_failed",
        "accounts.user",
        user.pk,
        detail={"step": method},
    )
    if verdict.locked:
        request.session.pop("pending_login", None)
        messages.error(request, verdict.text())
        return redirect("login")
    return None


def login_view(request):
    if request.user.is_authenticated:
        return redirect("dashboard")
    form = LoginForm(request.POST or None)
    if request.method == "GET":
        request.session["login_next"] = request.GET.get("next", "")
    if request.method == "POST" and form.is_valid():
        username = form.cleaned_data["username"]
        # The hash is checked for every attempt, locked or not; the verdict
        # is then decided under the counters' row locks (accounts/throttle).
        user = authenticate(request, username=username, password=form.cleaned_data["password"])
        two_factor = user is not None and user.needs_two_factor
        verdict = throttle.attempt(
            username, client_ip(request), user is not None, finished=not two_factor
        )
        if not verdict.allowed:
            log.record("locked" if verdict.locked else "login_failed", "accounts.user")
            form.add_error(
                None, verdict.text() if verdict.locked else _("Wrong username or password.")
            )
        elif two_factor:
            request.session.cycle_key()
            request.session["pending_login"] = {"user": user.pk, "at": time.time()}
            device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
            return redirect("accounts:verify" if device else "accounts:setup")
        else:
            return _finish_login(request, user)
    return render(request, "accounts/login.html", {"form": form}, status=200)


def verify_view(request):
    user = pending_user(request)
    if user is None:
        return redirect("login")
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        return redirect("accounts:setup")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = second_factor_checked(
            request, user, device.verify(form.cleaned_data["code"]), "authenticator"
        )
        if done:
            return done
        form.add_error("code", _("That code is not right. Codes change every 30 seconds."))
    has_passkeys = Passkey.objects.filter(user=user).exists()
    return render(request, "accounts/verify.html", {"form": form, "has_passkeys": has_passkeys})


def recovery_view(request):
    """The second factor with a recovery code, for someone without her phone."""
    user = pending_user(request)
    if user is None:
        return redirect("login")
    form = RecoveryCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        right = factors.use_recovery_code(user, form.cleaned_data["code"])
        done = second_factor_checked(request, user, right, "recovery code")
        if done and request.user.is_authenticated:
            left = factors.recovery_codes_left(user)
            messages.warning(
                request,
                ngettext(
                    "You have %(left)s recovery code left. Make new ones in My account.",
                    "You have %(left)s recovery codes left. Make new ones in My account.",
                    left,
                )
                % {"left": left},
            )
        if done:
            return done
        form.add_error("code", _("That recovery code is not right or was used before."))
    return render(request, "accounts/recovery.html", {"form": form})


def setup_view(request):
    """First login of someone who must use two-factor: enrol an authenticator
    app, then see her recovery codes once."""
    user = pending_user(request)
    if user is None:
        return redirect("login")
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect("accounts:verify")
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, defaults={"secret": TOTPDevice.new_secret()}
    )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            throttle.attempt(user.get_username(), client_ip(request), True)
            nxt = _finish_login(request, user, "authenticator").url
            return recovery_codes_page(request, factors.new_recovery_codes(user), nxt)
        form.add_error("code", _("That code is not right. Check the time on your phone."))
    qr = segno.make(device.provisioning_uri(), error="m").svg_inline(scale=4, title="QR")
    return render(request, "accounts/setup.html", {"form": form, "qr": qr, "secret": device.secret})


def recovery_codes_page(request, codes, next_url):
    """Show fresh recovery codes: the only time they are readable."""
    response = render(request, "accounts/recovery_codes.html", {"codes": codes, "next": next_url})
    add_never_cache_headers(response)
    return response


@require_POST
def logout_view(request):
    if request.user.is_authenticated:
        log.record("logout", "accounts.user", request.user.pk)
    logout(request)
    return redirect("login")


@require_POST
def language_view(request):
    form = LanguageForm(request.POST)
    nxt = _safe_next(request, request.POST.get("next"))
    response = HttpResponseRedirect(nxt)
    if form.is_valid():
        lang = form.cleaned_data["language"]
        if request.user.is_authenticated:
            User.objects.restrict(request.user, "change").filter(pk=request.user.pk).update(
                language=lang
            )
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            lang,
            max_age=365 * 24 * 3600,
            samesite="Lax",
            secure=getattr(settings, "LANGUAGE_COOKIE_SECURE", False),
        )
    return response


@login_required
def profile_view(request):
    token_form = TokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and token_form.is_valid():
        _token, new_token = APIToken.issue(
            request.user, token_form.cleaned_data["name"], token_form.cleaned_data["days"]
        )
        log.record("create", "accounts.apitoken", _token.pk)
        token_form = TokenForm()
    tokens = APIToken.objects.filter(user=request.user, revoked=False)
    return render(
        request,
        "accounts/profile.html",
        {
            "token_form": token_form,
            "tokens": tokens,
            "new_token": new_token,
            "memberships": request.user.active_memberships(),
            "passkeys": Passkey.objects.filter(user=request.user),
            "recovery_codes_left": factors.recovery_codes_left(request.user),
        },
    )


@login_required
@require_POST
def revoke_token_view(request, pk):
    updated = APIToken.objects.filter(pk=pk, user=request.user).update(revoked=True)
    if updated:
        log.record("delete", "accounts.apitoken", pk)
        messages.success(request, _("Token revoked."))
    return redirect("accounts:profile")


class ResetConfirmView(auth_views.PasswordResetConfirmView):
    def get_user(self, uidb64):
        # The reset link proves who the user is; look them up as the system.
        with system_context():
            return super().get_user(uidb64)
