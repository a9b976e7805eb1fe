"""Passkeys (WebAuthn) as a second factor, with the ``webauthn`` library.

The relying party is the host the browser is on (validated by
ALLOWED_HOSTS): WebAuthn binds a passkey to it, so a passkey made on
``localhost`` works there only, and browsers refuse IP addresses outright.
Each challenge lives in the session, is used once, and an assertion is
accepted once per passkey (the SHA-256 of its challenge is kept on the row).
"""

import hashlib
import hmac
import json
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from webauthn import (
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import base64url_to_bytes, bytes_to_base64url
from webauthn.helpers.exceptions import WebAuthnException
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from sangam.accounts.models import Passkey

REGISTER = "passkey_register_challenge"
LOGIN = "passkey_login_challenge"


class PasskeyError(Exception):
    """The browser's answer was not a valid passkey response."""


def relying_party(request):
    origin = f"{request.scheme}://{request.get_host()}"
    return urlsplit(origin).hostname, origin


def _user_handle(user):
    # Stable per user, so an authenticator replaces rather than piles up
    # credentials for one account; reveals neither name nor id.
    return hmac.new(
        settings.SECRET_KEY.encode(), f"webauthn-user:{user.pk}".encode(), hashlib.sha256
    ).digest()


def _descriptors(user):
    return [
        PublicKeyCredentialDescriptor(id=base64url_to_bytes(cid))
        for cid in Passkey.objects.filter(user=user).values_list("credential_id", flat=True)
    ]


def registration_options(request, user):
    """JSON options for navigator.credentials.create()."""
    rp_id, _origin = relying_party(request)
    options = generate_registration_options(
        rp_id=rp_id,
        rp_name="Sangam",
        user_name=user.get_username(),
        user_id=_user_handle(user),
        exclude_credentials=_descriptors(user),
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.DISCOURAGED,
            user_verification=UserVerificationRequirement.PREFERRED,
        ),
    )
    request.session[REGISTER] = bytes_to_base64url(options.challenge)
    return options_to_json(options)


def register(request, user, credential, name):
    """Verify the browser's new credential and keep it; returns the Passkey."""
    challenge = request.session.pop(REGISTER, None)
    if not challenge:
        raise PasskeyError("no registration was started")
    rp_id, origin = relying_party(request)
    try:
        verified = verify_registration_response(
            credential=credential,
            expected_challenge=base64url_to_bytes(challenge),
            expected_rp_id=rp_id,
            expected_origin=origin,
        )
    except (WebAuthnException, ValueError, KeyError, TypeError) as error:
        raise PasskeyError("the passkey response is not valid") from error
    try:
        with transaction.atomic():
            return Passkey.objects.create(
                user=user,
                name=name,
                credential_id=bytes_to_base64url(verified.credential_id),
                public_key=verified.credential_public_key,
                sign_count=verified.sign_count,
            )
    except IntegrityError as error:
        raise PasskeyError("this passkey is already registered") from error


def login_options(request, user):
    """JSON options for navigator.credentials.get(), or None without passkeys."""
    allowed = _descriptors(user)
    if not allowed:
        return None
    rp_id, _origin = relying_party(request)
    options = generate_authentication_options(
        rp_id=rp_id,
        allow_credentials=allowed,
        user_verification=UserVerificationRequirement.PREFERRED,
    )
    request.session[LOGIN] = bytes_to_base64url(options.challenge)
    return options_to_json(options)


def verify_login(request, user, credential):
    """The Passkey of ``user`` that signed this session's challenge, or None."""
    challenge = request.session.pop(LOGIN, None)
    if not challenge:
        return None
    try:
        credential_id = json.loads(credential)["id"]
        passkey = Passkey.objects.filter(user=user, credential_id=str(credential_id)).first()
        if passkey is None:
            return None
        verified = verify_authentication_response(
            credential=credential,
            expected_challenge=base64url_to_bytes(challenge),
            expected_rp_id=relying_party(request)[0],
            expected_origin=relying_party(request)[1],
            credential_public_key=bytes(passkey.public_key),
            credential_current_sign_count=passkey.sign_count,
        )
    except (WebAuthnException, ValueError, KeyError, TypeError):
        return None
    used = hashlib.sha256(challenge.encode()).hexdigest()
    answered = (
        Passkey.objects.filter(pk=passkey.pk)
        .exclude(last_challenge=used)
        .update(
            sign_count=verified.new_sign_count, last_challenge=used, last_used_at=timezone.now()
        )
    )
    return passkey if answered else None
