"""The bonded-labour and legal-aid figures count per district in the same
number of queries whatever the data, through the card and the named figures."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from sangam.compensation import figures
from sangam.core.access import SYSTEM
from sangam.core.areas import area_q
from tests.compensation.conftest import days_ago, fresh, released


def _count(function):
    with CaptureQueriesContext(connection) as captured:
        result = function()
    return len(captured), result


def _pay(malda, release, amount):
    release = fresh(release)
    release.immediate_assistance_amount = amount
    release.immediate_assistance_paid_on = days_ago(1)
    release.save()


def test_the_card_counts_and_sums_in_constant_queries(malda):
    first = released(malda)
    _pay(malda, first, 30000)
    few, small = _count(lambda: figures.bonded_figures(malda["office"]))
    for _ in range(4):
        _pay(malda, released(malda), 10000)
    many, large = _count(lambda: figures.bonded_figures(malda["office"]))
    assert few == many == 3
    assert (small["certificates"], small["immediate_paid"]) == (1, 1)
    assert (large["certificates"], large["immediate_paid"], large["immediate_amount"]) == (
        5,
        5,
        70000,
    )


def test_another_districts_figures_do_not_count_malda(malda):
    released(malda)
    other = malda["other_dm"].active_memberships()[0].agency
    assert figures.bonded_figures(other)["certificates"] == 0


def test_the_named_figures_group_by_district(malda):
    released(malda)
    by_district = next(
        f for f in figures.FIGURES if f.name == "compensation.release_certificates"
    ).grouped(area_q(malda["office"], district="agency__district"), "district")
    assert by_district == {malda["office"].district_id: 1}
    assert (
        next(
            f for f in figures.FIGURES if f.name == "compensation.immediate_assistance_within_limit"
        )
        .queryset(SYSTEM)
        .count()
        == 0
    )
