"""Personal data encrypted at rest: fields, uploaded files, and a keyed
blind index for names.

Keys (see docs/operations.md, "Keys"):

- ``SANGAM_DATA_KEYS``: comma-separated ``id:base64key`` (32-byte AES-256
  keys). The first encrypts; every listed key decrypts, so a key is rotated
  by putting a new one first and running ``sangam cases rotate-keys``.
- ``SANGAM_BLIND_INDEX_KEY``: base64 HMAC-SHA256 key for name tokens.

Both come from the environment. Outside production, a key the environment
does not give is read from the key file (``SANGAM_KEY_FILE``, by default
``~/.config/sangam/keys``), which ``sangam keys init`` (run by ``make run``)
fills with fresh random keys. No key is ever derived from anything in the
code: without keys Sangam refuses to encrypt or decrypt, and production
refuses to start.

Each value is AES-GCM encrypted with the model and field name as associated
data, so a ciphertext copied into another column or table does not decrypt.
"""

import base64
import functools
import hashlib
import hmac
import io
import json
import os
import unicodedata
from datetime import date
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django import forms
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.validators import validate_email
from django.db import migrations, models

PREFIX = "enc1"
KEY_NAMES = ("SANGAM_DATA_KEYS", "SANGAM_BLIND_INDEX_KEY")


# ---------------------------------------------------------------- keys


def key_file():
    """Where development keys live: outside the repository, never in it."""
    configured = os.environ.get("SANGAM_KEY_FILE", "").strip()
    if configured:
        return Path(configured).expanduser()
    config_home = os.environ.get("XDG_CONFIG_HOME", "").strip() or Path.home() / ".config"
    return Path(config_home) / "sangam" / "keys"


def _read_key_file(path):
    values = {}
    try:
        text = path.read_text(encoding="ascii")
    except FileNotFoundError:
        return values
    if path.stat().st_mode & 0o077:
        raise ImproperlyConfigured(f"the key file {path} is readable by others: chmod 600 it")
    for line in text.splitlines():
        name, sep, value = line.strip().partition("=")
        if sep and name in KEY_NAMES:
            values[name] = value.strip()
    return values


def _key_setting(name):
    value = os.environ.get(name, "").strip()
    if value:
        return value
    if settings.PRODUCTION:
        raise ImproperlyConfigured(f"{name} is required in production")
    path = key_file()
    value = _read_key_file(path).get(name, "")
    if not value:
        raise ImproperlyConfigured(
            f"{name} is not set and the key file {path} does not give it: "
            "run `sangam keys init` (make run does) or set it in the environment"
        )
    return value


def new_keys():
    """Fresh random keys, as the key file's lines."""
    data = base64.b64encode(os.urandom(32)).decode()
    index = base64.b64encode(os.urandom(32)).decode()
    return f"SANGAM_DATA_KEYS=k1:{data}\nSANGAM_BLIND_INDEX_KEY={index}\n"


def create_key_file(path):
    """Write fresh keys to ``path`` (mode 0600, its folder 0700) unless it
    exists; True if it was created. A path inside the code's folder is
    refused: keys in a checkout end up in copies and commits."""
    path = Path(path).expanduser().resolve()
    code = Path(settings.BASE_DIR).resolve().parent
    if path.is_relative_to(code):
        raise ImproperlyConfigured(f"keep the key file outside the repository, not at {path}")
    if path.exists():
        return False
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    # O_EXCL: two starts at once never overwrite each other's keys.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(new_keys())
    return True


@functools.cache
def data_keys():
    """[(key_id, key)], the encrypting key first."""
    keys = []
    for part in _key_setting("SANGAM_DATA_KEYS").split(","):
        key_id, _, b64 = part.strip().partition(":")
        try:
            key = base64.b64decode(b64, validate=True)
        except ValueError:
            key = b""
        if not key_id or len(key) != 32:
            raise ImproperlyConfigured("SANGAM_DATA_KEYS entries are id:base64(32 bytes)")
        keys.append((key_id, key))
    return keys


@functools.cache
def _ciphers():
    return {key_id: AESGCM(key) for key_id, key in data_keys()}


