"""What every capability keeps (LAYOUT.md), found through the registry: its
contract files, menu items that work for whoever is shown them, and figures
and dashboard cards whose queries do not grow with the data."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sangam.accounts.models import User
from sangam.core import registry
from sangam.core.access import SYSTEM
from sangam.demo.agencies import USERS

CAPABILITIES = registry.capabilities()


def test_the_registry_finds_the_capabilities():
    assert {c.label for c in CAPABILITIES} >= {
        "directory",
        "referrals",
        "cases",
        "prevention",
        "matching",
    }


@pytest.mark.parametrize("config", CAPABILITIES, ids=[c.label for c in CAPABILITIES])
def test_it_keeps_the_contract_files(config):
    missing = [name for name in registry.CONTRACT if not registry.has_module(config, name)]
    assert not missing, f"{config.label} lacks {', '.join(missing)}"
    assert registry.has_module(config, f"management.commands.{config.label}"), "no command"


@pytest.mark.parametrize("config", CAPABILITIES, ids=[c.label for c in CAPABILITIES])
def test_what_it_keeps_when_needed_is_not_empty(config):
    for name in registry.WHEN_NEEDED:
        module = registry.contract_module(config, name)
        if module is not None:
            public = [n for n in vars(module) if not n.startswith("_")]
            assert len(public) > 1, f"{config.label}.{name} holds nothing"


def test_every_menu_item_resolves():
    for item in registry.menu_items():
        assert item.url().startswith("/")


def _demo_user(username):
    return User.objects.restrict(SYSTEM).get(username=username)


@pytest.mark.parametrize("username", [u[0] for u in USERS])
def test_no_menu_link_answers_an_error_to_a_demo_role(username, world, client):
    user = _demo_user(username)
    client.force_login(user)
    from sangam.site.navigation import menu_for

    for label, url in menu_for(user):
        assert client.get(url).status_code == 200, (username, str(label), url)


def _queries(function):
    with CaptureQueriesContext(connection) as captured:
        function()
    return len(captured)


FIGURES = registry.figures()


@pytest.mark.parametrize("figure", [f for _c, f in FIGURES], ids=[f.name for _c, f in FIGURES])
def test_a_figure_counts_in_the_same_queries_whatever_the_data(figure, world):
    user = _demo_user("demo.district")
    user.active_memberships()
    before = _queries(lambda: figure.count(user)), _queries(figure.count)
    call_command("seed", "--scale", "30", stdout=None, stderr=None)
    assert (_queries(lambda: figure.count(user)), _queries(figure.count)) == before


def test_the_dashboard_cards_query_the_same_whatever_the_data(world):
    users = [_demo_user(u[0]) for u in USERS]
    for user in users:
        user.active_memberships()

    def cards():
        return [
            _queries(lambda card=card, user=user: card.context(user))
            for user in users
            for card in registry.cards()
        ]

    before = cards()
    call_command("seed", "--scale", "30", stdout=None, stderr=None)
    assert cards() == before


def test_every_figure_has_a_unique_name_and_a_known_denominator():
    names = [f.name for _c, f in FIGURES]
    assert len(names) == len(set(names))
    for _config, figure in FIGURES:
        assert not figure.denominator or figure.denominator in names, figure.name
        assert figure.name.split(".")[0] == _config.label


def test_no_two_api_schemas_share_a_name():
    """OpenAPI names each schema by its class: a second class of the same name
    silently replaces the first in the document (and in the clients made from it)."""
    import ninja

    import sangam.site.api  # noqa: F401 (imports every router and its schemas)

    def all_subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from all_subclasses(sub)

    names = {}
    for cls in all_subclasses(ninja.Schema):
        if cls.__module__.startswith("sangam."):
            names.setdefault(cls.__name__, set()).add(cls.__module__)
    assert {n: m for n, m in names.items() if len(m) > 1} == {}
