from django.db import transaction
from django.tasks import task

from sangam.matching import registers


@task
def match_new_task(missing_ids=None, survivor_ids=None):
    registers.run(missing_ids=missing_ids, survivor_ids=survivor_ids)


@task
def match_all_task():
    registers.run()


def match_all_later():
    """A whole-register run after the commit (an import brought many records)."""
    transaction.on_commit(match_all_task.enqueue)


def match_when_saved(missing=None, survivors=None):
    """Score new records against the other register once they are committed."""
    missing = [int(pk) for pk in missing or []]
    survivors = [int(pk) for pk in survivors or []]
    if not (missing or survivors):
        return
    transaction.on_commit(
        lambda: match_new_task.enqueue(missing_ids=missing or None, survivor_ids=survivors or None)
    )
