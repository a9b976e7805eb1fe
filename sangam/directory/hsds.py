"""Open Referral HSDS 3.0: Sangam's directory to and from HSDS objects.

``TABLES`` maps each HSDS table to its model and the HSDS columns Sangam
keeps. The same map drives the API, JSON and CSV export and import, so a
round trip keeps everything Sangam stores. Sangam's "sex served" travels as
an attribute with a term of the population taxonomy below; live capacity as
the HSDS 3.1 ``service_capacity`` draft (``capacities`` on a service,
``service_capacities.csv`` + ``units.csv`` in tabular form).
"""

import datetime as dt
import functools
import json
import uuid
from importlib import resources

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from sangam.core.vocabulary import Takes
from sangam.directory import models as m
from sangam.directory.taxonomy import NAMESPACE

HSDS_VERSION = "3.0"

# table -> (model, HSDS columns kept). Foreign keys use the HSDS *_id names.
TABLES = {
    "taxonomies": (m.Taxonomy, ["id", "name", "description", "uri", "version"]),
    "taxonomy_terms": (
        m.TaxonomyTerm,
        ["id", "code", "name", "description", "parent_id", "taxonomy_id", "language", "term_uri"],
    ),
    "organizations": (
        m.Organization,
        ["id", "name", "alternate_name", "description", "email", "website"]
        + ["year_incorporated", "legal_status", "uri"],
    ),
    "locations": (
        m.Location,
        ["id", "location_type", "url", "organization_id", "name", "alternate_name"]
        + ["description", "transportation", "latitude", "longitude"]
        + ["external_identifier", "external_identifier_type"],
    ),
    "addresses": (
        m.Address,
        ["id", "location_id", "attention", "address_1", "address_2", "city", "region"]
        + ["state_province", "postal_code", "country", "address_type"],
    ),
    "services": (
        m.Service,
        ["id", "organization_id", "name", "alternate_name", "description", "url", "email"]
        + ["status", "interpretation_services", "application_process", "fees_description"]
        + ["wait_time", "eligibility_description", "minimum_age", "maximum_age"]
        + ["assured_date", "assurer_email", "alert"],
    ),
    "service_at_location": (
        m.ServiceAtLocation,
        ["id", "service_id", "location_id", "description"],
    ),
    "phones": (
        m.Phone,
        ["id", "location_id", "service_id", "organization_id", "service_at_location_id"]
        + ["number", "extension", "type", "description"],
    ),
    "schedules": (
        m.Schedule,
        ["id", "service_id", "location_id", "service_at_location_id", "valid_from", "valid_to"]
        + ["wkst", "freq", "byday", "opens_at", "closes_at", "description", "notes"],
    ),
    "languages": (
        m.Language,
        ["id", "service_id", "location_id", "phone_id", "name", "code", "note"],
    ),
    "service_areas": (
        m.ServiceArea,
        ["id", "service_id", "name", "description", "extent", "extent_type", "uri"],
    ),
    "attributes": (
        m.Attribute,
        ["id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value"],
    ),
    "service_capacities": (
        m.ServiceCapacity,
        ["id", "service_id", "unit_id", "available", "maximum", "description", "updated"],
    ),
}
# Where the HSDS schema for each table lives (file name without .json).
SCHEMA_OF = {
    "taxonomies": "taxonomy",
    "taxonomy_terms": "taxonomy_term",
    "organizations": "organization",
    "locations": "location",
    "addresses": "address",
    "services": "service",
    "service_at_location": "service_at_location",
    "phones": "phone",
    "schedules": "schedule",
    "languages": "language",
    "service_areas": "service_area",
    "attributes": "attribute",
    "service_capacities": "service_capacity.3.1",
}

# Population served, as HSDS attributes (Sangam extension taxonomy).
POPULATION_TAXONOMY_ID = uuid.uuid5(NAMESPACE, "taxonomy:sangam-population")
POPULATION_TERMS = {
    sex: uuid.uuid5(NAMESPACE, f"population:{sex}")
    for sex in (Takes.FEMALE, Takes.MALE, Takes.TRANSGENDER)
}
SEX_OF_TERM = {v: k for k, v in POPULATION_TERMS.items()}
UNIT_IDS = {u: uuid.uuid5(NAMESPACE, f"unit:{u}") for u in m.ServiceCapacity.Unit.values}
UNIT_OF_ID = {v: k for k, v in UNIT_IDS.items()}


@functools.cache
def schema(name):
    path = resources.files("sangam.directory") / "hsds_schema" / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- tabular form

