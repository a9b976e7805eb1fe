"""The audit trail's key: entries and anchors are HMAC-SHA256 under a key
the database does not hold, so someone who can write the audit tables
cannot recompute a chain that verifies.

Read like the survivors' data keys (``sangam/cases/crypto.py``):

- ``SANGAM_AUDIT_KEY``: base64 of 32 random bytes. Production refuses to
  start without it (``sangam check --deploy``).
- Outside production, without it, a random key is made once into
  ``SANGAM_AUDIT_KEY_FILE`` (default ``~/.config/sangam/audit.key``, outside
  the repository, mode 0600) so that a bare ``make run`` has a real key.
  Nothing is derived from a constant in the code.
- ``SANGAM_AUDIT_PREVIOUS_KEY``: only while ``sangam audit rekey`` moves a
  chain from an old key to the current one.
"""

import base64
import functools
import hashlib
import hmac
import logging
import os
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

KEY_BYTES = 32
logger = logging.getLogger(__name__)


def _decode(name, raw):
    try:
        key = base64.b64decode(raw.strip(), validate=True)
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES:
        raise ImproperlyConfigured(f"{name} must be base64 of {KEY_BYTES} bytes")
    return key


def key_file():
    default = Path.home() / ".config" / "sangam" / "audit.key"
    return Path(os.environ.get("SANGAM_AUDIT_KEY_FILE", default))


def _development_key():
    path = key_file()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        # O_EXCL: two processes starting together do not both write a key.
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as f:
                f.write(base64.b64encode(os.urandom(KEY_BYTES)).decode() + "\n")
            logger.warning("made a new audit key in %s (development; keep it)", path)
    return _decode(str(path), path.read_text())


@functools.cache
def audit_key():
    raw = os.environ.get("SANGAM_AUDIT_KEY", "").strip()
    if raw:
        return _decode("SANGAM_AUDIT_KEY", raw)
    if settings.PRODUCTION:
        raise ImproperlyConfigured("SANGAM_AUDIT_KEY is required in production")
    return _development_key()


def previous_key():
    raw = os.environ.get("SANGAM_AUDIT_PREVIOUS_KEY", "").strip()
    return _decode("SANGAM_AUDIT_PREVIOUS_KEY", raw) if raw else None


def mac(key, message):
    return hmac.new(key, message.encode(), hashlib.sha256).hexdigest()


def key_id(key):
    """A short public name of a key (anchors say which key signed them)."""
    return mac(key, "sangam-audit-key-id")[:12]
