"""Every page of the site, opened by a signed-in user with ids no database
holds and query parameters that are not what the page expects, answers with
a 4xx (or its normal page), never a 500."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from sangam.core.roles import Role
from tests.conftest import make_user

HUGE = "9" * 30
QUERIES = [
    "",
    "?id=abc&pk=abc&district=abc&state=abc&village=abc&service=abc&page=abc&agency=abc",
    f"?id={HUGE}&district={HUGE}&village={HUGE}&service={HUGE}&page={HUGE}&agency={HUGE}",
    "?q=%00&area=district&date=2024-02-31&on=0000-00-00",
]


def page_paths(patterns=None, prefix=""):
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if route.startswith("api/"):
                continue  # the API has its own run (test_api_schema.py)
            yield from page_paths(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            path = re.sub(r"<int:\w+>", HUGE, route)
            path = re.sub(r"<(str:|slug:)?\w+>", "x", path)
            if "<" not in path and "^" not in path:
                yield "/" + path


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.CRP])
def test_no_page_answers_bad_ids_or_parameters_with_a_500(client, jharkhand, role):
    agency = jharkhand["clf"]
    client.force_login(make_user(f"user.{role}", role, agency))
    client.raise_request_exception = False
    paths = sorted(set(page_paths()))
    assert len(paths) > 50
    broken = []
    for path in paths:
        for query in QUERIES:
            response = client.get(path + query)
            if response.status_code >= 500:
                broken.append(f"{path}{query}: {response.status_code}")
    assert broken == []
