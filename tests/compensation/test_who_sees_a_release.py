"""Who sees a release case: the DM's office works it; the caseworker of the
agency serving her follows it with her consent and writes nothing; the DM
of another district, an unrelated caseworker and the district official get
404; every read of it is audited."""

from sangam.audit.models import AuditEntry
from sangam.cases.models import ConsentGrant
from tests.compensation.conftest import days_ago, fresh, released


def test_the_dm_of_another_district_gets_404(malda, client):
    release = released(malda)
    client.force_login(malda["other_dm"])
    assert client.get(release.get_absolute_url()).status_code == 404
    assert (
        client.get(f"/compensation/bonded-labour/certificates/{release.pk}.pdf").status_code == 404
    )
    assert "BL-" not in client.get("/compensation/bonded-labour/").content.decode()


def test_the_district_official_sees_figures_not_the_case(malda, client):
    release = released(malda)
    client.force_login(malda["official"])
    assert client.get(release.get_absolute_url()).status_code == 404
    card = dict(client.get("/dashboard/").context["cards"])["compensation/_bonded_card.html"]
    assert card["certificates"] == 1


def test_the_serving_caseworker_follows_it_with_her_consent_and_cannot_write(malda, client):
    release = released(malda)
    client.force_login(malda["worker"])
    page = client.get(release.get_absolute_url())
    assert page.status_code == 200 and "RC/1" in page.content.decode()
    step = f"{release.get_absolute_url()}step/immediate-assistance/"
    assert client.get(step).status_code == 404
    response = client.post(
        step,
        {"immediate_assistance_amount": 1000, "immediate_assistance_paid_on": days_ago(1),
         "version": release.version},
    )  # fmt: skip
    assert response.status_code == 404
    assert fresh(release).immediate_assistance_amount is None


def test_without_her_consent_the_caseworker_sees_nothing(malda, client):
    release = released(malda)
    ConsentGrant.objects.filter(agency_type="ngo", category="legal").delete()
    client.force_login(malda["worker"])
    assert client.get(release.get_absolute_url()).status_code == 404


def test_a_caseworker_of_an_agency_not_serving_her_gets_404(malda, client):
    release = released(malda)
    client.force_login(malda["other_worker"])
    assert client.get(release.get_absolute_url()).status_code == 404


def test_her_name_is_hidden_once_her_consent_to_the_district_administration_ends(malda, client):
    release = released(malda)
    ConsentGrant.objects.filter(agency_type="district_administration").delete()
    client.force_login(malda["dm"])
    page = client.get(release.get_absolute_url()).content.decode()
    assert "Rupa Testname" not in page and "has not consented" in page
    # Nothing to print a certificate with: it would have to name her.
    assert (
        client.get(f"/compensation/bonded-labour/certificates/{release.pk}.pdf").status_code == 404
    )


def test_reading_the_case_and_her_record_is_audited(malda, client):
    release = released(malda)
    client.force_login(malda["dm"])
    before = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first()
    client.get(release.get_absolute_url())
    views = AuditEntry.objects.filter(pk__gt=before, action="view")
    assert {(e.object_type, e.object_id) for e in views} >= {
        ("compensation.bondedlabourrelease", str(release.pk)),
        ("cases.survivor", str(malda["survivor"].pk)),
    }
