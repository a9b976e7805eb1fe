"""Shapes every Sangam model shares: change logging, version checks and, for
personal data, the fail-closed manager."""

from django.conf import settings
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from sangam.core.access import AccessPaths, RestrictedManager, system_context


class EditConflict(Exception):
    """Someone else saved this record after it was loaded for editing."""


class ChangeLoggedModel(models.Model):
    """Writes an audit entry for every create, update and delete.

    Deletes are recorded by a post_delete receiver (connect_delete_logging),
    so a queryset's delete() and the rows a delete cascades to are recorded
    like ``obj.delete()``, in the same transaction.

    Entries name the fields that changed, not their values: the audit trail
    must not become a second copy of personal data.
    """

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        from sangam.audit import log

        creating = self._state.adding
        changed = kwargs.get("update_fields")
        with transaction.atomic():
            super().save(*args, **kwargs)
            log.record(
                "create" if creating else "update",
                log.label_of(self),
                self.pk,
                detail={"fields": sorted(changed)} if changed else {},
            )

    @classmethod
    def log_bulk_write(cls, action, ids, fields=()):
        """Called by ScopedQuerySet for writes that bypass save()."""
        from sangam.audit import log

        if ids:
            log.record_changes(action, cls, ids, fields)


class VersionedModel(models.Model):
    """Optimistic locking: edits say which version they started from."""

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def save_checked(self, expected_version, **kwargs):
        """Save only if nobody saved since ``expected_version``; else EditConflict."""
        with transaction.atomic():
            current = (
                type(self)
                ._base_manager.select_for_update()
                .filter(pk=self.pk)
                # No default ordering: one across a nullable relation (a
                # scheme's state) would be an outer join PostgreSQL cannot lock.
                .order_by()
                .values_list("version", flat=True)
                .first()
            )
            if current != expected_version:
                raise EditConflict(self._meta.label)
            self.version = expected_version + 1
            self.save(**kwargs)


class PersonalDataModel(ChangeLoggedModel, VersionedModel):
    """A model holding personal data: fail-closed queries, audited changes."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )

    objects = RestrictedManager()
    access_paths = AccessPaths(owner="created_by")

    class Meta:
        abstract = True

    # Django's own uniqueness checks query through the default manager.
    def validate_unique(self, exclude=None):
        with system_context():
            return super().validate_unique(exclude)

    def validate_constraints(self, exclude=None):
        with system_context():
            return super().validate_constraints(exclude)


def _log_delete(sender, instance, **kwargs):
    from sangam.audit import log

    log.record("delete", log.label_of(sender), instance.pk)


def connect_delete_logging():
    """Called once the apps are loaded. One receiver per change-logged model
    (those that say how their bulk writes are logged: staff accounts too),
    not a global one: a global receiver would slow every other model's
    deletes (sessions, task results) to one query per row."""
    from django.apps import apps
    from django.db.models.signals import post_delete

    for model in apps.get_models():
        if getattr(model, "log_bulk_write", None) is not None:
            post_delete.connect(
                _log_delete, sender=model, dispatch_uid=f"audit-{model._meta.label}"
            )
