"""Writing to the audit trail, and who is acting right now."""

import contextvars
from contextlib import contextmanager

from django.db import transaction
from django.utils import timezone

from sangam.audit.correlation import correlated
from sangam.audit.correlation import current as current_correlation
from sangam.audit.models import AuditChainHead, AuditEntry

_actor = contextvars.ContextVar("sangam_audit_actor", default=None)

# Ids one bulk write's entry lists at most (a 10,000-row update is 10 entries).
IDS_PER_ENTRY = 1000


class Actor:
    def __init__(self, user=None, label=None, ip=None):
        self.user = user
        self.label = label or (user.get_username() if user is not None else "system")
        self.ip = ip


@contextmanager
def acting_as(user=None, label=None, ip=None):
    """Attribute audit entries written inside the block to this actor. Work
    that is not already correlated (a command, a background task) gets its
    own correlation id."""
    token = _actor.set(Actor(user, label, ip))
    try:
        if current_correlation():
            yield
        else:
            with correlated():
                yield
    finally:
        _actor.reset(token)


def current_actor():
    return _actor.get() or Actor(label="system")


def record(action, object_type="", object_id="", *, detail=None, purpose="", actor=None):
    actor = actor or current_actor()
    user = actor.user
    with transaction.atomic():
        # The head row lock serialises appends, so the chain never forks.
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(pk=1)
        entry = AuditEntry(
            seq=head.seq + 1,
            at=timezone.now(),
            actor_id=getattr(user, "pk", None),
            actor_label=actor.label[:150],
            action=action,
            object_type=object_type,
            object_id=str(object_id)[:64],
            ip=actor.ip,
            purpose=purpose or "",
            detail=detail or {},
            correlation=current_correlation(),
            prev_hash=head.hash,
        )
        entry.hash = entry.compute_hash()
        entry.save()
        head.seq, head.hash = entry.seq, entry.hash
        head.save(update_fields=["seq", "hash"])
    return entry


def record_changes(action, model, ids, fields=()):
    """A bulk write (queryset update, bulk_create, bulk_update) changed the
    rows ``ids``: one entry like a save's for one row, else entries listing
    at most IDS_PER_ENTRY ids each. Field names only, never values."""
    ids = [str(i) for i in ids]
    detail = {"fields": sorted(fields)} if fields else {}
    if len(ids) == 1:
        return [record(action, label_of(model), ids[0], detail=detail)]
    return [
        record(
            action,
            label_of(model),
            "",
            detail={**detail, "ids": chunk, "count": len(chunk)},
        )
        for chunk in (ids[i : i + IDS_PER_ENTRY] for i in range(0, len(ids), IDS_PER_ENTRY))
    ]


def label_of(model_or_obj):
    return model_or_obj._meta.label_lower


def record_view(obj, purpose=""):
    return record(AuditEntry.Action.VIEW, label_of(obj), obj.pk, purpose=purpose)


def record_list(model, ids, purpose="", action=AuditEntry.Action.LIST):
    """A list or export showed identifying data of these records."""
    ids = [str(i) for i in ids]
    return record(
        action, label_of(model), "", detail={"ids": ids, "count": len(ids)}, purpose=purpose
    )


class AuditedPage:
    """A queryset an API paginates: the rows are audited once the page is
    sliced (never the whole set), and ``show`` turns each into its output."""

    def __init__(self, qs, show=None):
        self.qs, self.show = qs, show

    def count(self):
        return self.qs.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, item):
        rows = list(self.qs[item])
        if rows:
            record_list(self.qs.model, [r.pk for r in rows])
        return [self.show(r) for r in rows] if self.show else rows
