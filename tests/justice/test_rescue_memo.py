"""The rescue memo: a PDF the police print to sign with the two ITPA
witnesses — the rescue, the persons rescued and the accused arrested —
printed only by those who may change the rescue, and every print audited."""

import io

from pypdf import PdfReader

from sangam.audit.models import AuditEntry
from sangam.cases.models import Survivor
from sangam.justice import workflow
from sangam.justice.models import Accused, CriminalCase
from tests.justice.conftest import offences
from tests.justice.test_rescue import RESCUED_AT, rescue  # noqa: F401  (the fixture)


def _text(response):
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)


def test_the_memo_names_the_rescued_the_witnesses_and_the_accused(world, rescue, client):  # noqa: F811
    officer = world["ahtu_officer"]
    new = Survivor(name="Rescued Girl (synthetic)", sex="female", languages="ben")
    person = workflow.add_rescued(officer, rescue, estimated_age=15, new=new)
    case = workflow.register_fir(
        officer,
        CriminalCase(police_station=world["ahtu"], fir_number="R-9/2025",
                     fir_at=RESCUED_AT, rescue=rescue),
        offences(RESCUED_AT.date(), "BNS 143"),
        [Survivor.objects.restrict(officer).get(pk=person.survivor_id)],
    )  # fmt: skip
    workflow.save_accused(
        officer, case,
        Accused(name="Accused Memo (synthetic)", role="recruiter", arrested_at=RESCUED_AT),
    )  # fmt: skip
    client.force_login(officer)
    page = client.get(rescue.get_absolute_url()).content.decode()
    assert f"/justice/rescues/{rescue.pk}/memo.pdf" in page
    before = AuditEntry.objects.filter(action="export").count()
    response = client.get(f"/justice/rescues/{rescue.pk}/memo.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = _text(response)
    for words in ("Rescue memo", "Witness One (synthetic)", "Witness Two (synthetic)",
                  "Rescued Girl (synthetic)", "Accused Memo (synthetic)", "R-9/2025"):  # fmt: skip
        assert words in text
    assert AuditEntry.objects.filter(action="export").count() > before


def test_only_those_who_may_change_the_rescue_print_it(world, rescue, client):  # noqa: F811
    for who in ("caseworker", "cwc_member", "dl_police"):
        client.force_login(world[who])
        assert client.get(f"/justice/rescues/{rescue.pk}/memo.pdf").status_code == 404
