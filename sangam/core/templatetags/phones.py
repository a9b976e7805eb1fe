"""A phone number shown as a link that calls it (``{{ household.phone|tel }}``):
on a phone one tap dials it, and a number is never copied by hand."""

import re

from django import template
from django.utils.html import format_html

register = template.Library()


@register.filter
def tel(number):
    number = str(number or "").strip()
    dialled = re.sub(r"[^\d+]", "", number)
    if not dialled:
        return number
    return format_html('<a class="tel" href="tel:{}">{}</a>', dialled, number)
