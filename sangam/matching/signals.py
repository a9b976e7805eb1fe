"""Matching listens: a missing-person report or a survivor saved anywhere
(page, API, merge, the HTCDS import) is scored against the other register
once the transaction commits, in the background (``match_new_task``); a
register imported (the import engine's ``imported`` signal, once per import)
starts a whole-register run, which also re-estimates the linkage model.

Saves of one transaction are scored together, in one task: an import of a
thousand survivors is one run, not a thousand. ``on_saved`` also takes a
batch of ids (``ids=``) for imports that write rows without saving models."""

from django.db import transaction
from django.dispatch import Signal

from sangam.matching.tasks import match_all_task, match_new_task

# What matching sends: a reviewer confirmed ``candidate`` (a missing-person
# report and a survivor are the same person); sent inside the decision's
# transaction, with ``candidate`` and ``user``.
match_confirmed = Signal()

# Which side of the linkage each register is.
SIDES = {"prevention.missingperson": "missing_ids", "cases.survivor": "survivor_ids"}


def _pending(connection):
    """{side: ids} saved on ``connection`` and not yet handed to a task."""
    pending = getattr(connection, "sangam_matching_pending", None)
    if pending is None:
        pending = connection.sangam_matching_pending = {side: set() for side in SIDES.values()}
    return pending


def _flush(connection):
    """After the commit: one task for everything saved. Every save asks for
    this; the first to run takes all the ids, the others find none."""
    pending = _pending(connection)
    ids = {side: sorted(pending[side]) for side in pending if pending[side]}
    connection.sangam_matching_pending = None
    if ids:
        match_new_task.enqueue(**ids)


def on_saved(sender, instance=None, raw=False, ids=None, **kwargs):
    """post_save of a report or a survivor, or a batch of their ``ids``."""
    if raw:  # loading a fixture
        return
    ids = [instance.pk] if ids is None else [int(pk) for pk in ids]
    if not ids:
        return
    connection = transaction.get_connection()
    _pending(connection)[SIDES[sender._meta.label_lower]].update(ids)
    # Outside a transaction this runs at once. A rolled-back save leaves its
    # id behind for the next commit: scoring a record again is harmless.
    transaction.on_commit(lambda: _flush(connection))


def on_imported(sender, pks=None, **kwargs):
    """A whole register imported (sent after its commit): many records at
    once, so the registers are run whole rather than record by record."""
    match_all_task.enqueue()
