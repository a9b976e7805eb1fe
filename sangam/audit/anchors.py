"""Anchors: the chain head copied outside the database.

``sangam audit anchor`` appends one line per run to an append-only file
(``SANGAM_AUDIT_ANCHOR_FILE``, default ``var/audit-anchors.jsonl``; in
production put it on another machine's storage or make it append-only with
``chattr +a``): the head's sequence number and hash, the time, the id of the
key and an HMAC of all four under the audit key. Someone who can rewrite the
database but not this file cannot remove the newest entries, or move the head
row back, without ``sangam audit verify`` noticing; someone who can write the
file but has no key cannot forge a line.
"""

import json
import os
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from sangam.audit import keys
from sangam.audit.models import AuditChainHead


def anchor_file():
    return Path(
        os.environ.get("SANGAM_AUDIT_ANCHOR_FILE", settings.VAR_DIR / "audit-anchors.jsonl")
    )


@dataclass(frozen=True)
class Anchor:
    line: int
    seq: int
    hash: str
    at: str
    key: str

    def message(self):
        return f"{self.seq}|{self.hash}|{self.at}|{self.key}"


class ForgedAnchor(Exception):
    """A line of the anchor file is not what `audit anchor` wrote."""


def write_anchor():
    """Append the current head to the anchor file and return its Anchor."""
    head = AuditChainHead.objects.filter(pk=1).first() or AuditChainHead(seq=0)
    key = keys.audit_key()
    anchor = Anchor(
        line=0,
        seq=head.seq,
        hash=head.hash,
        at=timezone.now().isoformat(timespec="seconds"),
        key=keys.key_id(key),
    )
    record = {
        "seq": anchor.seq,
        "hash": anchor.hash,
        "at": anchor.at,
        "key": anchor.key,
        "mac": keys.mac(key, anchor.message()),
    }
    path = anchor_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    # O_APPEND: each line is added whole at the end, never rewriting what is there.
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, (json.dumps(record, sort_keys=True) + "\n").encode())
        os.fsync(fd)
    finally:
        os.close(fd)
    return anchor


def read_anchors():
    """(anchors signed with the current key, count of lines signed with
    another key before a rekey). Raises ForgedAnchor naming the first line
    that is malformed or whose HMAC does not match."""
    path = anchor_file()
    if not path.exists():
        return [], 0
    key = keys.audit_key()
    current = keys.key_id(key)
    found, other_keys = [], 0
    for number, text in enumerate(path.read_text().splitlines(), start=1):
        if not text.strip():
            continue
        try:
            record = json.loads(text)
            anchor = Anchor(
                number, int(record["seq"]), str(record["hash"]), str(record["at"]), record["key"]
            )
            signature = str(record["mac"])
        except (ValueError, KeyError, TypeError) as exc:
            raise ForgedAnchor(f"line {number} of the anchor file is malformed") from exc
        if anchor.key != current:
            other_keys += 1
            continue
        if keys.mac(key, anchor.message()) != signature:
            raise ForgedAnchor(f"line {number} of the anchor file is not signed with the audit key")
        found.append(anchor)
    return found, other_keys
