"""The languages world: a caseworker of a Malda NGO (West Bengal) who works
in Bengali."""

import pytest

from sangam.core.roles import Role
from tests.conftest import make_agency, make_user


@pytest.fixture
def worker(reference):
    user = make_user("worker.malda", Role.CASEWORKER, make_agency("IN-WB", "Malda"))
    user.language = "bn"
    user.save(update_fields=["language"])
    return user
