"""Long work (imports, matching runs, exports) reports progress here so that
people see a status page instead of a spinning browser tab."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Finished")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=60)
    title = models.CharField(max_length=200)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    done = models.PositiveBigIntegerField(default=0)
    total = models.PositiveBigIntegerField(null=True, blank=True)
    message = models.CharField(max_length=300, blank=True)
    result = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    @property
    def percent(self):
        if not self.total:
            return None
        return min(100, round(100 * self.done / self.total))

    @property
    def is_finished(self):
        return self.status in (self.Status.SUCCEEDED, self.Status.FAILED)

    # Progress is written with UPDATE, not save(), so that a task reporting
    # progress never overwrites fields the web process changed.
    def start(self, total=None):
        self.status, self.started_at, self.total = self.Status.RUNNING, timezone.now(), total
        Job.objects.filter(pk=self.pk).update(
            status=self.status, started_at=self.started_at, total=total
        )

    def progress(self, done, message=""):
        self.done = done
        Job.objects.filter(pk=self.pk).update(done=done, message=message[:300])

    def finish(self, result, failed=False, message=""):
        self.status = self.Status.FAILED if failed else self.Status.SUCCEEDED
        self.finished_at = timezone.now()
        Job.objects.filter(pk=self.pk).update(
            status=self.status,
            finished_at=self.finished_at,
            result=result,
            message=message[:300],
        )


class ScheduledRun(models.Model):
    """One run of a periodic command started by the scheduler
    (``jobs/schedule.py``): when, how it ended, and for a failure the kind of
    error and where, never its message (which may quote a record)."""

    class Outcome(models.TextChoices):
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Skipped: the previous run was still going")

    command = models.CharField(max_length=100)
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.RUNNING)
    error = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["command", "-started_at"], name="scheduled_run_latest")]

    def __str__(self):
        return f"{self.command} at {self.started_at:%Y-%m-%d %H:%M}"
