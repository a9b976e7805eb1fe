"""A menu item as a capability declares it in its ``menu.py``."""

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from sangam.core.access import can


@dataclass(frozen=True)
class Item:
    """``label`` linking to ``url_name``, shown to whoever may ``action`` one of
    ``models`` (any of them), or to whom ``shown(user)`` says (for rules no
    grant expresses, e.g. oversight). With neither, every signed-in user."""

    label: Any
    url_name: str
    order: int
    models: tuple = ()
    action: str = "view"
    shown: Any = None
    public: bool = False  # also in the menu of visitors who are not signed in
    # Shown only when this other item is not (one of two views of one queue).
    unless: str = ""

    def url(self):
        return reverse(self.url_name)

    def visible_to(self, user):
        if not getattr(user, "is_authenticated", False):
            return self.public
        if self.shown is not None and self.shown(user):
            return True
        if self.models:
            return any(can(user, model, self.action) for model in self.models)
        return self.shown is None
