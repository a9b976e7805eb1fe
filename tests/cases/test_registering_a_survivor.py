"""Registering a survivor is one rule whichever way she arrives: the page,
an HTCDS import and the demo each give her one open case at the registering
agency, its opening event and her account, with the same audit entries."""

import pytest
from django.urls import reverse

from sangam.audit.models import AuditEntry
from sangam.cases import exchange
from sangam.cases.models import Case, CaseEvent, Intake, Survivor
from sangam.core.roles import Role
from sangam.demo.cases import seed_cases
from tests.conftest import make_agency, make_user


@pytest.fixture
def ngo(reference):
    agency = make_agency("IN-WB", "Malda", name="Malda NGO (synthetic)")
    # The demo registers its survivors as this user.
    return agency, make_user("demo.caseworker", Role.CASEWORKER, agency)


def by_page(client, agency, worker, tmp_path):
    client.force_login(worker)
    client.post(
        reverse("cases:create"),
        {
            "name": "Test Page (synthetic)",
            "sex": "female",
            "estimated_age": 15,
            "intake-narrative": "Synthetic account.",
            "intake-narrative_language": "Bengali",
        },
    )


def by_htcds_import(client, agency, worker, tmp_path):
    path = tmp_path / "in.csv"
    path.write_text(
        "prs_FirstName,prs_SecondName,prs_Gender,vic_TypeOfExploitation\n"
        "Test,Import (synthetic),Female,forced_labour\n",
        encoding="utf-8",
    )
    assert exchange.import_csv(worker, agency, path).committed


def by_demo(client, agency, worker, tmp_path):
    seed_cases()


def created(model, pk):
    return AuditEntry.objects.filter(
        action="create", object_type=model._meta.label_lower, object_id=str(pk)
    ).count()


@pytest.mark.parametrize("register", [by_page, by_htcds_import, by_demo])
def test_every_way_in_opens_one_case_with_its_event_and_account(client, ngo, tmp_path, register):
    agency, worker = ngo
    register(client, agency, worker, tmp_path)
    survivor = Survivor._base_manager.order_by("pk").first()
    case = Case._base_manager.get(survivor=survivor)
    event = CaseEvent._base_manager.get(case=case)
    intake = Intake._base_manager.get(survivor=survivor)
    assert survivor.created_by == worker
    assert (case.agency, case.owner, case.created_by, case.status) == (
        agency,
        worker,
        worker,
        Case.Status.OPEN,
    )
    assert (event.from_status, event.to_status, event.created_by) == ("", "open", worker)
    assert event.actor_label
    assert (intake.recorded_by_agency, intake.created_by) == (agency, worker)
    assert [created(m, r.pk) for m, r in ((Survivor, survivor), (Case, case))] == [1, 1]
    assert [created(m, r.pk) for m, r in ((CaseEvent, event), (Intake, intake))] == [1, 1]