# The 3.1 draft's unit table (its unit.json is not among the shared schemas).
UNIT_FIELDS = [
    {"name": "id", "type": "string", "format": "uuid", "constraints": {"required": True}},
    {"name": "name", "type": "string", "constraints": {"required": True}},
    {"name": "scheme", "type": "string"},
    {"name": "identifier", "type": "string"},
]
# JSON schema type/format -> Table Schema type/format.
_FIELD_TYPES = {
    ("string", "date-time"): ("datetime", None),
    ("string", "date"): ("date", None),
    ("string", "time"): ("time", None),
}


@functools.cache
def _hsds_package():
    """HSDS 3.0's own datapackage.json: the Table Schema of every 3.0 table."""
    path = resources.files("sangam.directory") / "hsds_schema" / "datapackage.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _fields_of(schema_name):
    """Table Schema fields of an HSDS JSON table schema (the 3.1 draft tables)."""
    props = schema(schema_name)["properties"]
    required = set(schema(schema_name).get("required", []))
    fields = []
    for name, prop in props.items():
        if "$ref" in prop or prop.get("type") in ("array", "object"):
            continue
        kind, fmt = _FIELD_TYPES.get((prop["type"], prop.get("format")), (prop["type"], None))
        field = {"name": name, "type": kind}
        if fmt or (kind == "string" and prop.get("format")):
            field["format"] = fmt or prop["format"]
        field["constraints"] = {"required": name in required}
        fields.append(field)
    return fields


def tabular_resources():
    """{CSV file name: Frictionless tabular data resource} of every table Sangam writes.

    HSDS 3.0 tables take HSDS's own resource (schema, keys); the 3.1 draft's
    ``service_capacities`` and ``units`` are described from the draft. Foreign
    keys to tables Sangam does not write (contacts, programs) are left out, as
    HSDS's own example packages do.
    """
    hsds_resources = {r["path"]: r for r in _hsds_package()["resources"]}
    out = {}
    for table in TABLES:
        path = f"{table}.csv"
        if path in hsds_resources:
            out[path] = json.loads(json.dumps(hsds_resources[path]))
        else:
            out[path] = {
                "name": "service_capacity",
                "path": path,
                "description": "Live capacity of a service (HSDS 3.1 draft).",
                "format": "csv",
                "mediatype": "text/csv",
                "profile": "tabular-data-resource",
                "schema": {
                    "primaryKey": "id",
                    "fields": _fields_of(SCHEMA_OF[table]),
                    "foreignKeys": [
                        {
                            "fields": "service_id",
                            "reference": {"resource": "service", "fields": "id"},
                        },
                        {"fields": "unit_id", "reference": {"resource": "unit", "fields": "id"}},
                    ],
                },
            }
    out["units.csv"] = {
        "name": "unit",
        "path": "units.csv",
        "description": "Units of service capacity (HSDS 3.1 draft).",
        "format": "csv",
        "mediatype": "text/csv",
        "profile": "tabular-data-resource",
        "schema": {"primaryKey": "id", "fields": UNIT_FIELDS},
    }
    names = {r["name"] for r in out.values()}
    for resource in out.values():
        for f in resource["schema"]["fields"]:
            # A required text Sangam leaves empty is an empty text, as in the
            # JSON form (and as the importer reads it), not a missing value.
            if f["type"] == "string" and f.get("constraints", {}).get("required"):
                f["missingValues"] = []
        keys = [
            k
            for k in resource["schema"].get("foreignKeys", [])
            if k["reference"]["resource"] in names
        ]
        resource["schema"]["foreignKeys"] = keys
        resource["encoding"] = "utf-8"
    return out


def columns(resource):
    return [f["name"] for f in resource["schema"]["fields"]]


@functools.cache
def _registry():
    """The HSDS table schemas refer to each other by file name."""
    folder = resources.files("sangam.directory") / "hsds_schema"
    pairs = [
        (f.name, Resource.from_contents(schema(f.name[:-5]), default_specification=DRAFT202012))
        for f in folder.iterdir()
        if f.name.endswith(".json")
    ]
    return Registry().with_resources(pairs)


def validator(name):
    return Draft202012Validator(schema(name), registry=_registry())


# ---------------------------------------------------------------- export


def _value(v):
    if isinstance(v, uuid.UUID):
        return str(v)
    if isinstance(v, dt.datetime):
        return v.isoformat()
    if isinstance(v, dt.date | dt.time):
        return v.isoformat()
    return v


def row(obj, table):
    """The HSDS flat object of ``obj`` (one-to-one fields only, empty ones left out)."""
    out = {}
    for col in TABLES[table][1]:
        if table == "service_capacities" and col == "unit_id":
            value = UNIT_IDS[obj.unit]
        elif table == "attributes" and col == "link_id":
            value = obj.service_id
        elif table == "attributes" and col == "link_entity":
            value = "service"
        else:
            value = getattr(obj, col)
        if value not in (None, "") or (value == "" and col in _required(table)):
            out[col] = _value(value)
    return out


