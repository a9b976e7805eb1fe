"""The backup file format: encrypted in chunks, and refusing anything that
is not exactly what `sangam backup` wrote."""

import io
import os

import pytest

from sangam.audit import backup
from sangam.audit.backup import BackupError, decrypt_stream, encrypt_stream

KEY = os.urandom(32)


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch):
    monkeypatch.setattr(backup, "CHUNK", 16)


def _sealed(data, key=KEY):
    out = io.BytesIO()
    encrypt_stream(io.BytesIO(data), out, key)
    return out.getvalue()


def _opened(blob, key=KEY):
    out = io.BytesIO()
    decrypt_stream(io.BytesIO(blob), out, key)
    return out.getvalue()


@pytest.mark.parametrize("size", [0, 1, 16, 17, 100])
def test_a_backup_decrypts_to_what_was_dumped(size):
    data = os.urandom(size)
    blob = _sealed(data)
    assert _opened(blob) == data
    # Below 16 bytes random data may turn up in the ciphertext by chance.
    assert data not in blob or size < 16


def test_an_altered_byte_is_refused():
    blob = bytearray(_sealed(b"synthetic dump " * 10))
    blob[-5] ^= 1
    with pytest.raises(BackupError, match="damaged or incomplete"):
        _opened(bytes(blob))


def test_a_backup_cut_after_a_whole_chunk_is_refused():
    blob = _sealed(b"x" * 64)  # four chunks of 16 bytes
    header = len(backup.MAGIC) + 12 + backup.PREFIX_BYTES
    one_chunk = 4 + 16 + 16  # length, ciphertext, tag
    with pytest.raises(BackupError, match="damaged or incomplete"):
        _opened(blob[: header + 2 * one_chunk])


def test_another_key_is_named():
    with pytest.raises(BackupError, match="another SANGAM_BACKUP_KEY"):
        _opened(_sealed(b"data"), os.urandom(32))


def test_a_file_that_is_not_a_backup_is_named():
    with pytest.raises(BackupError, match="not a Sangam backup"):
        _opened(b"PGDMP plain dump")


def test_the_backup_key_must_be_set(monkeypatch):
    monkeypatch.delenv("SANGAM_BACKUP_KEY", raising=False)
    with pytest.raises(BackupError, match="SANGAM_BACKUP_KEY is not set"):
        backup.backup_key()
