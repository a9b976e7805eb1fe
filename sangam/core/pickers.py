"""Searchable pickers instead of long selects (a select of all 754 districts
made "Register a survivor" 109 KB of HTML).

An app lists the models it offers a picker for in its ``pickers.py``
(``PICKERS = [Kind(...)]``). Every form of Sangam (``core.forms``) then draws
a choice of one of those models as a text field with suggestions (a
``<datalist>``): the browser filters them as she types, and where the full
list would be long the server sends only the names that match what she typed
(``static/sangam/picker.js``; ``search_url``). Without JavaScript the typed
name is matched on the server when the form is sent. Either way the choice is
checked against the field's own queryset (what this user may choose), and
free text that matches nothing, or more than one, is answered next to the
field and never saved.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.db.models import Case, IntegerField, Value, When
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sangam.core import registry

SUGGESTIONS = 15  # names sent for one search, and shown after a refused one
INLINE_MAX = 300  # a longer list is never sent whole: only what matches the typed text


@dataclass(frozen=True)
class Kind:
    model: type
    noun: str  # "district": shown in "No district matches …"
    label: Callable  # the one line that names an object, e.g. "Malda, West Bengal"
    # Objects whose name matches typed text: search(queryset, text).
    search: Callable
    # Where picker.js asks for suggestions (a URL name), when the list would
    # be too long to send whole; None sends the field's whole queryset.
    search_url: str | None = None
    related: tuple = ()  # select_related for label()


def by_name(queryset, text):
    """Objects whose name holds the text: names starting with it first."""
    return (
        queryset.filter(name__icontains=text)
        .annotate(
            starts=Case(
                When(name__istartswith=text, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("starts", "name", "pk")
    )


def kind_for(model):
    for kind in registry.pickers():
        if kind.model is model:
            return kind
    return None


def suggestions(kind, queryset, text):
    """The labels of up to SUGGESTIONS objects matching ``text``."""
    name = text.split(",")[0].strip()
    if not name:
        return []
    rows = kind.search(queryset.select_related(*kind.related), name)[:SUGGESTIONS]
    return [kind.label(obj) for obj in rows]


class Picker(forms.TextInput):
    template_name = "core/picker.html"

    def __init__(self, field, kind):
        super().__init__(attrs={"autocomplete": "off"})
        self.field, self.kind = field, kind

    def __deepcopy__(self, memo):
        # The form's field is copied for each form; keep this widget bound to
        # the copy that holds it (Field.__deepcopy__ copies the widget too).
        copied = super().__deepcopy__(memo)
        copied.field = memo.get(id(self.field), self.field)
        return copied

    def _queryset(self):
        return self.field.queryset.select_related(*self.kind.related)

    def value_from_datadict(self, data, files, name):
        value = data.get(name)
        if not isinstance(value, str):  # the API, the demo and old links send the key
            return value
        text = value.strip()
        if not text or text.isdigit():
            return text
        wanted = text.casefold()
        found = list(self.kind.search(self._queryset(), text.split(",")[0].strip()))
        exact = [obj for obj in found if self.kind.label(obj).casefold() == wanted]
        named = [obj for obj in found if str(obj.name).casefold() == wanted.split(",")[0].strip()]
        match = exact if len(exact) == 1 else named
        if len(match) == 1:
            return str(match[0].pk)
        if len(named) > 1:
            message = _("More than one %(noun)s is called “%(value)s”: choose one from the list.")
        else:
            message = _("No %(noun)s matches “%(value)s”: choose one of the suggestions.")
        self.field.error_messages["invalid_choice"] = message % {
            "noun": self.kind.noun,
            "value": "%(value)s",
        }
        return text

    def format_value(self, value):
        if value in (None, ""):
            return ""
        if str(value).isdigit():
            obj = self._queryset().filter(pk=value).first()
            return self.kind.label(obj) if obj else ""
        return str(value)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        shown = context["widget"]["value"] or ""
        if self.kind.search_url:
            # Only what matches the typed text (after a refused choice), the
            # rest as she types.
            options = suggestions(self.kind, self.field.queryset, shown) if shown else []
            context["search_url"] = reverse(self.kind.search_url)
        elif self.field.queryset.count() <= INLINE_MAX:
            options = [self.kind.label(obj) for obj in self._queryset()]
        else:
            options = suggestions(self.kind, self.field.queryset, shown) if shown else []
        context["options"] = options
        context["noun"] = self.kind.noun
        return context


def use_pickers(form):
    """Draw each choice of a model with a picker as a searchable text field."""
    for field in form.fields.values():
        if type(field) is not forms.ModelChoiceField or field.queryset is None:
            continue
        kind = kind_for(field.queryset.model)
        if kind is not None and not isinstance(field.widget, forms.HiddenInput):
            field.widget = Picker(field, kind)
