"""Shipped reference data (the JSON files here), loaded by data migrations
and by the tests, marked unverified: the victim compensation schemes
(migration 0002), the bonded-labour scheme (0003, refused whole when a
version is inconsistent) and the entitlement catalogue (0004)."""

import json
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from sangam.compensation.models.bonded import scheme_problems

HERE = Path(__file__).resolve().parent
VICTIM_COMPENSATION = ("nalsa-2018.json", "cvcf-2015.json")


def load(SchemeVersion, SchemeHarm):
    """Create each shipped version once (by title), published and unverified."""
    made = 0
    for path in (HERE / name for name in VICTIM_COMPENSATION):
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


FILES = HERE
BONDED_LABOUR = ("bonded-labour-2016.json", "bonded-labour-2021.json")
ENTITLEMENTS = ("entitlements-national.json",)


def _date(value):
    return date.fromisoformat(value) if value else None


@transaction.atomic
def load_bonded_labour_scheme(data, scheme_model, category_model, *, publish=True):
    """One version and its categories from ``data`` (a dict as in the files),
    checked and published; nothing is kept if it is inconsistent. Takes the
    models as arguments so that migrations can pass their historical ones."""
    if scheme_model.objects.filter(code=data["code"]).exists():
        return None
    scheme = scheme_model.objects.create(
        code=data["code"],
        title=data["title"],
        source=data["source"],
        source_url=data.get("source_url", ""),
        in_force_from=_date(data["in_force_from"]),
        in_force_until=_date(data.get("in_force_until")),
        immediate_assistance_limit=data["immediate_assistance_limit"],
        verified=False,
    )
    for row in data["categories"]:
        category_model.objects.create(version=scheme, **row)
    problems = scheme_problems(scheme)
    if problems:
        raise ValidationError([str(p) for p in problems])
    if publish:
        scheme_model.objects.filter(pk=scheme.pk).update(published_at=timezone.now())
    return scheme


def shipped_bonded_labour_schemes():
    return [json.loads((FILES / name).read_text(encoding="utf-8")) for name in BONDED_LABOUR]


def shipped_entitlement_catalogues():
    return [json.loads((FILES / name).read_text(encoding="utf-8")) for name in ENTITLEMENTS]


@transaction.atomic
def load_entitlement_catalogue(data, catalogue_model, item_model, state_model):
    """One catalogue version and its items, published; refused whole when a
    code repeats or a label is missing."""
    if catalogue_model.objects.filter(code=data["code"]).exists():
        return None
    codes = [item["code"] for item in data["items"]]
    if not codes or len(set(codes)) != len(codes):
        raise ValidationError("A catalogue lists each entitlement once, and at least one.")
    if any(not item["label"].strip() for item in data["items"]):
        raise ValidationError("Every entitlement needs a label.")
    state = state_model.objects.get(code=data["state"]) if data.get("state") else None
    catalogue = catalogue_model.objects.create(
        code=data["code"],
        state=state,
        title=data["title"],
        source=data["source"],
        in_force_from=_date(data["in_force_from"]),
        in_force_until=_date(data.get("in_force_until")),
        verified=False,
    )
    for item in data["items"]:
        item_model.objects.create(version=catalogue, **item)
    catalogue_model.objects.filter(pk=catalogue.pk).update(published_at=timezone.now())
    return catalogue


def load_all():
    """Every shipped version not there yet, with the live models: what the
    data migrations load, again for a database emptied since (a test's
    flush) — called by `sangam seed`."""
    from sangam.compensation.models import (
        BondedLabourCategory,
        BondedLabourScheme,
        EntitlementCatalogue,
        EntitlementItem,
        SchemeHarm,
        SchemeVersion,
    )
    from sangam.geography.models import State

    load(SchemeVersion, SchemeHarm)
    for data in shipped_bonded_labour_schemes():
        load_bonded_labour_scheme(data, BondedLabourScheme, BondedLabourCategory)
    for data in shipped_entitlement_catalogues():
        load_entitlement_catalogue(data, EntitlementCatalogue, EntitlementItem, State)
