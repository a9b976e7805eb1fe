"""Shipped scheme versions (JSON), loaded by migration 0002, marked unverified."""

import json
from datetime import date
from pathlib import Path

from django.utils import timezone

HERE = Path(__file__).resolve().parent


def load(SchemeVersion, SchemeHarm):
    """Create each shipped version once (by title), published and unverified."""
    made = 0
    for path in sorted(HERE.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if SchemeVersion.objects.filter(title=data["title"]).exists():
            continue
        harms = data.pop("harms")
        data.pop("state")
        data["in_force_from"] = date.fromisoformat(data["in_force_from"])
        version = SchemeVersion.objects.create(verified=False, **data)
        SchemeHarm.objects.bulk_create(
            SchemeHarm(
                version=version, code=code, label=label, min_amount=low, max_amount=high, order=i
            )
            for i, (code, label, low, high) in enumerate(harms)
        )
        SchemeVersion.objects.filter(pk=version.pk).update(published_at=timezone.now())
        made += 1
    return made
