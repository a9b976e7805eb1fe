"""The audit trail: append-only and hash-chained under a key.

Each entry's hash is an HMAC (under the audit key, which the database does
not hold: see keys.py) of its own content and the previous entry's hash, so
altering or removing any row breaks the chain from that point on, and nobody
without the key can recompute the chain after an edit. The chain head (last
sequence number and hash) lives in its own row, updated in the same
transaction, and is copied periodically to anchors outside the database
(anchors.py), so that removing the newest entries is detected too. Database
triggers refuse UPDATE and DELETE on entries and let the head only move one
entry forward (migrations 0002 and 0004).
"""

import hashlib
import json

from django.db import models
from django.utils.translation import gettext_lazy as _

from sangam.audit import keys

GENESIS = "0" * 64


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        CREATE = "create", _("Created")
        UPDATE = "update", _("Changed")
        DELETE = "delete", _("Deleted")
        VIEW = "view", _("Viewed")
        LIST = "list", _("Listed")
        EXPORT = "export", _("Exported")
        IMPORT = "import", _("Imported")
        LOGIN = "login", _("Logged in")
        LOGIN_FAILED = "login_failed", _("Login failed")
        LOCKED = "locked", _("Account locked")
        LOGOUT = "logout", _("Logged out")
        # People managed in the product (accounts/people.py).
        INVITE = "invite", _("Invited")
        ROLE_CHANGE = "role_change", _("Role changed")
        DEACTIVATE = "deactivate", _("Deactivated")
        REACTIVATE = "reactivate", _("Reactivated")
        FACTOR_RESET = "factor_reset", _("Second factor reset")

    seq = models.BigIntegerField(unique=True)
    at = models.DateTimeField()
    actor_id = models.BigIntegerField(null=True, blank=True)
    actor_label = models.CharField(max_length=150)
    action = models.CharField(max_length=20, choices=Action.choices)
    object_type = models.CharField(max_length=100, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    purpose = models.TextField(blank=True)
    detail = models.JSONField(default=dict, blank=True)
    # Shared by the entries of one request or one command (see log.correlated).
    correlation = models.CharField(max_length=32, blank=True, default="")
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["-seq"]
        indexes = [
            models.Index(fields=["object_type", "object_id"]),
            models.Index(fields=["actor_id", "at"]),
        ]
        verbose_name_plural = "audit entries"

    def __str__(self):
        return f"#{self.seq} {self.action} {self.object_type}:{self.object_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("audit entries are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("audit entries are append-only")

    def content(self):
        fields = [
            self.seq,
            self.at.isoformat(timespec="microseconds"),
            self.actor_id,
            self.actor_label,
            self.action,
            self.object_type,
            self.object_id,
            self.ip,
            self.purpose,
            self.detail,
        ]
        # Covered by the hash when set; entries written before correlation
        # ids existed hash as they always did, so the chain still verifies.
        if self.correlation:
            fields.append(self.correlation)
        return json.dumps(
            fields,
            sort_keys=True,
            ensure_ascii=False,
            separators=(",", ":"),
        )

    def compute_hash(self, key=None):
        return keys.mac(key or keys.audit_key(), self.prev_hash + self.content())

    def legacy_hash(self):
        """The unkeyed rule of chains written before the key (see
        ``sangam audit rekey --from-legacy``)."""
        return hashlib.sha256((self.prev_hash + self.content()).encode()).hexdigest()


class AuditChainHead(models.Model):
    """Single row: the newest entry's sequence number and hash."""

    seq = models.BigIntegerField(default=0)
    hash = models.CharField(max_length=64, default=GENESIS)

    def __str__(self):
        return f"audit chain head at {self.seq}"
