"""The release certificate and the letter to her native district print as
PDFs with her name and the certificate's facts; printing is audited."""

from io import BytesIO

from pypdf import PdfReader

from sangam.audit.models import AuditEntry
from sangam.compensation.models import BondedLabourRelease
from sangam.core.access import SYSTEM
from tests.compensation.conftest import days_ago, released
from tests.conftest import district


def _text(response):
    assert response["Content-Type"] == "application/pdf"
    return " ".join(p.extract_text() for p in PdfReader(BytesIO(response.content)).pages)


def test_the_certificate_names_her_and_its_number_date_and_officer(malda, client):
    release = released(malda)
    client.force_login(malda["dm"])
    before = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first()
    text = _text(client.get(f"/compensation/bonded-labour/certificates/{release.pk}.pdf"))
    assert "Rupa Testname" in text and "RC/1" in text and "SDM Sadar" in text
    assert days_ago(24).strftime("%Y") in text
    exports = AuditEntry.objects.filter(pk__gt=before, action="export")
    assert {e.object_type for e in exports} == {
        "compensation.bondedlabourrelease",
        "cases.survivor",
    }


def test_the_certificate_prints_in_hindi_with_devanagari(malda, client):
    release = released(malda)
    dm = malda["dm"]
    dm.language = "hi"
    dm.save()
    client.force_login(dm)
    response = client.get(f"/compensation/bonded-labour/certificates/{release.pk}.pdf")
    assert "मुक्ति प्रमाण पत्र" in _text(response)


def test_the_letter_goes_only_to_a_native_district_in_another_state(malda, client):
    release = released(malda)
    client.force_login(malda["dm"])
    url = f"/compensation/bonded-labour/letters/{release.pk}.pdf"
    assert client.get(url).status_code == 404
    BondedLabourRelease.objects.restrict(SYSTEM).filter(pk=release.pk).update(
        native_district=district("IN-JH", "Ranchi")
    )
    text = _text(client.get(url))
    assert "Ranchi" in text and "Rupa Testname" in text and "RC/1" in text
