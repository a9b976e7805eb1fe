"""The law's numbers as versioned reference data.

Amounts, deadlines, sections and schemes change by notification, one state at
a time. Each capability keeps them as a *version* (a ``ReferenceVersion``
model: where it comes from, when it is in force, whether it was checked
against the notified text) with its *rows* (``ReferenceRow`` models: harms
and amounts, sections and punishments). A version is drafted, then
published; a published version and its rows are never edited again, so a
claim or a clock decided under it can always say which rule it used. A new
notification is a new version.

Shipped versions come from files in ``<app>/reference/`` loaded by a data
migration; they are marked ``verified = False`` ("verify against the notified
text") until someone who has the gazette checks them.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sangam.core.models import ChangeLoggedModel

LOCKED = _("This version is published and can no longer be changed; draft a new version.")


class PublishedVersionLocked(ValidationError):
    """A change to a published version or to one of its rows."""

    def __init__(self):
        super().__init__(LOCKED, code="published")


class InForceQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)

    def in_force(self, on=None):
        """Published versions in force on the date ``on`` (today by default)."""
        on = on or timezone.localdate()
        return (
            self.published()
            .filter(in_force_from__lte=on)
            .filter(models.Q(in_force_until__isnull=True) | models.Q(in_force_until__gte=on))
        )


class ReferenceVersion(ChangeLoggedModel):
    """One notified version of a rule set. Subclasses add what the version is
    *of* (a state, a scheme name) and their rows point at it."""

    title = models.CharField(_("title"), max_length=200)
    source = models.TextField(
        _("source"), help_text=_("The notification, act or section this version comes from.")
    )
    source_url = models.URLField(_("link to the source"), blank=True)
    in_force_from = models.DateField(_("in force from"))
    in_force_until = models.DateField(_("in force until"), null=True, blank=True)
    verified = models.BooleanField(
        _("checked against the notified text"),
        default=False,
        help_text=_("Shipped versions say “verify against the notified scheme” until checked."),
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)

    objects = InForceQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    @property
    def is_published(self):
        return self.published_at is not None

    def clean(self):
        super().clean()
        if self.in_force_until and self.in_force_from and self.in_force_until < self.in_force_from:
            raise ValidationError(
                {"in_force_until": _("A version cannot end before it comes into force.")}
            )

    def save(self, *args, **kwargs):
        if self.pk and not self._state.adding:
            stored = type(self)._base_manager.filter(pk=self.pk).first()
            if stored is not None and stored.is_published:
                # Only closing its period (when the next version comes into
                # force) is allowed once published.
                if _changed_fields(stored, self) - {"in_force_until", "updated_at"}:
                    raise PublishedVersionLocked()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.is_published:
            raise PublishedVersionLocked()
        return super().delete(*args, **kwargs)

    def publish(self):
        """Lock the version; its rows are checked by ``check_rows`` first."""
        self.full_clean()
        self.check_rows()
        self.published_at = timezone.now()
        type(self)._base_manager.filter(pk=self.pk).update(published_at=self.published_at)
        self.log_bulk_write("update", [self.pk], ["published_at"])

    def check_rows(self):
        """Raise ValidationError if the rows are inconsistent; subclasses add
        their rules (a minimum above a maximum, a missing section)."""


class ReferenceRow(ChangeLoggedModel):
    """A row of a version (``version`` is the subclass's foreign key): frozen
    with its version."""

    class Meta:
        abstract = True

    def _version_published(self):
        version = getattr(self, "version", None)
        if version is None or version.pk is None:
            return False
        return (
            type(version)._base_manager.filter(pk=version.pk, published_at__isnull=False).exists()
        )

    def save(self, *args, **kwargs):
        if self._version_published():
            raise PublishedVersionLocked()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self._version_published():
            raise PublishedVersionLocked()
        return super().delete(*args, **kwargs)


def _changed_fields(stored, current):
    return {
        f.attname
        for f in current._meta.concrete_fields
        if getattr(stored, f.attname) != getattr(current, f.attname)
    }