@functools.cache
def _required(table):
    return frozenset(schema(SCHEMA_OF[table]).get("required", []))


def _term(term):
    data = row(term, "taxonomy_terms")
    if term.taxonomy_id:
        data["taxonomy_detail"] = row(term.taxonomy, "taxonomies")
    return data


def _population_attribute(service):
    term_id = POPULATION_TERMS[service.sex]
    return {
        "id": str(uuid.uuid5(service.id, "sex")),
        "link_id": str(service.id),
        "link_entity": "service",
        "link_type": "population_served",
        "taxonomy_term_id": str(term_id),
        "taxonomy_term": {
            "id": str(term_id),
            "code": f"population-{service.sex}",
            "name": str(Takes(service.sex).label),
            "description": "Population served (Sangam)",
            "taxonomy_id": str(POPULATION_TAXONOMY_ID),
            "taxonomy_detail": {
                "id": str(POPULATION_TAXONOMY_ID),
                "name": "Sangam population served",
                "description": "Who a service takes, by sex.",
            },
        },
    }


def _phone(phone):
    data = row(phone, "phones")
    data["languages"] = [row(x, "languages") for x in phone.languages.all()]
    return data


def location_dict(location):
    data = row(location, "locations")
    data["addresses"] = [row(a, "addresses") for a in location.addresses.all()]
    data["phones"] = [_phone(p) for p in location.phones.all()]
    data["schedules"] = [row(s, "schedules") for s in location.schedules.all()]
    data["languages"] = [row(x, "languages") for x in location.languages.all()]
    return data


def service_at_location_dict(sal, *, with_service=False):
    data = row(sal, "service_at_location")
    data["phones"] = [_phone(p) for p in sal.phones.all()]
    data["schedules"] = [row(s, "schedules") for s in sal.schedules.all()]
    data["location"] = location_dict(sal.location)
    if with_service:
        data["service"] = service_dict(sal.service, with_locations=False)
    return data


def service_dict(service, *, with_organization=True, with_locations=True):
    """A fully nested HSDS service object."""
    data = row(service, "services")
    data["last_modified"] = service.updated_at.isoformat()
    data["phones"] = [_phone(p) for p in service.phones.all()]
    data["schedules"] = [row(s, "schedules") for s in service.schedules.all()]
    data["service_areas"] = [row(a, "service_areas") for a in service.service_areas.all()]
    if with_locations:
        data["service_at_locations"] = [
            service_at_location_dict(sal) for sal in service.service_at_locations.all()
        ]
    data["languages"] = [row(x, "languages") for x in service.languages.all()]
    attributes = []
    for attribute in service.attributes.all():
        item = row(attribute, "attributes")
        item["taxonomy_term"] = _term(attribute.taxonomy_term)
        attributes.append(item)
    if service.sex != Takes.ANY:
        attributes.append(_population_attribute(service))
    data["attributes"] = attributes
    data["capacities"] = [capacity_dict(c) for c in service.capacities.all()]
    if with_organization:
        data["organization"] = row(service.organization, "organizations")
    return data


def capacity_dict(capacity):
    data = row(capacity, "service_capacities")
    data["unit"] = {
        "id": str(UNIT_IDS[capacity.unit]),
        "name": capacity.unit,
        "scheme": "sangam",
        "identifier": capacity.unit,
    }
    return data


def organization_dict(org, *, with_services=True):
    data = row(org, "organizations")
    data["phones"] = [_phone(p) for p in org.phones.all()]
    data["locations"] = [location_dict(loc) for loc in org.locations.all()]
    if with_services:
        data["services"] = [service_dict(s, with_organization=False) for s in org.services.all()]
    return data


SERVICE_PREFETCH = [
    "phones__languages",
    "schedules",
    "service_areas",
    "languages",
    "capacities",
    "attributes__taxonomy_term__taxonomy",
    "service_at_locations__phones__languages",
    "service_at_locations__schedules",
    "service_at_locations__location__addresses",
    "service_at_locations__location__phones__languages",
    "service_at_locations__location__schedules",
    "service_at_locations__location__languages",
]
ORGANIZATION_PREFETCH = [
    "phones__languages",
    "locations__addresses",
    "locations__phones__languages",
    "locations__schedules",
    "locations__languages",
    *[f"services__{p}" for p in SERVICE_PREFETCH],
]


def services_queryset():
    return m.Service.objects.select_related("organization").prefetch_related(*SERVICE_PREFETCH)


def organizations_queryset():
    return m.Organization.objects.prefetch_related(*ORGANIZATION_PREFETCH)
