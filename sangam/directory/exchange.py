"""HSDS export and import: JSON (nested organization objects) and CSV
(HSDS tabular files, a folder or a .zip).

Import is all-or-nothing: every record is checked first (JSON schema of its
HSDS table, UUID ids, no duplicates, references that resolve, taxonomy terms
that exist); any error means nothing is written and the report names each
record by a JSON pointer. Problems Sangam can repair without guessing are
warnings: coordinates outside WGS84 are dropped (the location stays, off
the map), links to records that are not in the file are dropped where the
link is optional, tables Sangam does not keep (contacts, funding,
programs…) are skipped.
"""

import csv
import datetime as dt
import io
import json
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from jsonschema import Draft202012Validator

from sangam.audit import log
from sangam.core.exports import restore_cell, safe_dict
from sangam.core.vocabulary import Takes
from sangam.directory import hsds
from sangam.directory import models as m
from sangam.directory.indexing import place_services, rebuild_search_text
from sangam.geography.models import District, State

# Load order: a table's references come before it.
ORDER = list(hsds.TABLES)
CSV_FILES = {t: f"{t}.csv" for t in ORDER}
# Required references: table -> {column: referenced table}
REQUIRED_REFS = {
    "taxonomy_terms": {},
    "services": {"organization_id": "organizations"},
    "service_at_location": {"service_id": "services", "location_id": "locations"},
    "addresses": {"location_id": "locations"},
    "attributes": {"taxonomy_term_id": "taxonomy_terms"},
    "service_capacities": {"service_id": "services"},
    "service_areas": {"service_id": "services"},
}
OPTIONAL_REFS = {
    "taxonomy_terms": {"parent_id": "taxonomy_terms", "taxonomy_id": "taxonomies"},
    "locations": {"organization_id": "organizations"},
    "phones": {
        "location_id": "locations",
        "service_id": "services",
        "organization_id": "organizations",
        "service_at_location_id": "service_at_location",
    },
    "schedules": {
        "service_id": "services",
        "location_id": "locations",
        "service_at_location_id": "service_at_location",
    },
    "languages": {"service_id": "services", "location_id": "locations", "phone_id": "phones"},
}
# A record that must belong to one of these (else it is skipped).
OWNERS = {
    "phones": ["location_id", "service_id", "organization_id", "service_at_location_id"],
    "schedules": ["service_id", "location_id", "service_at_location_id"],
    "languages": ["service_id", "location_id", "phone_id"],
}


@dataclass
class Report:
    errors: list = field(default_factory=list)  # (pointer, reason)
    warnings: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)
    committed: bool = False

    def error(self, pointer, reason):
        self.errors.append((pointer, reason))

    def warn(self, pointer, reason):
        self.warnings.append((pointer, reason))


@dataclass
class Record:
    pointer: str
    data: dict


# ---------------------------------------------------------------- reading


class ImportFileError(Exception):
    pass


