"""Tell each district administration which directory entries need verifying.

The message carries counts and a link only: no names of people, and the
entries themselves are public information."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone

from sangam.agencies.notify import site_link, staff_emails
from sangam.core import notify
from sangam.core.roles import Role
from sangam.directory.models import Service


def stale_counts():
    """{district_id: number of active entries not verified in time}."""
    cutoff = timezone.localdate() - timedelta(days=settings.SANGAM_DIRECTORY_STALE_DAYS)
    rows = (
        Service.objects.filter(status=Service.Status.ACTIVE, district__isnull=False)
        .filter(Q(assured_date__isnull=True) | Q(assured_date__lt=cutoff))
        .values("district")
        .annotate(n=Count("pk"))
    )
    return {r["district"]: r["n"] for r in rows}


def notify_stale():
    counts = stale_counts()
    officials = staff_emails(Role.DISTRICT_OFFICIAL, agency__district__in=list(counts))
    link = site_link("directory:stale")
    notified = set()
    for email, language, _agency, district in officials:
        notify.send(
            [(email, language)],
            "directory/email/stale",
            {"count": counts[district], "days": settings.SANGAM_DIRECTORY_STALE_DAYS, "link": link},
        )
        notified.add(district)
    return len(notified)
