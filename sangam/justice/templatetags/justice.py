"""Template helpers: one clock as a list item, and what other capabilities'
pages use to link to justice without importing it (the care case's "apply
for witness protection")."""

from django import template
from django.urls import reverse
from django.utils.formats import date_format, localize
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from sangam.justice.forms.cases import writing_agencies
from sangam.justice.forms.protection import FILERS
from sangam.justice.models import ProtectionApplication
from sangam.justice.queries import victim_cases

register = template.Library()


@register.simple_tag
def may_apply_for_protection(user, care):
    """Whether ``user`` files for the survivor of the care case ``care``: her
    agency cares for her and she is a victim in a police case it sees."""
    filers = writing_agencies(user, ProtectionApplication, FILERS).filter(pk=care.agency_id)
    return filers.exists() and victim_cases(user, care.survivor_id).exists()


# A clock's state as its tag's class and its word.
STATE_TAGS = {
    "met": ("ok", _("Met")),
    "missed": ("bad", _("Missed")),
    "at_risk": ("warn", _("At risk")),
    "running": ("", _("Running")),
}


@register.simple_tag
def clock_state(clock):
    """The clock's state as a tag: the justice list's short rows and each
    clock item show it alike."""
    css, word = STATE_TAGS[clock.state()]
    return format_html('<span class="tag {}">{}</span>', css, word)


@register.simple_tag
def clock_item(clock, link=False):
    """One of the law's clocks as a list item: what, its state, when it is
    due, who must meet it, the accused it runs for and the rule's source.

    Written in Python rather than as an included template: the clocks page
    and the case page list dozens, and the template's seventeen nodes a clock
    were most of those pages' time (benchmarks/justice.py)."""
    due = date_format(localtime(clock.due_at), "j M Y, H:i")
    # gettext outside f-strings: makemessages does not look inside them.
    parts = [gettext("Due") + " " + due]
    if clock.met_at:
        parts.append(gettext("met on") + " " + date_format(localtime(clock.met_at), "j M Y"))
    else:
        days = clock.days_left()
        if days >= 0:
            text = ngettext("%(days)s day left", "%(days)s days left", days)
        else:
            days = -days
            text = ngettext("%(days)s day late", "%(days)s days late", days)
        parts.append(text % {"days": localize(days)})
    parts.append(gettext("responsible") + ": " + clock.responsible.name)
    if clock.accused_id:
        url = reverse("justice:accused", args=[clock.accused_id])
        parts.append(format_html('<a href="{}">{}</a>', url, clock.accused))
    opener = ""
    if link:
        opener = format_html(
            '<br><a href="{}">{}</a>', clock.get_absolute_url(), gettext("Open the record")
        )
    return format_html(
        '<li class="clock" data-clock="{}"><strong>{}</strong> {}'
        "<br><small>{}<br>{}</small>{}</li>",
        clock.kind,
        clock.label,
        clock_state(clock),
        format_html_join(" · ", "{}", ((part,) for part in parts)),
        clock.rule.source,
        opener,
    )
