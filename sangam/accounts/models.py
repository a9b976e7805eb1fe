import hashlib
import secrets
from datetime import timedelta

import pyotp
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sangam.core.access import SYSTEM, AccessPaths, RestrictedQuerySet, system_context
from sangam.core.crypto import EncryptedField
from sangam.core.models import ChangeLoggedModel
from sangam.core.roles import OVERSIGHT_ROLES, TWO_FACTOR_ROLES
from sangam.core.vocabulary import interface_languages


class UserManager(DjangoUserManager):
    def get_queryset(self):
        return RestrictedQuerySet(self.model, using=self._db)

    def restrict(self, user, action="view"):
        return self.get_queryset().restrict(user, action)

    def get_by_natural_key(self, username):
        return self.get_queryset().restrict(SYSTEM).get(**{self.model.USERNAME_FIELD: username})


class User(AbstractUser):
    """A person who works in Sangam (staff of an agency). Staff names and
    contact details are personal data: queries are restricted like any other."""

    language = models.CharField(
        _("language"), max_length=8, choices=interface_languages, default="en"
    )
    phone = models.CharField(_("phone"), max_length=20, blank=True)

    objects = UserManager()
    # Staff accounts changed through a queryset (deactivations) are audited
    # like other personal data: ids and field names.
    log_bulk_write = ChangeLoggedModel.__dict__["log_bulk_write"]
    access_paths = AccessPaths(
        owner="pk",
        agency="memberships__agency",
        district="memberships__agency__district",
        state="memberships__agency__state",
        through_many=True,
    )

    def active_memberships(self):
        if not hasattr(self, "_memberships"):
            from sangam.agencies.models import Membership

            self._memberships = list(
                Membership.objects.restrict(SYSTEM)
                .filter(user_id=self.pk, is_active=True, agency__is_active=True)
                .select_related("agency")
            )
        return self._memberships

    def roles(self):
        return {m.role for m in self.active_memberships()}

    @property
    def needs_two_factor(self):
        return bool(self.roles() & TWO_FACTOR_ROLES) or self.is_superuser

    @property
    def is_oversight(self):
        return bool(self.roles() & OVERSIGHT_ROLES)

    def validate_unique(self, exclude=None):
        with system_context():
            return super().validate_unique(exclude)


class TOTPDevice(models.Model):
    """RFC 6238 authenticator app secret, encrypted at rest like survivors'
    identifying fields: whoever holds the secret can make the codes. A code
    (its time step) is accepted once only."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="totp")
    secret = EncryptedField()
    confirmed = models.BooleanField(default=False)
    last_used_step = models.BigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"authenticator of user {self.user_id}"

    @staticmethod
    def new_secret():
        return pyotp.random_base32()

    def totp(self):
        return pyotp.TOTP(self.secret)

    def provisioning_uri(self):
        return self.totp().provisioning_uri(name=self.user.get_username(), issuer_name="Sangam")

    def verify(self, code):
        """True if code is valid now (±1 step) and newer than the last one used.

        The step is consumed by a conditional UPDATE: the database's row lock
        lets one of several concurrent logins with the same code through."""
        code = "".join(ch for ch in str(code) if ch.isdigit())
        if len(code) != 6:
            return False
        totp = self.totp()
        now = timezone.now().timestamp()
        for offset in (-1, 0, 1):
            step = int(now // totp.interval) + offset
            if secrets.compare_digest(totp.at(step * totp.interval), code):
                consumed = TOTPDevice.objects.filter(pk=self.pk, last_used_step__lt=step).update(
                    last_used_step=step
                )
                if consumed:
                    self.last_used_step = step
                return bool(consumed)
        return False


class RecoveryCode(models.Model):
    """A one-time code for logging in without the phone. Only its SHA-256 is
    stored: a code is 80 random bits, too many to guess back from a dump."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="recovery_codes")
    digest = models.CharField(max_length=64)
    used_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "digest"], name="recovery_code_once_per_user")
        ]

    def __str__(self):
        return f"recovery code of user {self.user_id}"

    @staticmethod
    def digest_of(code):
        # Typed with or without dashes and in either case.
        normal = "".join(ch for ch in str(code).lower() if ch.isalnum())
        return hashlib.sha256(normal.encode()).hexdigest()


class Passkey(models.Model):
    """A WebAuthn credential (a passkey or security key) registered as a
    second factor. The public key is not secret; the private key never
    leaves the authenticator."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="passkeys")
    name = models.CharField(_("name"), max_length=100)
    credential_id = models.CharField(max_length=1400, unique=True)  # base64url
    public_key = models.BinaryField()
    sign_count = models.BigIntegerField(default=0)
    # SHA-256 of the challenge last answered: an assertion is accepted once.
    last_challenge = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"passkey of user {self.user_id}"


class LoginThrottle(models.Model):
    """Failed attempts for one account, or for one account from one address
    (see accounts/throttle.py). The key is a keyed hash: the name someone
    typed may be mistyped personal data and does not belong in a table."""

    key = models.CharField(max_length=64, unique=True)
    failures = models.PositiveIntegerField(default=0)
    locked_until = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.failures} failed attempts"


class APIToken(models.Model):
    """Bearer token for API clients. Only its SHA-256 is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=8)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked = models.BooleanField(default=False)

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def digest_of(raw):
        return hashlib.sha256(raw.encode()).hexdigest()

    @classmethod
    def issue(cls, user, name, days=90):
        raw = "sgm_" + secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user,
            name=name,
            prefix=raw[4:12],
            digest=cls.digest_of(raw),
            expires_at=timezone.now() + timedelta(days=days) if days else None,
        )
        return token, raw

    @classmethod
    def user_for(cls, raw):
        token = (
            cls.objects.select_related("user")
            .filter(digest=cls.digest_of(raw or ""), revoked=False, user__is_active=True)
            .first()
        )
        if token is None or (token.expires_at and token.expires_at < timezone.now()):
            return None
        cls.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        return token.user
