"""The one shape of a status change posted from a record's page (a claim, a
release, a legal-aid application, a document): read the TransitionForm,
take the step, say what happened, back to the record."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from sangam.compensation import forms
from sangam.core.editing import EDIT_CONFLICT, EditConflict
from sangam.core.workflow import Refused


def transition(request, record, step, *, done, not_here=()):
    """``step(to, reason=, expected_version=)`` moves ``record``; ``done(record)``
    is the success message (read after the step, so it names the new status).
    Statuses in ``not_here`` have their own form on the page and are refused
    here like an unreadable post."""
    form = forms.TransitionForm(request.POST)
    if not form.is_valid() or form.cleaned_data["to"] in not_here:
        messages.error(request, _("That change could not be read. Please try again."))
        return redirect(record)
    data = form.cleaned_data
    try:
        step(data["to"], reason=data["reason"], expected_version=data["version"])
    except Refused as exc:
        messages.error(request, str(exc))
    except EditConflict:
        messages.error(request, EDIT_CONFLICT)
    else:
        messages.success(request, done(record))
    return redirect(record)
