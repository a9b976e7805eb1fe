"""The staff e-mail every reminder sends: a count or a reference number and
a link, never a person's details (those stay behind the login).

Each message is two templates, ``<name>_subject.txt`` and ``<name>.txt``
(the body extends ``core/email/count_and_link.txt``), rendered in each
recipient's own language: a reminder run by a command has no request
language, and a Hindi-speaking supervisor reads her e-mail in Hindi."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation


def send(recipients, template, context, *, fail_silently=False):
    """E-mail ``template`` to each of ``recipients``, (address, language)
    pairs; the context must hold counts and links only."""
    sent = 0
    for address, language in recipients:
        with translation.override(language or settings.LANGUAGE_CODE):
            subject = render_to_string(f"{template}_subject.txt", context)
            body = render_to_string(f"{template}.txt", context)
        # A header cannot hold a line break.
        subject = " ".join(subject.split())
        sent += send_mail(subject, body, None, [address], fail_silently=fail_silently)
    return sent
