"""How trials end, counted as NCRB does: the conviction rate is the cases
convicted over the cases in which the trial was completed (not over the
cases registered); the median days from the FIR to the chargesheet, from
the chargesheet to the judgment and from the FIR to the judgment; the
acquittals by their coded reason. Per police station, district or state,
in the same number of queries whatever the data."""

from datetime import date

from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from sangam.core.access import SYSTEM
from sangam.justice import figures, workflow
from sangam.justice.models import Accused, ChargedSection, CriminalCase, Judgment, Trial
from tests.justice.conftest import FIR_AT, offences

MALDA = Q(police_station__district__name="Malda")


def _tried_case(world, n, verdict, reason="", ended=date(2026, 3, 1)):
    police = world["police"]
    case = workflow.register_fir(
        police,
        CriminalCase(police_station=world["station"], fir_number=f"F-{n}", fir_at=FIR_AT,
                     prosecution=world["prosecution"], chargesheet_on=date(2025, 4, 1)),
        offences(FIR_AT.date(), "BNS 143"),
        [],
    )  # fmt: skip
    accused = workflow.save_accused(police, case, Accused(name="A (synthetic)", role="buyer"))
    trial = workflow.record_trial(
        police, case,
        Trial(court="Court (synthetic)", court_kind="sessions", cnr=f"WBMD01{n:06d}2025",
              court_district=world["station"].district, charges_framed_on=date(2025, 5, 1)),
    )  # fmt: skip
    if verdict:
        section = ChargedSection.objects.restrict(SYSTEM).get(case=case)
        workflow.record_judgment(
            police, trial,
            Judgment(accused=accused, section=section, on=ended, verdict=verdict,
                     acquittal_reason=reason,
                     sentence="RI (synthetic)" if verdict == "convicted" else ""),
            expected_version=trial.version,
        )  # fmt: skip
    return case


def _queries(function):
    with CaptureQueriesContext(connection) as captured:
        function()
    return len(captured)


def test_the_conviction_rate_is_ncrbs(world):
    _tried_case(world, 1, "convicted", ended=date(2025, 12, 1))
    _tried_case(world, 2, "acquitted", "witness_hostile", ended=date(2026, 3, 1))
    _tried_case(world, 3, "acquitted", "witness_hostile", ended=date(2026, 5, 1))
    _tried_case(world, 4, "acquitted", "compromise", ended=date(2026, 6, 1))
    _tried_case(world, 5, None)  # still at trial: not in the rate
    assert figures.TRIALS_COMPLETED.count() == 4
    assert figures.CONVICTED.count() == 1
    assert figures.ACQUITTALS.count() == 3
    district = world["station"].district_id
    row = figures.court_table(MALDA, "district_id")[district]
    assert (row["completed"], row["convicted"], row["conviction_rate"]) == (4, 1, 25.0)
    assert row["acquittals"] == {"witness_hostile": 2, "compromise": 1}
    # FIR on 1 March 2025; judgments 275, 365, 426 and 457 days later.
    assert row["median_days_fir_to_judgment"] == (365 + 426) / 2
    # Every chargesheet on 1 April 2025, the case still at trial's too.
    assert row["median_days_fir_to_chargesheet"] == 31
    assert row["median_days_chargesheet_to_judgment"] == (334 + 395) / 2


def test_the_court_figures_count_in_the_same_queries_whatever_the_data(world):
    user = world["legal"]
    user.active_memberships()
    _tried_case(world, 1, "convicted")

    def everything():
        for figure in (figures.TRIALS_COMPLETED, figures.CONVICTED, figures.ACQUITTALS):
            figure.count(user)
            figure.count()
        figures.court_table(MALDA, "district_id")
        figures.court_table(MALDA, "id")
        figures.court_table(Q(), "state_id")

    before = _queries(everything)
    for n in range(2, 7):
        _tried_case(world, n, "acquitted", "benefit_of_doubt")
    assert _queries(everything) == before
    # Two, as its docstring says: the chargesheet medians need no third.
    assert _queries(lambda: figures.court_table(MALDA, "id")) == 2
    assert figures.court_table(MALDA, "district_id")[world["station"].district_id][
        "conviction_rate"
    ] == round(100 / 6, 1)
