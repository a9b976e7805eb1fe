"""Identifying fields encrypted at rest, and a keyed blind index for names.

Keys come from the environment (see docs/operations.md, "Keys"):

- ``SANGAM_DATA_KEYS``: comma-separated ``id:base64key`` (32-byte AES-256
  keys). The first encrypts; every listed key decrypts, so a key is rotated
  by putting a new one first and running ``sangam cases rotate-keys``.
- ``SANGAM_BLIND_INDEX_KEY``: base64 HMAC-SHA256 key for name tokens.

Outside production, missing keys are derived from SECRET_KEY so that a bare
``make run`` works; production refuses to start without them.

Each value is AES-GCM encrypted with the model and field name as associated
data, so a ciphertext copied into another column or table does not decrypt.
"""

import base64
import functools
import hashlib
import hmac
import json
import os
import unicodedata
from datetime import date

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

PREFIX = "enc1"


def _derived(purpose):
    return hashlib.sha256(f"sangam-dev-{purpose}:{settings.SECRET_KEY}".encode()).digest()


@functools.cache
def data_keys():
    """[(key_id, key)], the encrypting key first."""
    raw = os.environ.get("SANGAM_DATA_KEYS", "").strip()
    if not raw:
        if settings.PRODUCTION:
            raise ImproperlyConfigured("SANGAM_DATA_KEYS is required in production")
        return [("dev", _derived("data"))]
    keys = []
    for part in raw.split(","):
        key_id, _, b64 = part.strip().partition(":")
        key = base64.b64decode(b64)
        if not key_id or len(key) != 32:
            raise ImproperlyConfigured("SANGAM_DATA_KEYS entries are id:base64(32 bytes)")
        keys.append((key_id, key))
    return keys


@functools.cache
def blind_index_key():
    raw = os.environ.get("SANGAM_BLIND_INDEX_KEY", "").strip()
    if not raw:
        if settings.PRODUCTION:
            raise ImproperlyConfigured("SANGAM_BLIND_INDEX_KEY is required in production")
        return _derived("blind-index")
    return base64.b64decode(raw)


def encrypt(plaintext, context):
    key_id, key = data_keys()[0]
    nonce = os.urandom(12)
    sealed = AESGCM(key).encrypt(nonce, plaintext.encode(), context.encode())
    return f"{PREFIX}:{key_id}:{base64.b64encode(nonce + sealed).decode()}"


def decrypt(token, context):
    prefix, key_id, b64 = token.split(":", 2)
    if prefix != PREFIX:
        raise ValueError("not a Sangam ciphertext")
    keys = dict(data_keys())
    if key_id not in keys:
        raise ImproperlyConfigured(f"data key {key_id!r} is not in SANGAM_DATA_KEYS")
    blob = base64.b64decode(b64)
    return AESGCM(keys[key_id]).decrypt(blob[:12], blob[12:], context.encode()).decode()


def encrypt_bytes(data, context):
    key_id, key = data_keys()[0]
    nonce = os.urandom(12)
    return (
        f"{PREFIX}:{key_id}:".encode() + nonce + AESGCM(key).encrypt(nonce, data, context.encode())
    )


def decrypt_bytes(blob, context):
    prefix, key_id, rest = blob.split(b":", 2)
    key = dict(data_keys())[key_id.decode()]
    return AESGCM(key).decrypt(rest[:12], rest[12:], context.encode())


def key_id_of(token):
    return token.split(":", 2)[1] if token else None


class EncryptedField(models.TextField):
    """A text column holding ciphertext; Python sees the decoded value."""

    def contribute_to_class(self, cls, name, *args, **kwargs):
        super().contribute_to_class(cls, name, *args, **kwargs)
        self.context = f"{cls._meta.label_lower}.{name}"

    def encode(self, value):
        return str(value)

    def decode(self, text):
        return text

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return self.decode_empty()
        return self.decode(decrypt(value, self.context))

    def decode_empty(self):
        return "" if not self.null else None

    def get_prep_value(self, value):
        if value is None:
            return None
        text = self.encode(value)
        if text == "":
            return ""
        return encrypt(text, self.context)

    def to_python(self, value):
        return value


class EncryptedJSONField(EncryptedField):
    def encode(self, value):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    def decode(self, text):
        return json.loads(text)

    def decode_empty(self):
        return self.get_default()


class EncryptedDateField(EncryptedField):
    def encode(self, value):
        return value.isoformat() if isinstance(value, date) else str(value)

    def decode(self, text):
        return date.fromisoformat(text)

    def decode_empty(self):
        return None

    def to_python(self, value):
        if isinstance(value, str) and value:
            return date.fromisoformat(value)
        return value

    def formfield(self, **kwargs):
        from django import forms

        return forms.DateField(required=not self.blank, label=self.verbose_name, **kwargs)


# ---------------------------------------------------------------- blind index


def name_tokens(name):
    """Normalised tokens of a name in any script: NFKC, case-folded, letters and marks only."""
    text = unicodedata.normalize("NFKC", name or "").casefold()
    # Letters and combining marks (Indic vowel signs are marks) make tokens.
    kept = "".join(c if unicodedata.category(c)[0] in "LM" else " " for c in text)
    return sorted({t for t in kept.split() if len(t) >= 2})


def token_digest(token):
    return hmac.new(blind_index_key(), token.encode(), hashlib.sha256).hexdigest()[:32]
