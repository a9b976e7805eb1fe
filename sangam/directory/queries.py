"""Restricted look-ups of the directory shared by pages, dashboard and reminders."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from sangam.directory.models import Service


def stale_services(user):
    cutoff = timezone.localdate() - timedelta(days=settings.SANGAM_DIRECTORY_STALE_DAYS)
    return (
        Service.objects.restrict(user, "change")
        .filter(status=Service.Status.ACTIVE)
        .filter(Q(assured_date__isnull=True) | Q(assured_date__lt=cutoff))
    )
