import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from sangam.core.roles import Role
from sangam.geography.importer import import_villages
from sangam.geography.models import Block, GramPanchayat, Village
from sangam.jobs.models import Job
from tests.conftest import make_agency, make_user

HEADER = "state,district,block,gram_panchayat,village,village_lgd_code\n"
GOOD = HEADER + (
    "IN-WB,Malda,Habibpur,Aiho,Synthpur,900001\n"
    "West Bengal,Malda,Habibpur,Aiho,Demogram,\n"
    "19,IN-WB-MALDA,Bamangola,,Testbari,\n"
)


def run(text, **kwargs):
    return import_villages(io.StringIO(text), **kwargs)


def test_it_imports_villages_under_blocks_and_gram_panchayats(reference):
    report = run(GOOD)
    assert report.committed
    assert (report.villages_created, report.blocks_created, report.gram_panchayats_created) == (
        3,
        2,
        1,
    )
    village = Village.objects.get(name="Synthpur")
    assert (village.block.name, village.gram_panchayat.name, village.district.name) == (
        "Habibpur",
        "Aiho",
        "Malda",
    )
    assert village.lgd_code == 900001
    assert Village.objects.get(name="Testbari").gram_panchayat is None


def test_it_changes_nothing_when_the_same_file_is_imported_again(reference):
    run(GOOD)
    report = run(GOOD)
    assert report.committed
    assert (report.villages_created, report.blocks_created) == (0, 0)
    assert Village.objects.count() == 3


def test_it_reports_every_bad_row_and_commits_nothing(reference):
    text = GOOD + (
        "IN-WB,Nowhere,Habibpur,,X,\n"
        "IN-ZZ,Malda,Habibpur,,Y,\n"
        "IN-WB,Malda,,,Z,\n"
        "IN-WB,Malda,Habibpur,,W,12ab\n"
        f"IN-WB,Malda,Habibpur,,{'v' * 121},\n"
    )
    report = run(text)
    assert not report.committed
    assert [line for line, _ in report.errors] == [5, 6, 7, 8, 9]
    messages = " ".join(m for _, m in report.errors)
    assert "unknown district" in messages and "unknown state" in messages
    assert "missing block" in messages and "whole number" in messages
    assert Village.objects.count() == Block.objects.count() == GramPanchayat.objects.count() == 0


def test_it_rejects_a_file_without_the_required_columns(reference):
    report = run("name,place\nA,B\n")
    assert not report.committed
    assert "header is missing" in report.errors[0][1]


def test_it_refuses_rows_outside_the_users_jurisdiction(reference):
    official = make_user("dm.malda", Role.DISTRICT_OFFICIAL, make_agency("IN-WB", "Malda"))
    report = run(GOOD + "IN-DL,South,Hauz Khas,,Synthnagar,\n", user=official)
    assert not report.committed
    assert report.errors == [(5, "this district is outside your jurisdiction")]
    assert Village.objects.count() == 0


def test_the_command_imports_and_fails_loudly(reference, tmp_path, capsys):
    good = tmp_path / "good.csv"
    good.write_text(GOOD, encoding="utf-8")
    call_command("geography", "import", str(good))
    assert "3 villages" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "IN-WB,Nowhere,B,,V,\n", encoding="utf-8")
    with pytest.raises(CommandError, match="nothing imported: 1 bad rows"):
        call_command("geography", "import", str(bad))
    assert "line 2: unknown district" in capsys.readouterr().err


def test_the_command_explains_a_missing_file(reference):
    with pytest.raises(CommandError, match="cannot read"):
        call_command("geography", "import", "/nonexistent.csv")


def test_it_rejects_a_file_that_is_not_utf8(reference, tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes((HEADER + "IN-WB,Malda,Habibpur,,Gr\xe4m,\n").encode("latin-1"))
    with pytest.raises(CommandError):
        call_command("geography", "import", str(path))
    assert Village.objects.count() == 0


def test_the_web_import_runs_as_a_job_with_a_status_page(
    client, reference, django_capture_on_commit_callbacks
):
    official = make_user("dm.malda", Role.DISTRICT_OFFICIAL, make_agency("IN-WB", "Malda"))
    client.force_login(official)
    upload = io.BytesIO(GOOD.encode())
    upload.name = "villages.csv"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("geography:import"), {"file": upload})
    job = Job.objects.get()
    assert response.url == reverse("jobs:detail", args=[job.pk])
    page = client.get(response.url).content.decode()
    assert "Finished" in page and "3 new villages" in page
    assert Village.objects.count() == 3


def test_the_web_import_is_not_offered_to_caseworkers(client, reference):
    worker = make_user("cw", Role.CASEWORKER, make_agency("IN-WB", "Malda"))
    client.force_login(worker)
    assert client.get(reverse("geography:import")).status_code == 403


def test_a_district_official_adds_a_block_only_in_own_district(client, reference):
    official = make_user("dm.malda", Role.DISTRICT_OFFICIAL, make_agency("IN-WB", "Malda"))
    client.force_login(official)
    from tests.conftest import district

    own, other = district("IN-WB", "Malda"), district("IN-DL", "South")
    assert (
        client.post(
            reverse("geography:district", args=[own.pk]), {"name": "Synth Block"}
        ).status_code
        == 302
    )
    assert (
        client.post(
            reverse("geography:district", args=[other.pk]), {"name": "Synth Block"}
        ).status_code
        == 403
    )
    duplicate = client.post(reverse("geography:district", args=[own.pk]), {"name": "synth block"})
    assert "already listed" in duplicate.content.decode()
    assert Block.objects.count() == 1