@functools.cache
def blind_index_key():
    try:
        key = base64.b64decode(_key_setting("SANGAM_BLIND_INDEX_KEY"), validate=True)
    except ValueError:
        key = b""
    if len(key) < 16:
        raise ImproperlyConfigured("SANGAM_BLIND_INDEX_KEY is base64 of at least 16 bytes")
    return key


def forget_keys():
    """Read the keys again on next use (after the environment changed)."""
    data_keys.cache_clear()
    _ciphers.cache_clear()
    blind_index_key.cache_clear()


def _cipher(key_id):
    cipher = _ciphers().get(key_id)
    if cipher is None:
        raise ImproperlyConfigured(f"data key {key_id!r} is not in SANGAM_DATA_KEYS")
    return cipher


# ---------------------------------------------------------------- values


def encrypt(plaintext, context):
    key_id = data_keys()[0][0]
    nonce = os.urandom(12)
    sealed = _cipher(key_id).encrypt(nonce, plaintext.encode(), context.encode())
    return f"{PREFIX}:{key_id}:{base64.b64encode(nonce + sealed).decode()}"


def decrypt(token, context):
    prefix, key_id, b64 = token.split(":", 2)
    if prefix != PREFIX:
        raise ValueError("not a Sangam ciphertext")
    blob = base64.b64decode(b64)
    return _cipher(key_id).decrypt(blob[:12], blob[12:], context.encode()).decode()


def is_ciphertext(value):
    return isinstance(value, str) and value.startswith(PREFIX + ":")


def encrypt_bytes(data, context):
    key_id = data_keys()[0][0]
    nonce = os.urandom(12)
    sealed = _cipher(key_id).encrypt(nonce, data, context.encode())
    return f"{PREFIX}:{key_id}:".encode() + nonce + sealed


def decrypt_bytes(blob, context):
    prefix, key_id, rest = blob.split(b":", 2)
    return _cipher(key_id.decode()).decrypt(rest[:12], rest[12:], context.encode())


def key_id_of(token):
    return token.split(":", 2)[1] if token else None


# ---------------------------------------------------------------- files

SEGMENT = 1 << 20  # plaintext bytes per sealed segment


def _segment_data(context, index, last):
    return f"{context}:{index}:{int(last)}".encode()


def _seal(out, cipher, data, context, index, last):
    nonce = os.urandom(12)
    sealed = cipher.encrypt(nonce, data, _segment_data(context, index, last))
    out.write(len(sealed).to_bytes(4, "big") + nonce + sealed)


def write_encrypted(path, chunks, context):
    """Write the byte ``chunks`` to a new file at ``path`` (mode 0600),
    encrypted in segments so that neither writing nor reading holds the
    file in memory. Each segment's associated data carries its number and
    whether it is the last, so reordered or truncated files do not decrypt."""
    key_id = data_keys()[0][0]
    cipher = _cipher(key_id)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(f"{PREFIX}:{key_id}\n".encode())
        buffer, index = bytearray(), 0
        for chunk in chunks:
            buffer += chunk
            while len(buffer) > SEGMENT:
                _seal(out, cipher, bytes(buffer[:SEGMENT]), context, index, last=False)
                del buffer[:SEGMENT]
                index += 1
        _seal(out, cipher, bytes(buffer), context, index, last=True)


class _Decrypting(io.RawIOBase):
    def __init__(self, raw, context):
        prefix, _, key_id = raw.readline().decode("ascii", "replace").strip().partition(":")
        if prefix != PREFIX:
            raw.close()
            raise ValueError("not an encrypted file")
        self._raw, self._cipher, self._context = raw, _cipher(key_id), context
        self._index, self._done = 0, False
        self._plain, self._pos = memoryview(b""), 0
        self._next = self._read_segment()

    def readable(self):
        return True

    def _read_segment(self):
        head = self._raw.read(4)
        if not head:
            return None
        size = int.from_bytes(head, "big")
        nonce, sealed = self._raw.read(12), self._raw.read(size)
        if len(head) < 4 or len(nonce) < 12 or len(sealed) < size:
            raise ValueError("the encrypted file is truncated")
        return nonce, sealed

    def _open_next(self):
        if self._next is None:
            raise ValueError("the encrypted file is truncated")
        nonce, sealed = self._next
        self._next = self._read_segment()
        last = self._next is None
        data = _segment_data(self._context, self._index, last)
        self._plain, self._pos = memoryview(self._cipher.decrypt(nonce, sealed, data)), 0
        self._index += 1
        self._done = last

    def readinto(self, b):
        while self._pos >= len(self._plain):
            if self._done:
                return 0
            self._open_next()
        n = min(len(b), len(self._plain) - self._pos)
        b[:n] = self._plain[self._pos : self._pos + n]
        self._pos += n
        return n

    def close(self):
        self._raw.close()
        super().close()


