"""Encrypted backups of the PostgreSQL database, and restoring one.

``pg_dump --format=custom`` is streamed through AES-256-GCM in 1 MiB chunks
(the STREAM construction: each chunk's nonce is a random prefix and its
number, and the associated data says whether it is the last), so a backup
never touches the disk in the clear, and a reordered, altered or truncated
file refuses to decrypt instead of restoring part of the database.

The key is ``SANGAM_BACKUP_KEY`` (base64 of 32 bytes), kept apart from the
database and from the backups. The data keys and the audit key are not in a
backup either: a restore needs the same ``SANGAM_DATA_KEYS`` and
``SANGAM_AUDIT_KEY`` to read survivors' records and verify the audit chain.
"""

import os
import shutil
import struct
import subprocess
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.utils import timezone

from sangam.audit import keys

MAGIC = b"SANGAM-BACKUP-1\n"
CHUNK = 1024 * 1024
PREFIX_BYTES = 8


class BackupError(Exception):
    """A backup or restore that could not be done; the message says why."""


def backup_key():
    raw = os.environ.get("SANGAM_BACKUP_KEY", "").strip()
    if not raw:
        raise BackupError("SANGAM_BACKUP_KEY is not set (base64 of 32 random bytes)")
    return keys._decode("SANGAM_BACKUP_KEY", raw)


def _aad(header, number, last):
    return header + struct.pack(">I?", number, last)


def encrypt_stream(source, target, key):
    """Read ``source`` to its end and write it encrypted to ``target``."""
    header = MAGIC + keys.key_id(key).encode() + os.urandom(PREFIX_BYTES)
    prefix = header[-PREFIX_BYTES:]
    aead = AESGCM(key)
    target.write(header)
    number, chunk = 0, source.read(CHUNK)
    while True:
        following = source.read(CHUNK) if chunk else b""
        last = not following
        sealed = aead.encrypt(prefix + struct.pack(">I", number), chunk, _aad(header, number, last))
        target.write(struct.pack(">I", len(sealed)) + sealed)
        if last:
            return
        number, chunk = number + 1, following


def decrypt_stream(source, target, key):
    header = source.read(len(MAGIC) + 12 + PREFIX_BYTES)
    if not header.startswith(MAGIC):
        raise BackupError("not a Sangam backup")
    if header[len(MAGIC) : len(MAGIC) + 12] != keys.key_id(key).encode():
        raise BackupError("this backup was made with another SANGAM_BACKUP_KEY")
    prefix = header[-PREFIX_BYTES:]
    aead = AESGCM(key)
    number, pending = 0, _read_chunk(source)
    while pending is not None:
        following = _read_chunk(source)
        last = following is None
        try:
            plain = aead.decrypt(
                prefix + struct.pack(">I", number), pending, _aad(header, number, last)
            )
        except InvalidTag as exc:
            raise BackupError(f"the backup is damaged or incomplete (chunk {number})") from exc
        target.write(plain)
        if last:
            return
        number, pending = number + 1, following
    raise BackupError("the backup is damaged or incomplete (no data)")


def _read_chunk(source):
    size = source.read(4)
    if not size:
        return None
    if len(size) < 4:
        raise BackupError("the backup is damaged or incomplete")
    (length,) = struct.unpack(">I", size)
    sealed = source.read(length)
    if len(sealed) != length:
        raise BackupError("the backup is damaged or incomplete")
    return sealed


def _postgres(database):
    if database["ENGINE"] != "django.db.backends.postgresql":
        raise BackupError(
            "sangam backup works on PostgreSQL; for the SQLite file of `make run`, stop Sangam "
            "and copy the file"
        )
    env = {**os.environ}
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = str(database["PASSWORD"])
    options = []
    for flag, name in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(name):
            options += [flag, str(database[name])]
    return options + ["--dbname", database["NAME"]], env


def _tool(name):
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} is not installed (Debian: postgresql-client)")
    return path


def make_backup(directory, database=None):
    """Write an encrypted dump into ``directory`` and return its path. A
    failed dump leaves no file behind."""
    key = backup_key()
    options, env = _postgres(database or settings.DATABASES["default"])
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = directory / f"sangam-{timezone.now():%Y%m%dT%H%M%SZ}.backup"
    partial = path.with_suffix(".partial")
    dump = subprocess.Popen(  # noqa: S603 (fixed program, arguments from settings)
        [_tool("pg_dump"), "--format=custom", "--compress=6", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as target:
            encrypt_stream(dump.stdout, target, key)
            target.flush()
            os.fsync(target.fileno())
        errors = dump.stderr.read().decode(errors="replace").strip()
        if dump.wait() != 0:
            raise BackupError(f"pg_dump failed: {errors}")
        partial.rename(path)
    finally:
        if dump.poll() is None:
            dump.kill()
            dump.wait()
        partial.unlink(missing_ok=True)
    return path


def restore(path, database):
    """Restore the backup at ``path`` into ``database`` (a settings dict),
    which must exist and be empty: a restore never overwrites data."""
    key = backup_key()
    options, env = _postgres(database)
    check = subprocess.run(  # noqa: S603
        [
            _tool("psql"),
            *options,
            "-Atc",
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if check.returncode != 0:
        raise BackupError(f"cannot reach the target database: {check.stderr.strip()}")
    if check.stdout.strip() != "0":
        raise BackupError("the target database is not empty: restore into a new database")
    restoring = subprocess.Popen(  # noqa: S603
        [_tool("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error", *options],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        with open(path, "rb") as source:
            decrypt_stream(source, restoring.stdin, key)
        restoring.stdin.close()
    except BackupError:
        # Nothing half-restored is kept by the caller: the drill drops the
        # database, an operator restores into a new one again.
        restoring.kill()
        restoring.wait()
        raise
    except BrokenPipeError:
        pass  # pg_restore stopped early: its own error is reported below
    errors = restoring.stderr.read().decode(errors="replace").strip()
    if restoring.wait() != 0:
        raise BackupError(f"pg_restore failed: {errors}")
