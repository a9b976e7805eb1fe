"""The languages world: a Malda NGO (West Bengal) and its caseworker, who
works in Bengali."""

import pytest

from sangam.core.roles import Role
from tests.conftest import make_agency, make_user


@pytest.fixture
def ngo(reference):
    return make_agency("IN-WB", "Malda", name="Malda NGO (synthetic)")


@pytest.fixture
def worker(ngo):
    user = make_user("worker.malda", Role.CASEWORKER, ngo)
    user.language = "bn"
    user.save(update_fields=["language"])
    return user
