"""What every model holding personal data keeps, found through the registry
(no hand-kept list): a new model that forgets a grant, a page check or an
audit fails here without anyone writing a test for it."""

import re
from datetime import date
from functools import reduce
from operator import or_

import pytest
from django.db import transaction
from django.db.models import F, Q

from sangam.accounts.models import APIToken, User
from sangam.audit.models import AuditEntry
from sangam.core import access, registry
from sangam.core.access import SYSTEM, UnrestrictedQuery
from sangam.site.api import api

MODELS = registry.restricted_models()
ids = [m._meta.label for m in MODELS]


def test_the_registry_finds_the_personal_data_of_every_capability():
    apps = {m._meta.app_label for m in MODELS}
    assert {c.label for c in registry.capabilities()} <= apps | {"directory"}
    assert len(MODELS) >= 30


@pytest.mark.parametrize("model", MODELS, ids=ids)
def test_evaluating_it_unrestricted_raises(model, db):
    with pytest.raises(UnrestrictedQuery):
        list(model.objects.all())
    with pytest.raises(UnrestrictedQuery):
        model.objects.filter(pk=1).exists()


@pytest.mark.parametrize("model", MODELS, ids=ids)
def test_some_role_is_granted_to_see_it(model):
    grants = access._grants.get(model._meta.label_lower, {})
    assert any("view" in actions for actions in grants.values()), "no role may view it"


@pytest.mark.parametrize("model", MODELS, ids=ids)
def test_it_names_the_page_that_shows_it(model):
    """Either its own page (get_absolute_url), the record whose page shows it
    (shown_on), or None: listed only through restricted lists."""
    has_page = hasattr(model, "get_absolute_url")
    if model._meta.label == "accounts.User":
        return  # staff accounts: pages of one's own account only (accounts tests)
    assert has_page or hasattr(model, "shown_on"), "declare get_absolute_url or shown_on"
    if not has_page and model.shown_on:
        parent = model._meta.get_field(model.shown_on).related_model
        assert hasattr(parent, "get_absolute_url")


def _page_of(obj):
    """The record whose page shows ``obj`` (itself, or what it is shown on)."""
    while not hasattr(obj, "get_absolute_url"):
        obj = getattr(obj, obj.shown_on)
    return obj


def _sees_everywhere(user, model):
    """Granted to see every record of ``model`` in India (the recruiter
    registry, say): the 404 rule does not apply to this user."""
    label = model._meta.label_lower
    return any(access.scope_for(m.role, label, "view") == "all" for m in user.active_memberships())


def _probed(outsiders, model):
    probed = [u for u in outsiders if not _sees_everywhere(u, model)]
    assert probed, "every role sees it everywhere: nothing to probe"
    return probed


PAGED = [m for m in MODELS if hasattr(m, "get_absolute_url") or getattr(m, "shown_on", None)]


@pytest.mark.parametrize("model", PAGED, ids=[m._meta.label for m in PAGED])
def test_an_outsider_of_every_role_gets_404_on_its_page(model, world, client):
    objects = list(model.objects.restrict(SYSTEM).order_by("pk")[:3])
    assert objects, f"the demo world has no {model._meta.verbose_name}"
    pages = [_page_of(obj) for obj in objects]
    for user in _probed(world["outsiders"], type(pages[0])):
        client.force_login(user)
        for page in pages:
            url = page.get_absolute_url()
            assert client.get(url).status_code == 404, (user.username, url)


def _api_reads():
    """(path, model) of each API read of one record by its id."""
    by_name = {m._meta.model_name: m for m in MODELS}
    found = []
    for path, operations in api.get_openapi_schema()["paths"].items():
        if "get" not in operations or path.count("{") != 1 or not path.endswith("_id}"):
            continue
        name = path.rsplit("{", 1)[1].removesuffix("_id}")
        model = by_name.get(name) or next((m for n, m in by_name.items() if n.endswith(name)), None)
        if model is not None:
            found.append((path, model))
    return found


API_READS = _api_reads()


def test_the_api_reads_of_personal_data_are_found():
    assert {m._meta.label for _p, m in API_READS} >= {"cases.Survivor", "agencies.AgencyContact"}


@pytest.mark.parametrize("path, model", API_READS, ids=[p for p, _m in API_READS])
def test_an_outsider_of_every_role_gets_404_from_its_api(path, model, world, client):
    obj = model.objects.restrict(SYSTEM).order_by("pk").first()
    assert obj is not None
    url = path.replace(path[path.index("{") : path.index("}") + 1], str(obj.pk))
    for user in _probed(world["outsiders"], model):
        token = APIToken.issue(user, "contract")[1]
        response = client.get(url, HTTP_AUTHORIZATION=f"Bearer {token}")
        assert response.status_code == 404, (user.username, url)


