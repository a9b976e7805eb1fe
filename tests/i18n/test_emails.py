"""E-mails reach each recipient in her own language, whoever sent them and
whatever language the sender's page was in."""

from django.core import mail
from django.urls import reverse

from sangam.accounts.models import User
from sangam.core.access import SYSTEM
from sangam.core.roles import Role
from tests.conftest import make_user


def test_an_invitation_goes_out_in_the_language_chosen_for_her(client, ngo):
    client.force_login(make_user("admin.malda", Role.AGENCY_ADMINISTRATOR, ngo))  # in English
    agency = ngo
    form = client.get(reverse("accounts:invite", args=[agency.pk])).content.decode()
    assert '<option value="or" lang="or">ଓଡ଼ିଆ</option>' in form
    response = client.post(
        reverse("accounts:invite", args=[agency.pk]),
        {
            "username": "new.worker",
            "email": "new.worker@test.sangam.invalid",
            "role": Role.CASEWORKER,
            "language": "or",
        },
    )
    assert response.status_code == 302
    assert User.objects.restrict(SYSTEM).get(username="new.worker").language == "or"
    [message] = mail.outbox
    assert message.subject.startswith("ସଙ୍ଗମ: ")
    assert "ନିମନ୍ତ୍ରଣ" in message.subject
    assert "ପାସୱାର୍ଡ ବାଛିବାକୁ ଏହି ଲିଙ୍କ୍ ଖୋଲନ୍ତୁ" in message.body
    assert "invited" not in message.body


def test_a_password_reset_is_mailed_in_her_language_not_the_pages(client, worker):
    assert worker.language == "bn"
    response = client.post(
        reverse("accounts:password_reset"),
        {"email": worker.email},
        HTTP_ACCEPT_LANGUAGE="as",
    )
    assert response.status_code == 302
    [message] = mail.outbox
    assert "কেউ আপনার সঙ্গম অ্যাকাউন্টের পাসওয়ার্ড রিসেট করতে চেয়েছেন" in message.body
    assert "Someone asked" not in message.body
