"""The shipped offence and clock tables (``reference/*.json``), loaded by a
data migration as published versions marked "verify against the notified
text", and the look-ups of the version in force on a day."""

import json
from pathlib import Path

from django.utils import timezone

HERE = Path(__file__).parent / "reference"


def load(apps=None):
    """Create the shipped versions that are not there yet (by title)."""
    get = (lambda name: apps.get_model("justice", name)) if apps else _model
    now = timezone.now()
    for name, rows_model, rows_key, filename in (
        ("OffenceTable", "Offence", "offences", "offences.json"),
        ("ClockTable", "ClockRule", "rules", "clocks.json"),
    ):
        Version, Row = get(name), get(rows_model)
        for spec in json.loads((HERE / filename).read_text()):
            if Version.objects.filter(title=spec["title"]).exists():
                continue
            rows = spec.pop(rows_key)
            version = Version.objects.create(**spec, verified=False)
            for row in rows:
                Row.objects.create(version=version, **{k: v for k, v in row.items() if v != ""})
            # Published (locked) in one write, after its rows.
            Version.objects.filter(pk=version.pk).update(published_at=now)


def _model(name):
    from django.apps import apps

    return apps.get_model("justice", name)


def offences_in_force(on):
    """Sections chargeable on the day ``on``."""
    from django.db.models import Q

    from sangam.justice.models import Offence, OffenceTable

    return Offence.objects.filter(
        Q(commenced_on__isnull=True) | Q(commenced_on__lte=on),
        version__in=OffenceTable.objects.in_force(on),
    )


def clock_table(on):
    """The clock table in force on the day ``on``: of two published for the
    same period, the later one (a new version replaces the one before)."""
    from sangam.justice.models import ClockTable

    newest_first = ("-in_force_from", "-published_at", "-pk")
    return ClockTable.objects.in_force(on).order_by(*newest_first).first()


def clock_rules(on):
    """{kind: rule} of the clock table in force on the day ``on``."""
    from sangam.justice.models import ClockRule

    version = clock_table(on)
    if version is None:
        return {}
    return {r.kind: r for r in ClockRule.objects.filter(version=version)}