@pytest.mark.parametrize("model", MODELS, ids=ids)
def test_a_bulk_update_writes_an_audit_entry_naming_fields_not_values(model, world):
    objects = model.objects.restrict(SYSTEM)
    obj = objects.order_by("pk").first()
    assert obj is not None, f"the demo world has no {model._meta.verbose_name}"
    before = AuditEntry.objects.count()
    field = next(
        f.name for f in model._meta.concrete_fields if not f.primary_key and not f.is_relation
    )
    objects.filter(pk=obj.pk).update(**{field: F(field)})
    entries = AuditEntry.objects.order_by("pk")[before:]
    assert entries, "update() wrote no audit entry"
    assert any(str(obj.pk) in str(e.object_id) + str(e.detail) for e in entries)


# --- "change" as strictly as "view" -----------------------------------------
# Consent lets an agency see a survivor's records; it never lets it write
# them. Who sees a record only through consent (not a record of their own
# agency) and every outsider get 404 or 403 from each page that writes it and
# from each write operation of the API.

REFUSED = (403, 404)
SURVIVOR_DATA = [m for m in PAGED if m.access_paths.survivor_data and m.access_paths.agency]


def _own_agency_q(model, agencies):
    paths = model.access_paths.agency
    return reduce(or_, (Q(**{f"{p}__in": agencies}) for p in _tuple(paths)))


def _tuple(paths):
    return paths if isinstance(paths, tuple) else (paths,)


def _consent_only_viewers(model, obj, limit=3):
    """Demo users who see ``obj`` though it is not their agency's record:
    they see it through the survivor's consent (or an involvement it allows)."""
    found = []
    for user in User.objects.restrict(SYSTEM).filter(is_active=True).order_by("pk"):
        memberships = user.active_memberships()
        if not memberships:
            continue
        agencies = [m.agency_id for m in memberships]
        own = model.objects.restrict(SYSTEM).filter(_own_agency_q(model, agencies), pk=obj.pk)
        if not own.exists() and model.objects.restrict(user, "view").filter(pk=obj.pk).exists():
            found.append(user)
            if len(found) == limit:
                break
    return found


def _granted_by_order(user, url):
    """A CWC records and revokes consent for a child in its care, by order
    (the "orders" scope): those writes are the CWC's, not a leak."""
    return "consent" in url and any(
        access.scope_for(m.role, "cases.consent", "add") == "orders"
        for m in user.active_memberships()
    )


def _seen_through_consent(model, limit=2):
    """Up to ``limit`` records of ``model`` with their consent-only viewers."""
    pairs = []
    for obj in model.objects.restrict(SYSTEM).order_by("pk"):
        viewers = _consent_only_viewers(model, obj)
        if viewers:
            pairs.append((obj, viewers))
            if len(pairs) == limit:
                break
    return pairs


def test_the_demo_has_records_seen_only_through_consent(world):
    """Else the checks below would probe nobody."""
    seen = {m._meta.label for m in SURVIVOR_DATA if _seen_through_consent(m, limit=1)}
    assert {"cases.Survivor", "cases.Case", "cases.Consent", "cases.Goal"} <= seen


LINK = re.compile(r'(?:href|hx-get)="(/[^"?#]*)"')
FORM = re.compile(r"<form\b[^>]*>")
ACTION = re.compile(r'\baction="([^"?#]*)')


def _posted_to(body, url):
    """Where each posted form of ``body`` (a page at ``url``) is sent."""
    for tag in FORM.findall(body):
        if 'method="post"' in tag:
            action = ACTION.search(tag)
            yield action.group(1) if action and action.group(1) else url


def _writes_offered(client, owner, page_url):
    """(links to edit forms, targets of posted forms) the owner of a record
    gets on its page and on the forms it links to: every way the page writes."""
    client.force_login(owner)
    prefix = "/" + page_url.strip("/").split("/")[0] + "/"
    body = client.get(page_url).content.decode()
    links = {u for u in LINK.findall(body) if u.startswith(page_url) and u != page_url}
    posts = set(_posted_to(body, page_url))
    for link in links:
        posts |= set(_posted_to(client.get(link).content.decode(), link))
    return links, {u for u in posts if u.startswith(prefix)}