def read(path):
    """Tables of Records from an HSDS JSON file, a CSV folder or a .zip of CSVs."""
    path = Path(path)
    if path.is_dir() or path.suffix.lower() == ".zip":
        return read_csv(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportFileError(f"cannot read {path.name}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise ImportFileError(f"{path.name} is not JSON: line {exc.lineno}: {exc.msg}") from None
    except RecursionError:
        raise ImportFileError(f"{path.name} is nested too deeply to be HSDS") from None
    if _depth(data) > MAX_DEPTH:
        raise ImportFileError(f"{path.name} is nested too deeply to be HSDS")
    return read_json(data)


# HSDS nests organization → service → service_at_location → location → …
# a dozen levels at most; deeper files would exhaust the schema checker's stack.
MAX_DEPTH = 32


def _depth(data):
    depth, level = 0, [data]
    while level:
        depth += 1
        if depth > MAX_DEPTH:
            return depth
        level = [
            child
            for node in level
            for child in (node.values() if isinstance(node, dict) else node)
            if isinstance(child, dict | list)
        ]
    return depth


def _unstorable_text(tables):
    """Errors for text no database stores (NUL characters, lone surrogates)."""
    for records in tables.values():
        for record in records:
            for column, value in record.data.items():
                if not isinstance(value, str):
                    continue
                if "\x00" in value or _has_surrogate(value):
                    yield (f"{record.pointer}/{column}", "contains a character that is not text")


def _has_surrogate(value):
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _kind(obj):
    if "status" in obj and "name" in obj:
        return "services"
    if "service" in obj or "location" in obj:
        return "service_at_location"
    if "taxonomy_detail" in obj or "parent_id" in obj or "code" in obj:
        return "taxonomy_terms"
    if "description" in obj and "name" in obj and ("services" in obj or "website" in obj):
        return "organizations"
    if "description" in obj and "name" in obj and "version" in obj:
        return "taxonomies"
    return "organizations"


COMPILED = {
    "organizations": "compiled/organization",
    "services": "compiled/service",
    "service_at_location": "compiled/service_at_location",
    "taxonomy_terms": "taxonomy_term",
    "taxonomies": "taxonomy",
}


def read_json(data):
    """Accepts one HSDS object, a list of them, or an API page ({"contents": [...]})."""
    report_errors = []
    tables = {t: [] for t in ORDER}
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        items, base = data["contents"], "/contents"
    elif isinstance(data, list):
        items, base = data, ""
    elif isinstance(data, dict):
        items, base = [data], None
    else:
        raise ImportFileError("expected an HSDS object or a list of them")
    validators = {}
    for i, obj in enumerate(items):
        pointer = f"{base}/{i}" if base is not None else ""
        if not isinstance(obj, dict):
            report_errors.append((pointer or "/", "not an object"))
            continue
        kind = _kind(obj)
        validator = validators.get(kind) or hsds.validator(COMPILED[kind])
        validators[kind] = validator
        errors = sorted(validator.iter_errors(obj), key=lambda e: list(e.absolute_path))
        for err in errors[:20]:
            where = "".join(f"/{p}" for p in err.absolute_path)
            report_errors.append((pointer + where or "/", err.message))
        if not errors:
            _flatten(kind, obj, pointer, tables, {})
    return tables, report_errors


# nested key -> (child table, foreign key to set on the child)
NESTED = {
    "organizations": {
        "phones": ("phones", "organization_id"),
        "locations": ("locations", "organization_id"),
        "services": ("services", "organization_id"),
    },
    "services": {
        "phones": ("phones", "service_id"),
        "schedules": ("schedules", "service_id"),
        "service_areas": ("service_areas", "service_id"),
        "service_at_locations": ("service_at_location", "service_id"),
        "languages": ("languages", "service_id"),
        "attributes": ("attributes", "link_id"),
        "capacities": ("service_capacities", "service_id"),
    },
    "service_at_location": {
        "phones": ("phones", "service_at_location_id"),
        "schedules": ("schedules", "service_at_location_id"),
    },
    "locations": {
        "addresses": ("addresses", "location_id"),
        "phones": ("phones", "location_id"),
        "schedules": ("schedules", "location_id"),
        "languages": ("languages", "location_id"),
    },
    "phones": {"languages": ("languages", "phone_id")},
}


def _flatten(table, obj, pointer, tables, parent_link):
    flat = {k: v for k, v in obj.items() if not isinstance(v, dict | list)}
    flat.update(parent_link)
    if table == "attributes":
        flat["link_entity"] = "service"
    if table == "service_capacities" and isinstance(obj.get("unit"), dict):
        flat["unit_id"] = obj["unit"].get("id")
    tables[table].append(Record(pointer or "/", flat))
    children = NESTED.get(table, {})
    for key, value in obj.items():
        where = f"{pointer}/{key}"
        if key in children and isinstance(value, list):
            child, fk = children[key]
            for i, item in enumerate(value):
                if isinstance(item, dict):
                    _flatten(child, item, f"{where}/{i}", tables, {fk: obj.get("id")})
        elif key == "organization" and table == "services" and isinstance(value, dict):
            _flatten("organizations", value, where, tables, {})
            flat.setdefault("organization_id", value.get("id"))
        elif key == "location" and table == "service_at_location" and isinstance(value, dict):
            _flatten("locations", value, where, tables, {})
            flat["location_id"] = value.get("id")
        elif key == "service" and table == "service_at_location" and isinstance(value, dict):
            _flatten("services", value, where, tables, {})
            flat["service_id"] = value.get("id")
        elif key == "taxonomy_term" and table == "attributes" and isinstance(value, dict):
            _flatten("taxonomy_terms", value, where, tables, {})
            flat["taxonomy_term_id"] = value.get("id")
        elif key == "taxonomy_detail" and table == "taxonomy_terms" and isinstance(value, dict):
            _flatten("taxonomies", value, where, tables, {})
            flat["taxonomy_id"] = value.get("id")


def _open_csv_files(path):
    if path.is_dir():
        return {p.name: p.read_bytes() for p in path.glob("*.csv")}
    try:
        with zipfile.ZipFile(path) as z:
            return {Path(n).name: z.read(n) for n in z.namelist() if n.lower().endswith(".csv")}
    except (OSError, zipfile.BadZipFile) as exc:
        raise ImportFileError(f"cannot read {path.name}: {exc}") from None


def read_csv(path):
    files = _open_csv_files(Path(path))
    if not files:
        raise ImportFileError("no HSDS CSV files found")
    tables = {t: [] for t in ORDER}
    errors = []
    for table in ORDER:
        content = files.get(CSV_FILES[table])
        if content is None:
            continue
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            errors.append((f"/{CSV_FILES[table]}", "not UTF-8"))
            continue
        types = _column_types(table)
        required = hsds._required(table)
        for i, raw in enumerate(csv.DictReader(io.StringIO(text)), start=1):
            pointer = f"/{CSV_FILES[table]}/{i}"
            data = {}
            for col, value in raw.items():
                if col is None or value is None:
                    continue
                if value == "":
                    # An empty cell of a required text column is an empty text.
                    if col in required and types.get(col, "string") == "string":
                        data[col] = ""
                    continue
                value = restore_cell(value)
                kind = types.get(col, "string")
                try:
                    data[col] = _typed(value, kind)
                except ValueError:
                    errors.append((f"{pointer}/{col}", f"{value!r} is not a valid {kind}"))
            tables[table].append(Record(pointer, data))
    return tables, errors


def _column_types(table):
    props = hsds.schema(hsds.SCHEMA_OF[table]).get("properties", {})
    return {k: v.get("type", "string") for k, v in props.items() if isinstance(v, dict)}


def _typed(value, kind):
    if kind == "number":
        return float(value)
    if kind == "integer":
        return int(value)
    if kind == "boolean":
        if value.lower() not in ("true", "false"):
            raise ValueError
        return value.lower() == "true"
    return value


# ---------------------------------------------------------------- checking


def check(tables, report):
    """Row-level checks across tables; fills report.errors / warnings."""
    flat_validators = {t: Draft202012Validator(_flat_schema(t)) for t in ORDER}
    ids = {t: {} for t in ORDER}
    for table in ORDER:
        unique = []
        for rec in tables[table]:
            for err in flat_validators[table].iter_errors(rec.data):
                where = "".join(f"/{p}" for p in err.absolute_path)
                report.error(rec.pointer + where, err.message)
            rid = rec.data.get("id")
            try:
                key = uuid.UUID(str(rid))
            except ValueError:
                report.error(f"{rec.pointer}/id", f"{rid!r} is not a UUID")
                continue
            if key in ids[table]:
                # Nested JSON repeats one object under each parent (a phone of
                # a service and of its location): one record with both links.
                first = ids[table][key]
                clash = [k for k, v in rec.data.items() if first.data.get(k, v) != v]
                if clash:
                    report.error(
                        f"{rec.pointer}/id",
                        f"duplicate id {key} with different {', '.join(sorted(clash))}"
                        f" (first at {first.pointer})",
                    )
                else:
                    first.data.update(rec.data)
                continue
            ids[table][key] = rec
            unique.append(rec)
        tables[table] = unique
    existing = _existing_ids(tables)
    for table in ORDER:
        for rec in tables[table]:
            _check_refs(table, rec, ids, existing, report)
            _check_values(table, rec, report)


def _flat_schema(table):
    props = hsds.schema(hsds.SCHEMA_OF[table]).get("properties", {})
    keep = {
        k: {kk: vv for kk, vv in v.items() if kk in ("type", "enum")}
        for k, v in props.items()
        if isinstance(v, dict) and v.get("type") in ("string", "number", "integer", "boolean")
    }
    required = [c for c in hsds.schema(hsds.SCHEMA_OF[table]).get("required", []) if c in keep]
    return {"type": "object", "properties": keep, "required": required}


def _existing_ids(tables):
    """Ids referenced by the file that already exist in Sangam."""
    wanted = {}
    for refs in (REQUIRED_REFS, OPTIONAL_REFS):
        for table, cols in refs.items():
            for rec in tables.get(table, []):
                for col, target in cols.items():
                    if rec.data.get(col):
                        wanted.setdefault(target, set()).add(str(rec.data[col]))
    found = {}
    for target, values in wanted.items():
        model = hsds.TABLES[target][0]
        valid = []
        for v in values:
            try:
                valid.append(uuid.UUID(v))
            except ValueError:
                continue
        found[target] = set(model.objects.filter(pk__in=valid).values_list("pk", flat=True))
    return found


def _resolves(value, target, ids, existing):
    try:
        key = uuid.UUID(str(value))
    except ValueError:
        return False
    return key in ids[target] or key in existing.get(target, set())


def _check_refs(table, rec, ids, existing, report):
    data = rec.data
    for col, target in REQUIRED_REFS.get(table, {}).items():
        value = data.get(col)
        if not value:
            report.error(f"{rec.pointer}/{col}", f"{col} is required")
        elif not _resolves(value, target, ids, existing):
            kind = "taxonomy term" if target == "taxonomy_terms" else target.rstrip("s")
            report.error(f"{rec.pointer}/{col}", f"unknown {kind} {value}")
    for col, target in OPTIONAL_REFS.get(table, {}).items():
        value = data.get(col)
        if value and not _resolves(value, target, ids, existing):
            report.warn(f"{rec.pointer}/{col}", f"{col} {value} is not in the file; link dropped")
            data.pop(col)
    if table in OWNERS and not any(data.get(c) for c in OWNERS[table]):
        report.warn(rec.pointer, f"{table[:-1]} belongs to nothing Sangam keeps; skipped")
        data["_skip"] = True
    if table == "attributes":
        link = data.get("link_id")
        if data.get("link_entity") != "service" or not (
            link and _resolves(link, "services", ids, existing)
        ):
            report.warn(rec.pointer, "only attributes of services are kept; skipped")
            data["_skip"] = True


def _check_values(table, rec, report):
    data = rec.data
    if table == "locations":
        for col, limit in (("latitude", 90), ("longitude", 180)):
            value = data.get(col)
            if value is not None and not -limit <= float(value) <= limit:
                report.warn(
                    f"{rec.pointer}/{col}",
                    f"{value} is outside -{limit}..{limit}; location kept without coordinates",
                )
                data["latitude"] = data["longitude"] = None
    if table == "services":
        lo, hi = data.get("minimum_age"), data.get("maximum_age")
        for col in ("minimum_age", "maximum_age"):
            value = data.get(col)
            if value is not None and not 0 <= float(value) <= 150:
                report.error(f"{rec.pointer}/{col}", f"{value} is not an age")
        if lo is not None and hi is not None and float(lo) > float(hi):
            report.error(f"{rec.pointer}/minimum_age", "minimum age is above maximum age")
    if table == "service_capacities":
        if data.get("unit_id") and _unit(data["unit_id"]) is None:
            report.error(f"{rec.pointer}/unit", f"unknown capacity unit {data['unit_id']}")
        for col in ("available", "maximum"):
            if data.get(col) is not None and float(data[col]) < 0:
                report.error(f"{rec.pointer}/{col}", "must not be negative")


def _unit(unit_id):
    try:
        return hsds.UNIT_OF_ID.get(uuid.UUID(str(unit_id)))
    except ValueError:
        return None


# ---------------------------------------------------------------- loading


def _field_value(model, col, value):
    if value is None:
        return None
    f = model._meta.get_field(col[:-3] if col.endswith("_id") and col != "id" else col)
    internal = f.get_internal_type()
    if internal in ("DateField",):
        return dt.date.fromisoformat(str(value)[:10])
    if internal == "TimeField":
        return dt.time.fromisoformat(str(value))
    if internal == "DateTimeField":
        return dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    if internal in ("PositiveSmallIntegerField", "PositiveIntegerField", "IntegerField"):
        return int(float(value))
    if internal == "FloatField":
        return float(value)
    if internal in ("UUIDField", "ForeignKey", "OneToOneField"):
        return uuid.UUID(str(value))
    return value


def _build(table, data):
    model, columns = hsds.TABLES[table]
    kwargs = {}
    for col in columns:
        if col in ("link_id", "link_entity", "unit_id"):
            continue
        if col not in data:
            continue
        field_name = col[:-3] if col.endswith("_id") and col != "id" else col
        attname = model._meta.get_field(field_name).attname
        value = _field_value(model, col, data[col])
        if value is None and not model._meta.get_field(field_name).null:
            continue
        kwargs[attname] = value
    if table == "attributes":
        kwargs["service_id"] = uuid.UUID(str(data["link_id"]))
    if table == "service_capacities":
        kwargs["unit"] = _unit(data.get("unit_id")) or m.ServiceCapacity.Unit.BED
    if table == "services" and "status" in data:
        kwargs["status"] = data["status"]
    return model(**kwargs)


def _upsert(table, objs):
    if not objs:
        return 0
    model, columns = hsds.TABLES[table]
    update = [
        f.attname
        for f in model._meta.concrete_fields
        if not f.primary_key and f.attname not in ("created_at", "search_text", "version")
    ]
    model.objects.bulk_create(
        objs, update_conflicts=True, unique_fields=["id"], update_fields=update
    )
    return len(objs)


def import_tables(tables, errors=()):
    """Check and, when clean, write everything in one transaction."""
    report = Report(errors=list(errors))
    check(tables, report)
    if report.errors:
        return report
    sexes = {}
    with transaction.atomic():
        for table in ORDER:
            objs = []
            for rec in tables[table]:
                if rec.data.get("_skip"):
                    continue
                if table == "attributes":
                    term = uuid.UUID(str(rec.data["taxonomy_term_id"]))
                    if term in hsds.SEX_OF_TERM:
                        sexes[uuid.UUID(str(rec.data["link_id"]))] = hsds.SEX_OF_TERM[term]
                        continue
                if table == "taxonomy_terms" and uuid.UUID(str(rec.data["id"])) in (
                    hsds.SEX_OF_TERM
                ):
                    continue
                if table == "taxonomies" and rec.data["id"] == str(hsds.POPULATION_TAXONOMY_ID):
                    continue
                objs.append(_build(table, rec.data))
            report.counts[table] = _upsert(table, objs)
        service_ids = [uuid.UUID(str(r.data["id"])) for r in tables["services"]]
        services = m.Service.objects.filter(pk__in=service_ids)
        services.update(sex=Takes.ANY)
        for sex in set(sexes.values()):
            m.Service.objects.filter(pk__in=[k for k, v in sexes.items() if v == sex]).update(
                sex=sex
            )
        _place_locations([uuid.UUID(str(r.data["id"])) for r in tables["locations"]])
        place_services(service_ids)
        rebuild_search_text(service_ids)
        log.record("import", "directory.service", None, detail={"services": len(service_ids)})
    report.committed = True
    return report


def _place_locations(location_ids):
    """Match addresses' state_province / region to Sangam's states and districts."""
    states = {}
    for s in State.objects.all():
        for key in (s.name.lower(), s.code.lower(), s.code[3:].lower(), s.name_hi):
            states[key] = s.pk
    districts = {(d.state_id, d.name.lower()): d.pk for d in District.objects.all()}
    placed = {}
    addresses = m.Address.objects.filter(location_id__in=location_ids).order_by("location_id")
    for location_id, province, region, city in addresses.values_list(
        "location_id", "state_province", "region", "city"
    ):
        state = states.get(province.strip().lower())
        if state is not None:
            district = districts.get((state, (region or city).strip().lower()))
            placed[location_id] = m.Location(id=location_id, state_id=state, district_id=district)
    # One statement per batch, not one per location.
    m.Location.objects.bulk_update(placed.values(), ["state", "district"], batch_size=2000)


def import_path(path):
    tables, errors = read(path)
    return import_tables(tables, [*errors, *_unstorable_text(tables)])


# ---------------------------------------------------------------- writing


def export_json(path, organizations=None):
    orgs = organizations if organizations is not None else hsds.organizations_queryset()
    data = [hsds.organization_dict(o) for o in orgs]
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(data)


def table_rows():
    """{table: [flat HSDS rows]} for everything in the directory."""
    out = {}
    for table in ORDER:
        model = hsds.TABLES[table][0]
        out[table] = [hsds.row(o, table) for o in model.objects.order_by("pk")]
    # The sex a service takes travels as an attribute of the population taxonomy.
    population = [
        hsds._population_attribute(s)
        for s in m.Service.objects.exclude(sex=Takes.ANY).order_by("pk")
    ]
    if population:
        out["taxonomies"].append(dict(population[0]["taxonomy_term"]["taxonomy_detail"]))
        seen = set()
        for attr in population:
            term = dict(attr["taxonomy_term"])
            term.pop("taxonomy_detail")
            if term["id"] not in seen:
                seen.add(term["id"])
                out["taxonomy_terms"].append(term)
            out["attributes"].append({k: v for k, v in attr.items() if k != "taxonomy_term"})
    out["units"] = [
        {"id": str(uid), "name": unit, "scheme": "sangam", "identifier": unit}
        for unit, uid in hsds.UNIT_IDS.items()
    ]
    return out


def export_csv(path):
    """HSDS tabular data: one CSV per table and a datapackage.json; a .zip if PATH ends so.

    The folder is a Frictionless tabular data package: every CSV has the
    columns of its HSDS Table Schema, in that order, and datapackage.json
    carries the schemas, so any Frictionless tool can validate it.
    """
    tables = table_rows()
    described = hsds.tabular_resources()
    files = {}
    for table, rows in tables.items():
        name = f"{table}.csv"
        buf = io.StringIO()
        writer = csv.DictWriter(
            buf,
            fieldnames=hsds.columns(described[name]),
            extrasaction="ignore",
            lineterminator="\n",
        )
        writer.writeheader()
        writer.writerows(safe_dict(row) for row in rows)
        files[name] = buf.getvalue()
    files["datapackage.json"] = json.dumps(
        {
            "name": "sangam-directory",
            "title": "Sangam service directory (Open Referral HSDS 3.0)",
            "profile": "tabular-data-package",
            "resources": [described[name] for name in files],
        },
        ensure_ascii=False,
        indent=1,
    )
    path = Path(path)
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for name, text in files.items():
                z.writestr(name, text)
    else:
        path.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (path / name).write_text(text, encoding="utf-8")
    return sum(len(r) for r in tables.values())
