"""A judgment recommending compensation (BNSS 396(2)-(3)) reaches her claim:
an open claim of hers records the amount and the date; without one, a claim
is opened for her, route "court", prepared with her NGO and decided by the
DLSA of the police station's district, since her consent lets it see legal
matters; a claim already closed is left alone."""

from datetime import date

from sangam.compensation import workflow as compensation
from sangam.compensation.models import Claim, ClaimEvent, SchemeVersion
from sangam.core.access import SYSTEM
from sangam.justice import workflow
from sangam.justice.models import ChargedSection, Judgment


def _convict(world, case, tried, amount):
    section = ChargedSection.objects.restrict(SYSTEM).get(case=case, offence__section="143")
    return workflow.record_judgment(
        world["prosecutor"],
        tried,
        Judgment(accused=tried.accused_on_trial, section=section, on=date(2026, 3, 2),
                 verdict="convicted", sentence="10 years", compensation_recommended=amount),
        expected_version=tried.version,
    )  # fmt: skip


def test_a_recommendation_opens_a_claim_for_her_with_the_dlsa(world, case, tried, client):
    _convict(world, case, tried, 300000)
    claim = Claim.objects.restrict(SYSTEM).select_related("authority").get()
    assert (claim.route, claim.status, claim.criminal_case) == ("court", "draft", case)
    assert (claim.court_recommended_amount, claim.court_recommended_on) == (
        300000,
        date(2026, 3, 2),
    )
    assert claim.authority.type == "dlsa" and claim.authority.district == world["station"].district
    assert claim.serving_agency == world["ngo"] and claim.police_station == "Sadar PS (synthetic)"
    event = ClaimEvent.objects.restrict(SYSTEM).get(claim=claim)
    assert "court's recommendation" in event.reason
    client.force_login(world["legal"])
    page = client.get(f"/compensation/{claim.pk}/").content.decode()
    assert "₹3,00,000" in page and "T-1/2025" in page


def test_her_open_claim_records_the_recommendation(world, case, tried):
    dlsa = world["legal"].active_memberships()[0].agency
    scheme = SchemeVersion.for_state(dlsa.state)
    mine = compensation.create(
        world["caseworker"],
        Claim(survivor=world["survivor"], case=world["survivor"].cases.restrict(SYSTEM).get(),
              serving_agency=world["ngo"], authority=dlsa, scheme=scheme),
    )  # fmt: skip
    _convict(world, case, tried, 150000)
    claim = Claim.objects.restrict(SYSTEM).get()
    assert claim.pk == mine.pk and claim.court_recommended_amount == 150000
    assert claim.criminal_case == case and claim.version == mine.version + 1


def test_a_withdrawn_claim_is_left_alone_and_nothing_happens_without_an_amount(world, case, tried):
    _convict(world, case, tried, None)
    assert not Claim.objects.restrict(SYSTEM).exists()
    dlsa = world["legal"].active_memberships()[0].agency
    withdrawn = compensation.create(
        world["caseworker"],
        Claim(survivor=world["survivor"], case=world["survivor"].cases.restrict(SYSTEM).get(),
              serving_agency=world["ngo"], authority=dlsa,
              scheme=SchemeVersion.for_state(dlsa.state)),
    )  # fmt: skip
    compensation.transition(
        world["caseworker"], withdrawn, "withdrawn", reason="She chose not to go on.",
        expected_version=withdrawn.version,
    )  # fmt: skip
    tried.refresh_from_db()
    section = ChargedSection.objects.restrict(SYSTEM).get(case=case, offence__section="143")
    judgment = Judgment.objects.restrict(SYSTEM).get(section=section)
    judgment.compensation_recommended = 100000
    workflow.record_judgment(world["prosecutor"], tried, judgment, expected_version=tried.version)
    old = Claim.objects.restrict(SYSTEM).get(pk=withdrawn.pk)
    assert old.status == "withdrawn" and old.court_recommended_amount is None
    new = Claim.objects.restrict(SYSTEM).exclude(pk=withdrawn.pk).get()
    assert (new.route, new.court_recommended_amount) == ("court", 100000)
