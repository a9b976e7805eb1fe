"""Deletes of personal data, found through the registry: a queryset's
delete() and every row it cascades to write an audit entry, like a save."""

import pytest
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError

from sangam.audit.models import AuditEntry
from sangam.core import registry
from sangam.core.access import SYSTEM

MODELS = registry.restricted_models()
LABELS = {m._meta.label_lower for m in MODELS}


def _delete(queryset, depth=0):
    """Delete like an administrator cleaning up would: what protects the
    rows (a survivor's case) first. Returns {label: rows removed}."""
    try:
        return queryset.delete()[1]
    except (ProtectedError, RestrictedError) as exc:
        if depth == 3:
            raise
        removed = {}
        blockers = (
            exc.protected_objects if isinstance(exc, ProtectedError) else exc.restricted_objects
        )
        by_model = {}
        for obj in blockers:
            by_model.setdefault(type(obj), []).append(obj.pk)
        for model, pks in by_model.items():
            for label, n in _delete(model._base_manager.filter(pk__in=pks), depth + 1).items():
                removed[label] = removed.get(label, 0) + n
        for label, n in _delete(queryset, depth + 1).items():
            removed[label] = removed.get(label, 0) + n
        return removed


@pytest.mark.parametrize("model", MODELS, ids=[m._meta.label for m in MODELS])
def test_a_queryset_delete_writes_an_entry_for_each_row_it_removes(model, world):
    obj = model.objects.restrict(SYSTEM).order_by("-pk").first()
    assert obj is not None, f"the demo world has no {model._meta.verbose_name}"
    before = AuditEntry.objects.count()
    with transaction.atomic():
        removed = _delete(model.objects.restrict(SYSTEM).filter(pk=obj.pk))
        entries = list(AuditEntry.objects.filter(seq__gt=before, action="delete"))
        transaction.set_rollback(True)
    assert any(e.object_type == model._meta.label_lower and e.object_id == str(obj.pk)
               for e in entries)  # fmt: skip
    for label, n in removed.items():
        if label.lower() in LABELS:
            assert sum(e.object_type == label.lower() for e in entries) == n, label
