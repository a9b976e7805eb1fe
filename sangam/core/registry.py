"""Finds each app's contract files (``LAYOUT.md``): its menu, figures, cards,
grants. The site assembles navigation and the dashboard from what this finds,
so no shared code lists the capabilities by hand.

A capability says it is one with ``capability = True`` on its AppConfig; the
contract tests hold every capability to the full set of files.
"""

from functools import cache
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps

# What every capability keeps (LAYOUT.md); modules, or packages of that name.
CONTRACT = (
    "models",
    "queries",
    "workflow",
    "forms",
    "views",
    "urls",
    "permissions",
    "figures",
    "menu",
)
# Kept once there is something in them: an API to offer, something to
# listen to, background work. No empty module is written to satisfy a list.
WHEN_NEEDED = ("api", "signals", "tasks")


def sangam_apps():
    return [c for c in apps.get_app_configs() if c.name.startswith("sangam.")]


def capabilities():
    return [c for c in sangam_apps() if getattr(c, "capability", False)]


def has_module(config, name):
    return find_spec(f"{config.name}.{name}") is not None


def contract_module(config, name):
    """The app's ``name`` module, or None if it keeps none."""
    if not has_module(config, name):
        return None
    return import_module(f"{config.name}.{name}")


@cache
def _collected(name, attribute):
    found = []
    for config in sangam_apps():
        module = contract_module(config, name)
        if module is not None:
            found += [(config, item) for item in getattr(module, attribute, ())]
    return tuple(found)


def menu_items():
    """Every app's menu items, in menu order."""
    return sorted((item for _c, item in _collected("menu", "ITEMS")), key=lambda i: i.order)


def cards():
    """Every app's dashboard cards, in dashboard order."""
    return sorted((card for _c, card in _collected("figures", "CARDS")), key=lambda c: c.order)


def figures():
    """Every app's named figures: [(app config, Figure)]."""
    return list(_collected("figures", "FIGURES"))


def pickers():
    """Every app's searchable pickers (core/pickers.py Kind)."""
    return [kind for _c, kind in _collected("pickers", "PICKERS")]


def restricted_models():
    """Every model whose default queryset is fail-closed (personal data)."""
    from sangam.core.access import RestrictedQuerySet

    return [
        model
        for config in sangam_apps()
        for model in config.get_models()
        if isinstance(model._default_manager.get_queryset(), RestrictedQuerySet)
    ]
