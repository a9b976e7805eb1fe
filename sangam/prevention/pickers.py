"""Recruiters are chosen with a searchable picker (core/pickers.py) among
those the user may see. Names are encrypted, so they are matched here, not in
SQL; the list is one state's registry."""

from django.utils.translation import gettext_lazy as _

from sangam.core.pickers import Kind
from sangam.prevention.models import Recruiter


def _by_name(queryset, text):
    wanted = text.casefold()
    return [r for r in queryset if wanted in str(r).casefold()]


PICKERS = [Kind(model=Recruiter, noun=_("recruiter"), label=str, search=_by_name)]
