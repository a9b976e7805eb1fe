"""Passkeys: registering and removing them in "My account", and using one
at the second-factor step. The browser side is static/sangam/passkeys.js:
it asks an *options* view for a challenge, lets the browser make or use
the passkey, and posts the answer in an ordinary form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sangam.accounts import factors, passkeys
from sangam.accounts.forms import PasskeyForm, PasskeyLoginForm
from sangam.accounts.models import Passkey
from sangam.accounts.views import pending_user, recovery_codes_page, second_factor_checked
from sangam.audit import log


def _json(text):
    response = HttpResponse(text, content_type="application/json")
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def register_options_view(request):
    return _json(passkeys.registration_options(request, request.user))


@login_required
@require_POST
def register_view(request):
    form = PasskeyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the passkey a name, then follow your browser."))
        return redirect("accounts:profile")
    try:
        passkey = passkeys.register(
            request, request.user, form.cleaned_data["credential"], form.cleaned_data["name"]
        )
    except passkeys.PasskeyError:
        messages.error(request, _("The passkey could not be registered. Try again."))
        return redirect("accounts:profile")
    log.record("create", "accounts.passkey", passkey.pk)
    messages.success(request, _("Passkey added. You can use it instead of a code."))
    return redirect("accounts:profile")


@login_required
@require_POST
def remove_view(request, pk):
    removed, _rows = Passkey.objects.filter(pk=pk, user=request.user).delete()
    if removed:
        log.record("delete", "accounts.passkey", pk)
        messages.success(request, _("Passkey removed."))
    return redirect("accounts:profile")


@login_required
@require_POST
def new_recovery_codes_view(request):
    codes = factors.new_recovery_codes(request.user)
    messages.success(request, _("New recovery codes made; the old ones no longer work."))
    return recovery_codes_page(request, codes, reverse("accounts:profile"))


@require_POST
def login_options_view(request):
    user = pending_user(request)
    options = passkeys.login_options(request, user) if user else None
    if options is None:
        return HttpResponseBadRequest(
            '{"detail": "no passkey login in progress"}', content_type="application/json"
        )
    return _json(options)


@require_POST
def login_view(request):
    user = pending_user(request)
    if user is None:
        return redirect("login")
    form = PasskeyLoginForm(request.POST)
    right = form.is_valid() and passkeys.verify_login(
        request, user, form.cleaned_data["credential"]
    )
    done = second_factor_checked(request, user, bool(right), "passkey")
    if done:
        return done
    messages.error(request, _("The passkey was not accepted. Try again or type a code."))
    return redirect("accounts:verify")
