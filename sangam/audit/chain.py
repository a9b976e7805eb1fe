"""Checking the chain, and moving it to a new key.

``verify`` walks every entry, then compares the head row and every anchor
with what it found. ``rekey`` rewrites the hashes of a chain that verifies
under its old rule (unkeyed, or a previous key) with the current key; it
needs the database owner's rights, like a migration, because it lifts the
append-only triggers for its own transaction.
"""

from django.db import connection, transaction

from sangam.audit import keys, triggers
from sangam.audit.models import GENESIS, AuditChainHead, AuditEntry


class Broken(Exception):
    def __init__(self, seq, reason):
        super().__init__(f"broken at entry {seq}: {reason}")
        self.seq, self.reason = seq, reason


def _walk(hash_of):
    """Yield each entry after checking its place and hash with ``hash_of``."""
    expected_seq, prev_hash = 1, GENESIS
    for entry in AuditEntry.objects.order_by("seq").iterator(chunk_size=2000):
        if entry.seq != expected_seq:
            raise Broken(expected_seq, f"entry {expected_seq} is missing")
        if entry.prev_hash != prev_hash:
            raise Broken(entry.seq, "does not follow the previous entry")
        if hash_of(entry) != entry.hash:
            raise Broken(entry.seq, "content was altered")
        own_hash = entry.hash  # the caller may re-hash the entry it is given
        yield entry
        prev_hash = own_hash
        expected_seq += 1


def verify(anchors=(), allow_newer_anchors=False):
    """Walk the chain. Returns (checked_count, problem) where problem is None
    or (seq, reason) naming the first broken entry.

    Every anchor must match the entry it names; an anchor beyond the end of
    the chain means the newest entries were removed — unless
    ``allow_newer_anchors`` (a restore drill of an older backup)."""
    key = keys.audit_key()
    wanted = {a.seq: a for a in anchors}
    checked, last_hash = 0, GENESIS
    try:
        for entry in _walk(lambda e: e.compute_hash(key)):
            checked, last_hash = entry.seq, entry.hash
            anchor = wanted.get(entry.seq)
            if anchor is not None and anchor.hash != entry.hash:
                return checked - 1, (entry.seq, f"differs from the anchor of {anchor.at}")
    except Broken as broken:
        if broken.seq == 1 and _legacy_first_entry():
            return 0, (1, "the chain is not keyed yet: run `sangam audit rekey --from-legacy`")
        return checked, (broken.seq, broken.reason)
    # A missing head row counts as an empty chain: if entries exist, that
    # mismatch is reported like any other removal.
    head = AuditChainHead.objects.filter(pk=1).first() or AuditChainHead(seq=0)
    if head.seq != checked or head.hash != last_hash:
        return checked, (checked + 1, f"entries after {checked} were removed (head is {head.seq})")
    newest = max(anchors, key=lambda a: a.seq, default=None)
    if newest is not None and newest.seq > checked and not allow_newer_anchors:
        return checked, (
            checked + 1,
            f"entries after {checked} were removed (anchored at {newest.seq} on {newest.at})",
        )
    return checked, None


def _legacy_first_entry():
    first = AuditEntry.objects.order_by("seq").first()
    return first is not None and first.seq == 1 and first.legacy_hash() == first.hash


def rekey(from_legacy=False):
    """Re-hash the whole chain with the current key, after checking it under
    the old rule. Returns the number of entries; raises Broken (and changes
    nothing) if the chain does not verify under the old rule."""
    if from_legacy:
        old = AuditEntry.legacy_hash
    else:
        previous = keys.previous_key()
        if previous is None:
            raise ValueError("set SANGAM_AUDIT_PREVIOUS_KEY to the key the chain is under")
        old = lambda e: e.compute_hash(previous)  # noqa: E731
    key = keys.audit_key()
    with transaction.atomic():
        # Holding the head row lock: nobody appends while the chain moves.
        AuditChainHead.objects.select_for_update().get_or_create(pk=1)
        rows, prev_hash = [], GENESIS
        for entry in _walk(old):
            entry.prev_hash = prev_hash
            entry.hash = entry.compute_hash(key)
            rows.append((entry.prev_hash, entry.hash, entry.pk))
            prev_hash = entry.hash
        head = AuditChainHead.objects.get(pk=1)
        if head.seq != len(rows):
            raise Broken(len(rows) + 1, f"entries after {len(rows)} were removed")
        with triggers.lifted(), connection.cursor() as cursor:
            cursor.executemany(
                "UPDATE audit_auditentry SET prev_hash = %s, hash = %s WHERE id = %s", rows
            )
            cursor.execute("UPDATE audit_auditchainhead SET hash = %s WHERE id = 1", [prev_hash])
    return len(rows)
