"""Stored vocabulary codes shown as words: ``{{ survivor.languages|language_names }}``."""

from django import template

from sangam.core import vocabulary

register = template.Library()


@register.filter
def language_names(codes):
    return vocabulary.language_names(codes)


@register.filter
def language_name(code):
    return vocabulary.language_name(code)


@register.filter
def autonym(code):
    return vocabulary.autonym(code)
