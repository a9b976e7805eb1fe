"""What every model holding personal data keeps, found through the registry
(no hand-kept list): a new model that forgets a grant, a page check or an
audit fails here without anyone writing a test for it."""

import pytest
from django.db.models import F

from sangam.accounts.models import APIToken
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
