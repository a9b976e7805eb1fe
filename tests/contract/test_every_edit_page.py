"""Every edit page, found in the URLconf: opening the form of a record that
holds personal data shows it, so it is audited like its page. A new edit
page must be named in EDITS (personal or not) or this fails."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from sangam.accounts.models import User
from sangam.agencies.models import Agency, AgencyContact
from sangam.audit.models import AuditEntry
from sangam.cases.models import Survivor
from sangam.compensation.models import Claim, SchemeVersion
from sangam.core import registry
from sangam.core.access import SYSTEM
from sangam.directory.models import Service
from sangam.prevention.models import Household, Member, MissingPerson

# URL name -> the model whose record the form is filled from.
EDITS = {
    "agencies:edit": Agency,
    "agencies:contact_edit": AgencyContact,
    "directory:edit": Service,
    "cases:edit": Survivor,
    "compensation:claim_edit": Claim,
    "compensation:scheme_edit": SchemeVersion,
    "prevention:household_edit": Household,
    "prevention:member_edit": Member,
    "prevention:missing_edit": MissingPerson,
}
PERSONAL = {name: m for name, m in EDITS.items() if m in registry.restricted_models()}


def _edit_pages(patterns=None, namespace=""):
    for p in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(p, URLResolver):
            inner = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from _edit_pages(p.url_patterns, inner)
        elif isinstance(p, URLPattern) and (p.name or "").endswith("edit"):
            yield f"{namespace}{p.name}"


def test_every_edit_page_is_named_here():
    assert set(_edit_pages()) == set(EDITS)


def test_the_personal_ones_are_found():
    assert set(PERSONAL) >= {"prevention:household_edit", "prevention:member_edit"}


@pytest.mark.parametrize("name", PERSONAL)
def test_opening_the_form_writes_a_view_entry(name, world, client):
    model = PERSONAL[name]
    obj = model.objects.restrict(SYSTEM).order_by("pk").first()
    assert obj is not None, f"the demo world has no {model._meta.verbose_name}"
    editor = next(
        (
            u
            for u in User.objects.restrict(SYSTEM).filter(username__startswith="demo.")
            if model.objects.restrict(u, "change").filter(pk=obj.pk).exists()
        ),
        None,
    )
    assert editor is not None, "no demo user may edit it"
    client.force_login(editor)
    before = AuditEntry.objects.count()
    assert client.get(reverse(name, kwargs={"pk": obj.pk})).status_code == 200
    assert AuditEntry.objects.filter(
        seq__gt=before, action="view", object_type=model._meta.label_lower, object_id=str(obj.pk)
    ).exists()