def open_encrypted(path, context):
    """A binary stream of the plaintext of a file ``write_encrypted`` wrote."""
    return io.BufferedReader(_Decrypting(open(path, "rb"), context), buffer_size=SEGMENT)


# ---------------------------------------------------------------- fields


class EncryptedField(models.TextField):
    """A text column holding ciphertext; Python sees the decoded value.
    Shown as a text area; see EncryptedCharField for one line."""

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


class EncryptedCharField(EncryptedField):
    """One line of text (a name, a phone), encrypted; ``max_length`` is
    checked on the value, as CharField does, not on the ciphertext."""

    def __init__(self, *args, max_length, **kwargs):
        super().__init__(*args, max_length=max_length, **kwargs)

    @functools.cached_property
    def validators(self):
        from django.core.validators import MaxLengthValidator

        return [*super().validators, MaxLengthValidator(self.max_length)]

    form_class = forms.CharField

    def formfield(self, **kwargs):
        # Field.formfield, not TextField's: a one-line input.
        return models.Field.formfield(
            self, form_class=self.form_class, max_length=self.max_length, **kwargs
        )


class EncryptedEmailField(EncryptedCharField):
    default_validators = [validate_email]
    form_class = forms.EmailField


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
        return forms.DateField(required=not self.blank, label=self.verbose_name, **kwargs)


class EncryptExisting(migrations.RunPython):
    """A migration step encrypting the plaintext already in the columns
    ``labels`` ("app.model.field"), and decrypting it back when the
    migration is reversed. Raw SQL: what is read and written is the column
    as stored, whatever the historical model says."""

    def __init__(self, *labels):
        self.labels = labels
        super().__init__(self.encrypt, self.decrypt)

    def encrypt(self, apps, schema_editor):
        self._change(apps, schema_editor.connection, forward=True)

    def decrypt(self, apps, schema_editor):
        self._change(apps, schema_editor.connection, forward=False)

    def _change(self, apps, connection, forward):
        quote = connection.ops.quote_name
        by_model = {}
        for label in self.labels:
            app_label, model_name, field = label.split(".")
            by_model.setdefault((app_label, model_name), []).append(field)
        with connection.cursor() as cursor:
            for (app_label, model_name), fields in by_model.items():
                meta = apps.get_model(app_label, model_name)._meta
                columns = [meta.get_field(f).column for f in fields]
                table, pk = quote(meta.db_table), quote(meta.pk.column)
                cursor.execute(f"SELECT {pk}, {', '.join(map(quote, columns))} FROM {table}")  # noqa: S608
                sets = ", ".join(f"{quote(c)} = %s" for c in columns)
                for row in cursor.fetchall():
                    values = [
                        _converted(value, f"{app_label}.{model_name}.{field}", forward)
                        for field, value in zip(fields, row[1:], strict=True)
                    ]
                    if values != list(row[1:]):
                        cursor.execute(
                            f"UPDATE {table} SET {sets} WHERE {pk} = %s",  # noqa: S608
                            [*values, row[0]],
                        )


def _converted(value, context, forward):
    if not value or is_ciphertext(value) == forward:
        return value  # empty, or already what this direction makes
    return encrypt(value, context) if forward else decrypt(value, context)


# ---------------------------------------------------------------- blind index


def name_tokens(name):
    """Normalised tokens of a name in any script: NFKC, case-folded, letters and marks only."""
    text = unicodedata.normalize("NFKC", name or "").casefold()
    # Letters and combining marks (Indic vowel signs are marks) make tokens.
    kept = "".join(c if unicodedata.category(c)[0] in "LM" else " " for c in text)
    return sorted({t for t in kept.split() if len(t) >= 2})


def token_digest(token):
    return hmac.new(blind_index_key(), token.encode(), hashlib.sha256).hexdigest()[:32]
