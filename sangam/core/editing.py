"""Saving an edit that started from a known version of a record.

Every page and API endpoint that edits a ``VersionedModel`` goes through here,
so a concurrent edit is detected and explained the same way everywhere.
"""

from django.utils.translation import gettext_lazy as _

from sangam.core.models import EditConflict

__all__ = ["EDIT_CONFLICT", "EditConflict", "save_versioned"]

# Lazy, so makemessages extracts it and each reader gets her own language.
EDIT_CONFLICT = _(
    "Someone else saved this record while you were editing it. "
    "Your changes were not saved: reload to see the latest version, then edit again."
)


def save_versioned(form, user, **fields):
    """Save a valid ModelForm of a VersionedModel, setting ``fields`` first.

    A new record is saved as it is (``created_by`` set to ``user`` if the model
    records it and nobody set it); an existing one only if nobody saved it
    since the version the form carries. On a conflict nothing is saved, the
    form carries the message and None is returned.
    """
    obj = form.save(commit=False)
    for name, value in fields.items():
        setattr(obj, name, value)
    try:
        if obj._state.adding:
            if hasattr(obj, "created_by_id") and obj.created_by_id is None:
                obj.created_by = user
            obj.save()
        else:
            obj.save_checked(form.cleaned_data.get("version") or 0)
    except EditConflict:
        form.add_error(None, EDIT_CONFLICT)
        return None
    return obj