@pytest.mark.parametrize("model", SURVIVOR_DATA, ids=[m._meta.label for m in SURVIVOR_DATA])
def test_who_sees_it_through_consent_cannot_write_it_on_any_page(model, world, client):
    for obj, viewers in _seen_through_consent(model):
        page = _page_of(obj)
        links, posts = _writes_offered(client, page.created_by, page.get_absolute_url())
        assert posts, f"the owner of {page} is offered no write: nothing to probe"
        for user in [*viewers, *world["outsiders"]]:
            client.force_login(user)
            for url in links:
                if not _granted_by_order(user, url):
                    assert client.get(url).status_code in REFUSED, (user.username, url)
            for url in posts:
                if not _granted_by_order(user, url):
                    assert client.post(url, {}).status_code in REFUSED, (user.username, url)


def _api_writes():
    """(method, path, model, body) of each API write of one record by its id,
    with a body the schema accepts (so that only access can refuse it)."""
    by_name = {m._meta.model_name: m for m in MODELS}
    schema = api.get_openapi_schema()
    found = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if method not in ("post", "put", "patch", "delete") or path.count("{") != 1:
                continue
            name = path[path.index("{") + 1 : path.index("}")].removesuffix("_id")
            name = name.replace("_", "")
            model = by_name.get(name) or next(
                (m for n, m in by_name.items() if n.endswith(name)), None
            )
            if model is None:
                continue
            content = operation.get("requestBody", {}).get("content", {})
            ref = content.get("application/json", {}).get("schema", {}).get("$ref")
            body = _example(schema, ref.rsplit("/", 1)[1]) if ref else {}
            found.append((method, path, model, body))
    return found


def _example(schema, name):
    """A value of each required property that passes the schema's own checks."""
    component = schema["components"]["schemas"][name]
    today = date.today().isoformat()
    body = {}
    for prop in component.get("required", []):
        spec = component["properties"][prop]
        kind = spec.get("type") or next(
            (s["type"] for s in spec.get("anyOf", []) if s.get("type") != "null"), "string"
        )
        if kind == "string":
            body[prop] = today if spec.get("format") == "date" else "x"
        elif kind == "integer":
            body[prop] = spec.get("minimum", 1)
        elif kind == "boolean":
            body[prop] = False
        elif kind == "array":
            body[prop] = ["x"]
    return body


def _writers(model, obj):
    users = User.objects.restrict(SYSTEM).filter(is_active=True).order_by("pk")
    return [u for u in users if model.objects.restrict(u, "change").filter(pk=obj.pk).exists()]


API_WRITES = _api_writes()


def test_the_api_writes_of_personal_data_are_found():
    labels = {m._meta.label for _m, _p, m, _b in API_WRITES}
    assert {"cases.Case", "cases.Survivor", "cases.Consent", "cases.Goal"} <= labels


@pytest.mark.parametrize(
    "method, path, model, body", API_WRITES, ids=[f"{m} {p}" for m, p, _x, _b in API_WRITES]
)
def test_who_sees_it_through_consent_cannot_write_it_through_the_api(
    method, path, model, body, world, client
):
    records = _seen_through_consent(model) if model.access_paths.survivor_data else []
    if not records:
        first = model.objects.restrict(SYSTEM).order_by("pk").first()
        assert first is not None, f"the demo world has no {model._meta.verbose_name}"
        records = [(first, [])]
    passed_by_writer = False
    for obj, viewers in records:
        url = path.replace(path[path.index("{") : path.index("}") + 1], str(obj.pk))
        for user in [*viewers, *_probed(world["outsiders"], model)]:
            if _granted_by_order(user, url):
                continue
            token = APIToken.issue(user, "contract")[1]
            response = getattr(client, method)(
                url, body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}"
            )
            assert response.status_code in REFUSED, (user.username, url, response.content)
        # Not refused for everyone: someone granted the change gets past
        # access (and the write is undone). Some writes are narrower than
        # the change of the record (the relocated address: the committee and
        # the police unit, not the NGO that filed): one writer is enough.
        for writer in _writers(model, obj):
            token = APIToken.issue(writer, "contract")[1]
            with transaction.atomic():
                response = getattr(client, method)(
                    url,
                    body,
                    content_type="application/json",
                    HTTP_AUTHORIZATION=f"Bearer {token}",
                )
                transaction.set_rollback(True)
            if response.status_code not in REFUSED:
                passed_by_writer = True
                break
    assert passed_by_writer, f"{method} {path} refuses even those granted to change it"
