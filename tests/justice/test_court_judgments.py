"""A judgment per accused and charge, recorded by the prosecutor on the
case's page: convicted with the sentence, acquitted with a reason from the
fixed list, discharged. A charge not in the case, one dropped before the
judgment, an acquittal without its reason, a second judgment on the same
charge: refused by the field, nothing saved. The trial concludes when every
accused is judged on every charge; a stale version is a conflict."""

from datetime import date

from sangam.core.access import SYSTEM
from sangam.justice import workflow
from sangam.justice.models import Accused, ChargedSection, Judgment
from tests.justice.conftest import offences


def prefixed(prefix, data):
    return {f"{prefix}-{k}": v for k, v in data.items()}


def judgment_form(trial, section, **changes):
    return prefixed("judgment", {
        "version": trial.version,
        "accused": trial.accused_on_trial.pk,
        "section": section.pk,
        "on": "2026-03-01",
        "verdict": "convicted",
        "sentence": "Rigorous imprisonment for 10 years (synthetic)",
        **changes,
    })  # fmt: skip


def charged(case, code):
    return ChargedSection.objects.restrict(SYSTEM).get(case=case, offence__section=code)


def test_the_prosecutor_records_a_conviction_and_the_trial_concludes(world, case, tried, client):
    client.force_login(world["prosecutor"])
    url = f"/justice/trials/{tried.pk}/judgments/"
    response = client.post(url, judgment_form(tried, charged(case, "143"), fine="50000"))
    assert response.status_code == 302
    judgment = Judgment.objects.restrict(SYSTEM).get()
    assert (judgment.verdict, judgment.fine) == ("convicted", 50000)
    case.refresh_from_db()
    assert case.trial_concluded_on == date(2026, 3, 1)
    page = client.get(case.get_absolute_url()).content.decode()
    assert "Convicted" in page and "Rigorous imprisonment for 10 years" in page


def test_each_accused_is_judged_on_each_charge_before_the_trial_concludes(world, case, tried):
    second = workflow.save_accused(
        world["police"], case, Accused(name="Second (synthetic)", role="buyer", arrested_at=None)
    )
    workflow.add_section(
        world["police"], case, offences(case.fir_date, "BNS 144")[0], case.fir_date,
        expected_version=case.version,
    )  # fmt: skip
    first = tried.accused_on_trial
    pairs = [(first, "143"), (first, "144"), (second, "143"), (second, "144")]
    for i, (accused, code) in enumerate(pairs):
        tried.refresh_from_db()
        workflow.record_judgment(
            world["prosecutor"],
            tried,
            Judgment(
                accused=accused, section=charged(case, code), on=date(2026, 3, 1 + i),
                verdict="acquitted", acquittal_reason="witness_hostile",
            ),
            expected_version=tried.version,
        )  # fmt: skip
        case.refresh_from_db()
        assert case.trial_concluded_on == (date(2026, 3, 4) if i == 3 else None)


def test_what_the_order_of_a_trial_does_not_allow_is_refused(world, case, tried, client):
    client.force_login(world["prosecutor"])
    url = f"/justice/trials/{tried.pk}/judgments/"
    section = charged(case, "143")

    def errors(**changes):
        response = client.post(url, judgment_form(tried, section, **changes))
        assert response.status_code == 200
        return response.context["judgment_form"].errors

    assert errors(verdict="acquitted", sentence="")["acquittal_reason"] == [
        "Give the reason for the acquittal."
    ]
    assert errors(sentence="")["sentence"] == ["Give the sentence."]
    assert errors(on="2025-05-01")["on"] == ["This is before the charges were framed."]
    assert "acquittal_reason" in errors(acquittal_reason="someone said so")
    assert not Judgment.objects.restrict(SYSTEM).exists()


def test_a_charge_not_in_the_case_or_dropped_or_judged_twice_is_refused(world, case, tried, client):
    from sangam.justice.models import CriminalCase
    from tests.justice.conftest import FIR_AT

    other = workflow.register_fir(
        world["police"],
        CriminalCase(police_station=world["station"], fir_number="T-3/2025", fir_at=FIR_AT),
        offences(FIR_AT.date(), "BNS 144"),
        [],
    )
    client.force_login(world["prosecutor"])
    url = f"/justice/trials/{tried.pk}/judgments/"
    response = client.post(url, judgment_form(tried, charged(other, "144")))
    assert "section" in response.context["judgment_form"].errors
    workflow.add_section(
        world["police"], case, offences(case.fir_date, "BNS 144")[0], case.fir_date,
        expected_version=case.version,
    )  # fmt: skip
    case.refresh_from_db()
    workflow.drop_section(
        world["police"], case, charged(case, "144"), date(2025, 5, 1), "Synthetic.",
        expected_version=case.version,
    )  # fmt: skip
    response = client.post(url, judgment_form(tried, charged(case, "144")))
    assert response.context["judgment_form"].errors["section"] == [
        "This section is not charged in this case."
    ]
    assert client.post(url, judgment_form(tried, charged(case, "143"))).status_code == 302
    tried.refresh_from_db()
    response = client.post(url, judgment_form(tried, charged(case, "143")))
    assert response.context["judgment_form"].errors["section"] == [
        "This accused is already judged on this charge."
    ]
    assert Judgment.objects.restrict(SYSTEM).count() == 1


def test_a_stale_version_is_a_conflict_and_nothing_is_saved(world, case, tried, client):
    client.force_login(world["prosecutor"])
    stale = judgment_form(tried, charged(case, "143"), version=tried.version - 1)
    response = client.post(f"/justice/trials/{tried.pk}/judgments/", stale, follow=True)
    assert "Someone else saved this record" in response.content.decode()
    assert not Judgment.objects.restrict(SYSTEM).exists()


def test_an_appeal_follows_the_judgment(world, case, tried, client):
    client.force_login(world["prosecutor"])
    url = f"/justice/trials/{tried.pk}/appeals/"
    appeal = {"by": "accused", "court": "High Court at Calcutta (synthetic)",
              "filed_on": "2026-04-01", "outcome": "pending"}  # fmt: skip
    response = client.post(url, prefixed("appeal", {**appeal, "version": tried.version}))
    assert response.context["appeal_form"].non_field_errors() == [
        "An appeal follows a judgment: record the judgment first."
    ]
    # And she reads it: the appeal's section is drawn, open, though the
    # page has no appeal section before a judgment.
    assert "record the judgment first." in response.content.decode()
    judgments = f"/justice/trials/{tried.pk}/judgments/"
    client.post(judgments, judgment_form(tried, charged(case, "143")))
    tried.refresh_from_db()
    assert (
        client.post(url, prefixed("appeal", {**appeal, "version": tried.version})).status_code
        == 302
    )
    page = client.get(case.get_absolute_url()).content.decode()
    assert "High Court at Calcutta (synthetic)" in page
