"""Free text has one limit (SANGAM_MAX_TEXT_CHARS) on every page and API
operation: a care-plan goal's need of millions of characters is refused, with a
field error on the page, and nothing is saved."""

from django.urls import reverse

from sangam.accounts.models import APIToken
from sangam.cases.models import Goal
from sangam.core.access import SYSTEM


def test_the_care_plan_page_refuses_a_goal_over_the_limit(client, case_world, settings):
    settings.SANGAM_MAX_TEXT_CHARS = 500
    client.force_login(case_world["worker"])
    url = reverse("cases:add", args=[case_world["case"].pk, "goal"])
    response = client.post(
        url, {"goal-domain": "legal", "goal-need": "n" * 501, "goal-goal": "Claim"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "at most 500 characters" in page
    assert 'maxlength="500"' in page
    assert not Goal.objects.restrict(SYSTEM).exists()
    client.post(url, {"goal-domain": "legal", "goal-need": "n" * 500, "goal-goal": "Claim"})
    assert Goal.objects.restrict(SYSTEM).get().need == "n" * 500


def test_the_api_refuses_the_reported_goal_of_4_9_million_characters(client, case_world):
    raw = APIToken.issue(case_world["worker"], "t")[1]
    response = client.post(
        f"/api/cases/cases/{case_world['case'].pk}/goals",
        {"domain": "legal", "need": "n" * 4_900_000, "goal": "Claim"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert not Goal.objects.restrict(SYSTEM).exists()
