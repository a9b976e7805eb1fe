"""Django's own messages (password rules, form errors) reach the reader in
her language, Assamese and Odia included, for which Django ships nothing."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from sangam.accounts.models import User
from tests.conftest import PASSWORD

SHORT = "This password is too short. It must contain at least %d characters."


@pytest.mark.parametrize("code", [c for c, _ in settings.LANGUAGES if c != "en"])
def test_a_rejected_password_is_explained_in_her_language(client, worker, code):
    User.objects.restrict(worker, "change").filter(pk=worker.pk).update(language=code)
    client.force_login(worker)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": "4821", "new_password2": "4821"},
    )
    body = response.content.decode()
    with translation.override(code):
        short = translation.ngettext(SHORT.replace("characters", "character"), SHORT, 10) % 10
        numeric = translation.gettext("This password is entirely numeric.")
        required = translation.gettext("This field is required.")
    assert short != SHORT % 10 and numeric != "This password is entirely numeric."
    assert short in body and numeric in body
    assert "This password" not in body
    assert required != "This field is required."
