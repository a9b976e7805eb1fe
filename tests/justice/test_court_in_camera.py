"""A trial with a sexual offence tried in camera or a POCSO section (the
offences table's flags) is in camera by itself (BNSS 366): set when the
trial is recorded and when its sections change. Its hearing notes and its
judgments are never in the hearings diary (CSV) nor in a notification;
the diary of an open trial carries its notes, of any trial no judgment."""

import csv
import io
from datetime import date

from django.core import mail
from django.core.management import call_command

from sangam.core.access import SYSTEM
from sangam.justice import workflow
from sangam.justice.models import ChargedSection, Hearing, Judgment, Trial
from tests.justice.conftest import CNR, offences


def add_pocso(world, case):
    workflow.add_section(
        world["police"], case, offences(case.fir_date, "POCSO 4")[0], case.fir_date,
        expected_version=case.version,
    )  # fmt: skip


def hear(world, trial, notes):
    trial.refresh_from_db()
    workflow.add_hearing(
        world["prosecutor"],
        trial,
        Hearing(on=date(2025, 7, 1), purpose="victim_evidence", outcome="held", notes=notes),
        expected_version=trial.version,
    )


def diary(client, user):
    client.force_login(user)
    response = client.get("/justice/hearings.csv")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="hearings.csv"'
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_a_pocso_section_puts_the_trial_in_camera_and_dropping_it_takes_it_out(world, case, tried):
    assert tried.in_camera is False  # BNS 143 alone
    add_pocso(world, case)
    assert Trial.objects.restrict(SYSTEM).get().in_camera is True
    case.refresh_from_db()
    pocso = ChargedSection.objects.restrict(SYSTEM).get(case=case, offence__act="POCSO")
    workflow.drop_section(
        world["police"], case, pocso, date(2025, 5, 1), "Synthetic.", expected_version=case.version
    )
    assert Trial.objects.restrict(SYSTEM).get().in_camera is False


def test_an_in_camera_trials_notes_and_judgment_are_never_in_the_diary(world, case, tried, client):
    add_pocso(world, case)
    hear(world, tried, "In-camera testimony note (synthetic)")
    tried.refresh_from_db()
    workflow.record_judgment(
        world["prosecutor"],
        tried,
        Judgment(
            accused=tried.accused_on_trial,
            section=ChargedSection.objects.restrict(SYSTEM).get(case=case, offence__act="BNS"),
            on=date(2026, 3, 1), verdict="convicted", sentence="RI (synthetic)",
            notes="Judgment reasoning (synthetic)",
        ),
        expected_version=tried.version,
    )  # fmt: skip
    for user in (world["prosecutor"], world["police"]):
        rows = diary(client, user)
        assert [(r["cnr"], r["in_camera"], r["notes"]) for r in rows] == [(CNR, "yes", "")]
        text = client.get("/justice/hearings.csv").content.decode()
        for secret in ("In-camera testimony", "Judgment reasoning", "RI (synthetic)", "convicted"):
            assert secret not in text
    # Nor in a notification: the escalation e-mails carry a count and a link.
    call_command("justice", "remind", stdout=open("/dev/null", "w"))
    for message in mail.outbox:
        for secret in ("In-camera testimony", "Judgment reasoning", CNR):
            assert secret not in message.body + message.subject


def test_an_open_trials_diary_carries_its_notes(world, tried, client):
    hear(world, tried, "Open court note (synthetic)")
    rows = diary(client, world["prosecutor"])
    assert [(r["in_camera"], r["notes"]) for r in rows] == [("no", "Open court note (synthetic)")]


def test_the_diary_is_for_the_writers_only(world, tried, client):
    hear(world, tried, "Open court note (synthetic)")
    for name in ("caseworker", "legal", "cwc_member", "dl_police"):
        client.force_login(world[name])
        assert client.get("/justice/hearings.csv").status_code == 403, name
