"""Every form of every app is built on sangam.core.forms, so that no text
field takes more than the one limit (SANGAM_MAX_TEXT_CHARS)."""

import importlib
import pkgutil

from django import forms

import sangam
from sangam.core.forms import Form, TextLimits


def every_form_class():
    for module in pkgutil.walk_packages(sangam.__path__, "sangam."):
        if ".migrations" in module.name or module.name.endswith((".cli", ".wsgi")):
            continue
        importlib.import_module(module.name)
    seen, todo = set(), [forms.BaseForm]
    while todo:
        for sub in todo.pop().__subclasses__():
            if sub not in seen:
                seen.add(sub)
                todo.append(sub)
    return [c for c in seen if c.__module__.startswith("sangam.")]


def test_every_form_takes_text_only_up_to_the_limit(db):
    classes = every_form_class()
    assert len(classes) > 40
    assert [f"{c.__module__}.{c.__name__}" for c in classes if not issubclass(c, TextLimits)] == []


def test_a_declared_text_field_without_a_length_gets_the_limit(settings):
    settings.SANGAM_MAX_TEXT_CHARS = 10

    class Note(Form):
        text = forms.CharField(widget=forms.Textarea)
        code = forms.CharField(max_length=3)

    form = Note({"text": "x" * 11, "code": "abc"})
    assert not form.is_valid() and list(form.errors) == ["text"]
    assert form.fields["code"].max_length == 3
