"""The bases of every form: the one limit on free text, and searchable
pickers for long choices (core/pickers.py).

A text field of any form takes at most ``SANGAM_MAX_TEXT_CHARS`` characters
unless it declares less (a model's ``TextField`` declares nothing, so a
care-plan goal of millions of characters was accepted). The limit is checked
by the form, shown to the browser as ``maxlength`` and explained as a field
error; API operations validate with the same forms, and the API's JSON bodies
are held to the same limit by ``sangam.site.middleware``. A contract test
holds every form of every app to these bases.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator

from sangam.core.pickers import use_pickers


class TextLimits:
    """Put first among a form's bases."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = settings.SANGAM_MAX_TEXT_CHARS
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and (
                field.max_length is None or field.max_length > limit
            ):
                field.max_length = limit
                field.validators.append(MaxLengthValidator(limit))
                field.widget.attrs["maxlength"] = str(limit)
            if isinstance(field.widget, forms.Textarea) and field.widget.attrs.get("rows") == "10":
                # Django's default of ten rows drew 260 px boxes; a box grows as
                # she writes (sangam.css, field-sizing).
                field.widget.attrs["rows"] = "3"

    def __getitem__(self, name):
        # Pickers once the form's own __init__ has set its querysets: every
        # rendering and cleaning of a field goes through here.
        if not getattr(self, "_pickers_used", False):
            self._pickers_used = True
            use_pickers(self)
        return super().__getitem__(name)


class Form(TextLimits, forms.Form):
    pass


class ModelForm(TextLimits, forms.ModelForm):
    pass


def refuse_invalid(form):
    """The API's 422 for a form with errors, by field: every capability's
    API checks what it is sent with the pages' own forms, and answers this
    way (site/api.py turns Django's ValidationError into the problem)."""
    raise ValidationError({k: [str(e) for e in v] for k, v in form.errors.items()})
