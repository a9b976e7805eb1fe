"""Matching listens for the registers: a survivor or a missing-person
report saved anywhere (registered, edited, imported) is scored against the
other register once saved, without the page or import asking for it."""

import csv
import io
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from sangam.cases import htcds
from sangam.cases.exchange import import_csv
from sangam.cases.models import Survivor
from sangam.core.access import SYSTEM
from sangam.core.roles import Role
from sangam.geography.models import State
from sangam.matching import registers, signals
from sangam.matching.models import CandidateMatch
from sangam.prevention.models import MissingPerson
from tests.conftest import district, make_agency, make_survivor, make_user, make_village

TODAY = timezone.localdate()


@pytest.fixture
def malda(reference):
    malda = district("IN-WB", "Malda")
    shelter = make_agency("IN-WB", "Malda", type="shelter_cci", name="Girls home (synthetic)")
    worker = make_user("shelter.worker", Role.CASEWORKER, shelter)
    village = make_village(malda, "Kaliachak (synthetic)", "Sujapur (synthetic)")
    report = MissingPerson.objects.create(
        village=village, register_no="R-1", name="Mousumi Khatun", sex="female", age=14,
        date_missing=TODAY - timedelta(days=400), father_name="", language="Bengali",
    )  # fmt: skip
    return {"shelter": shelter, "worker": worker, "village": village, "report": report}


@pytest.fixture
def runs(monkeypatch):
    """The matching runs made: {side: ids scored}."""
    made = []
    real = registers.run

    def run(**ids):
        made.append({side: sorted(pks) for side, pks in ids.items() if pks})
        return real(**ids)

    monkeypatch.setattr(registers, "run", run)
    return made


def candidates(report):
    return CandidateMatch.objects.restrict(SYSTEM).filter(missing_person=report)


def survivor_form(survivor, **changes):
    return {
        "version": survivor.version,
        "name": survivor.name,
        "sex": "female",
        "estimated_age": "15",
        "languages": "Bengali",
        "origin_state": State.objects.get(code="IN-WB").pk,
        "origin_district": district("IN-WB", "Malda").pk,
        **changes,
    }


def test_a_survivor_edited_on_her_page_is_matched_again(
    malda, client, django_capture_on_commit_callbacks
):
    survivor, _case = make_survivor(malda["shelter"], malda["worker"], "Unknown girl", "Synthetic.")
    registers.run()
    assert not candidates(malda["report"]).exists()
    # She tells her name later: the caseworker corrects the record.
    client.force_login(malda["worker"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/cases/survivors/{survivor.pk}/edit/",
            survivor_form(survivor, name="মৌসুমী খাতুন"),
        )
    assert response.status_code == 302
    assert candidates(malda["report"]).filter(survivor=survivor).exists()


def test_a_survivor_registered_on_the_page_is_matched(
    malda, client, django_capture_on_commit_callbacks
):
    client.force_login(malda["worker"])
    form = {k: v for k, v in survivor_form(Survivor(), name="মৌসুমী খাতুন").items() if v}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/cases/new/", form).status_code == 302
    assert [c.survivor.name for c in candidates(malda["report"])] == ["মৌসুমী খাতুন"]


def test_an_edited_missing_person_report_is_matched_again(
    malda, client, django_capture_on_commit_callbacks, runs
):
    report = malda["report"]
    with django_capture_on_commit_callbacks(execute=True):
        report.father_name = "Demo Father (synthetic)"
        report.save()
    assert runs == [{"missing_ids": [report.pk]}]


def test_survivors_imported_together_are_matched_in_one_run(
    malda, tmp_path, django_capture_on_commit_callbacks, runs
):
    path = tmp_path / "htcds.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=htcds.COLUMNS)
        w.writeheader()
        for name in ("Mousumi Khatun", "Rina Das"):
            w.writerow({"prs_FirstName": name, "prs_Gender": "Female"})
    with django_capture_on_commit_callbacks(execute=True):
        report = import_csv(malda["worker"], malda["shelter"], path)
    assert report.committed and report.created == 2
    imported = sorted(Survivor.objects.restrict(SYSTEM).values_list("pk", flat=True))
    assert [run.get("survivor_ids") for run in runs] == [imported]
    assert "Mousumi Khatun" in [c.survivor.name for c in candidates(malda["report"])]


def test_a_save_rolled_back_does_not_stop_the_next_from_being_matched(
    malda, django_capture_on_commit_callbacks, runs
):
    report = malda["report"]
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        try:
            with transaction.atomic():
                make_survivor(malda["shelter"], malda["worker"], "Unknown girl", "Synthetic.")
                raise RuntimeError
        except RuntimeError:
            pass
        report.save()
    assert [run.get("missing_ids") for run in runs] == [[report.pk]]


def test_a_batch_of_ids_is_matched_in_one_run(malda, django_capture_on_commit_callbacks, runs):
    # How an import that writes rows without saving models hands them over.
    with django_capture_on_commit_callbacks(execute=True):
        signals.on_saved(MissingPerson, ids=[malda["report"].pk, "7"])
    assert runs == [{"missing_ids": sorted([7, malda["report"].pk])}]


MISSING_HEADER = "block,village,register_no,name,sex,age,date_missing\n"


def test_an_imported_missing_persons_register_is_matched_whole_once(
    jharkhand, django_capture_on_commit_callbacks, runs
):
    from sangam.prevention.imports import import_register

    rows = "".join(
        f"Sisai (synthetic),Kotam (synthetic),MP-{i},Missing {i} (synthetic),female,15,2026-05-01\n"
        for i in range(3)
    )
    with django_capture_on_commit_callbacks(execute=True):
        report = import_register(
            "missing", io.BytesIO((MISSING_HEADER + rows).encode()), "m.csv", jharkhand["crp"]
        )
    assert report.committed and report.written == 3
    assert runs == [{}]  # one whole-register run, not one per report


def test_a_refused_register_import_starts_no_matching(
    jharkhand, django_capture_on_commit_callbacks, runs
):
    from sangam.prevention.imports import import_register

    bad = "Sisai (synthetic),Kotam (synthetic),MP-1,Missing (synthetic),girl,15,2026-05-01\n"
    with django_capture_on_commit_callbacks(execute=True):
        report = import_register(
            "missing", io.BytesIO((MISSING_HEADER + bad).encode()), "m.csv", jharkhand["crp"]
        )
    assert not report.committed
    assert runs == []
