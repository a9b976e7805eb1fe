"""Every write to an audited model leaves an entry, including writes that
bypass save() (queryset updates, bulk creates and updates): which rows and
which fields, never the values. Entries of one request or one command share
a correlation id, and the hash chain verifies across old and new entries."""

import csv

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sangam.agencies.models import AgencyContact
from sangam.audit import log
from sangam.audit.correlation import correlated
from sangam.audit.models import AuditEntry
from sangam.cases import htcds
from sangam.core.access import SYSTEM, UnrestrictedQuery
from sangam.core.roles import Role
from sangam.directory.models import Service
from sangam.geography.models import State
from sangam.prevention import index
from tests.conftest import (
    district,
    make_agency,
    make_contact,
    make_service,
    make_survivor,
    make_user,
)


def entries_after(seq, **filters):
    return list(AuditEntry.objects.filter(seq__gt=seq, **filters).order_by("seq"))


def last_seq():
    return AuditEntry.objects.order_by("-seq").values_list("seq", flat=True).first() or 0


def test_a_queryset_update_names_the_rows_and_fields_never_the_values(two_districts):
    start = last_seq()
    changed = AgencyContact.objects.restrict(SYSTEM).update(phone="+91 90000 12345")
    assert changed == 2
    (entry,) = entries_after(start, object_type="agencies.agencycontact")
    ids = sorted(str(c.pk) for c in (two_districts["contact_a"], two_districts["contact_b"]))
    assert entry.action == "update" and sorted(entry.detail["ids"]) == ids
    assert entry.detail["fields"] == ["phone"] and entry.detail["count"] == 2
    assert "12345" not in str(entry.detail)


def test_one_row_updated_is_logged_like_a_save(two_districts):
    contact = two_districts["contact_a"]
    start = last_seq()
    AgencyContact.objects.restrict(SYSTEM).filter(pk=contact.pk).update(name="Renamed (synthetic)")
    (entry,) = entries_after(start)
    assert (entry.object_id, entry.detail) == (str(contact.pk), {"fields": ["name"]})


def test_an_update_that_changes_nothing_writes_nothing(two_districts):
    start = last_seq()
    assert AgencyContact.objects.restrict(SYSTEM).filter(pk=0).update(name="x") == 0
    assert entries_after(start) == []


def test_an_unrestricted_update_is_still_refused(two_districts):
    with pytest.raises(UnrestrictedQuery):
        AgencyContact.objects.update(name="x")


def test_updates_of_public_audited_records_are_logged_too(directory):
    service = make_service("Girls home", district("IN-WB", "Malda"), sex="female", beds=1)
    start = last_seq()
    Service.objects.filter(pk=service.pk).update(search_text="girls home")
    (entry,) = entries_after(start)
    assert (entry.object_type, entry.object_id) == ("directory.service", str(service.pk))
    assert entry.detail == {"fields": ["search_text"]}


def test_bulk_creates_and_bulk_updates_are_logged(two_districts):
    agency = two_districts["a"]
    start = last_seq()
    made = AgencyContact.objects.bulk_create(
        [AgencyContact(agency=agency, name=f"Contact {i} (synthetic)") for i in range(3)]
    )
    for contact in made:
        contact.phone = "+91 90000 00001"
    AgencyContact.objects.restrict(SYSTEM).bulk_update(made, ["phone"])
    created, updated = entries_after(start)
    ids = sorted(str(c.pk) for c in made)
    assert created.action == "create" and sorted(created.detail["ids"]) == ids
    assert updated.action == "update" and sorted(updated.detail["ids"]) == ids
    assert updated.detail["fields"] == ["phone"] and "00001" not in str(updated.detail)


def test_rows_a_bulk_create_skips_on_a_conflict_are_not_logged_as_created(two_districts):
    agency = two_districts["a"]

    def contacts(*pks):
        return [AgencyContact(pk=pk, agency=agency, name=f"C{pk} (synthetic)") for pk in pks]

    AgencyContact.objects.bulk_create(contacts(900001, 900002))
    start = last_seq()
    AgencyContact.objects.bulk_create(contacts(900001, 900002, 900003), ignore_conflicts=True)
    (entry,) = entries_after(start)
    assert (entry.action, entry.object_id) == ("create", "900003")


def test_a_big_update_is_logged_in_a_few_entries_and_the_chain_verifies(two_districts, capsys):
    agency = two_districts["a"]
    AgencyContact.objects.bulk_create(
        [AgencyContact(agency=agency, name=f"C{i}") for i in range(2500)]
    )
    start = last_seq()
    with CaptureQueriesContext(connection) as queries:
        assert AgencyContact.objects.restrict(SYSTEM).update(phone="1") == 2502
    entries = entries_after(start)
    assert [e.detail["count"] for e in entries] == [1000, 1000, 502]
    assert len(queries) < 40  # a handful of statements, not one per row
    call_command("audit", "verify")
    assert "entries verified" in capsys.readouterr().out


def test_publishing_an_index_configuration_is_change_logged(jharkhand):
    state = State.objects.get(code="IN-JH")
    start = last_seq()
    config = index.publish(state, {"in_debt": 40, "landless": 60}, 10, 30, user=jharkhand["crp"])
    (entry,) = entries_after(start, object_type="prevention.indexconfiguration")
    assert (entry.action, entry.object_id) == ("create", str(config.pk))


def test_the_entries_of_one_request_share_a_correlation_id(client, two_districts):
    worker = two_districts["user_a"]
    survivor, _case = make_survivor(two_districts["a"], worker, "Asha (synthetic)", "Synthetic.")
    client.force_login(worker)
    runs = []
    for _ in range(2):
        start = last_seq()
        assert client.get(f"/cases/survivors/{survivor.pk}/").status_code == 200
        runs.append([e.correlation for e in entries_after(start)])
    # Her record, her account and her case viewed: one id per request.
    assert all(len(ids) > 1 and len(set(ids)) == 1 and ids[0] for ids in runs)
    assert runs[0][0] != runs[1][0]


def test_the_entries_of_one_command_share_a_correlation_id(reference, tmp_path):
    ngo = make_agency("IN-WB", "Malda", name="Malda NGO (synthetic)")
    make_user("wk", Role.CASEWORKER, ngo)
    path = tmp_path / "in.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=htcds.COLUMNS)
        writer.writeheader()
        writer.writerow({"prs_FirstName": "Asha", "prs_Gender": "Female"})
    runs = []
    for _ in range(2):
        start = last_seq()
        call_command("cases", "import", "--user", "wk", "--agency", str(ngo.pk), str(path))
        runs.append({e.correlation for e in entries_after(start)})
    # Survivor, case and case event: one id per run, another for the next.
    assert all(len(ids) == 1 and "" not in ids for ids in runs)
    assert runs[0] != runs[1]


def test_commands_and_requests_get_their_own_correlation(two_districts):
    start = last_seq()
    with log.acting_as(label="command:test"):
        make_contact(two_districts["a"], "One (synthetic)")
        make_contact(two_districts["a"], "Two (synthetic)")
    with correlated("request-1"), log.acting_as(label="nested"):
        make_contact(two_districts["a"], "Three (synthetic)")
    first, second, third = entries_after(start)
    assert first.correlation and first.correlation == second.correlation
    assert third.correlation == "request-1"


def test_entries_with_and_without_a_correlation_id_verify_as_one_chain(db, capsys):
    log.record("view", "x", 1)
    with correlated():
        log.record("view", "x", 2)
    log.record("view", "x", 3)
    call_command("audit", "verify")
    assert "3 entries verified" in capsys.readouterr().out
