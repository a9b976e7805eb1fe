"""Uploads to the import pages: one size limit for every import, and the
uploaded file (personal data) gone once its job ends, whatever the outcome."""

import io

import pytest
from cryptography.exceptions import InvalidTag
from django.urls import reverse

from sangam.core.roles import Role
from sangam.jobs.models import Job
from tests.conftest import make_agency, make_user

VILLAGES = "state,district,block,gram_panchayat,village,village_lgd_code\n"
HOUSEHOLDS = "block,village,code,head_name\n"
GOOD_HOUSEHOLD = "Sisai (synthetic),Kotam (synthetic),K-1,Head One (synthetic)\n"
BAD_HOUSEHOLD = "Sisai (synthetic),Kotam (synthetic),K-1,\n"


def upload(text, name):
    f = io.BytesIO(text.encode())
    f.name = name
    return f


def uploads_left(settings):
    folder = settings.VAR_DIR / "uploads" / "imports"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


@pytest.fixture
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return settings


def test_a_register_file_above_the_import_limit_is_refused_before_it_is_saved(
    client, jharkhand, var_dir, django_capture_on_commit_callbacks
):
    var_dir.SANGAM_MAX_IMPORT_BYTES = 20
    client.force_login(jharkhand["crp"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("prevention:import"),
            {"register": "households", "file": upload(HOUSEHOLDS + GOOD_HOUSEHOLD, "h.csv")},
        )
    assert response.status_code == 200
    assert "The file is larger than the import limit." in response.content.decode()
    assert not Job.objects.exists()
    assert uploads_left(var_dir) == []


@pytest.mark.parametrize("row", [GOOD_HOUSEHOLD, BAD_HOUSEHOLD], ids=["saved", "refused"])
def test_an_uploaded_register_file_is_deleted_when_its_job_ends(
    client, jharkhand, var_dir, django_capture_on_commit_callbacks, row
):
    client.force_login(jharkhand["crp"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("prevention:import"),
            {"register": "households", "file": upload(HOUSEHOLDS + row, "h.csv")},
        )
    assert Job.objects.get().is_finished
    assert uploads_left(var_dir) == []


def test_an_uploaded_register_file_is_deleted_even_when_the_import_breaks(
    client, jharkhand, var_dir, django_capture_on_commit_callbacks, monkeypatch
):
    from sangam.prevention import tasks

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(tasks, "import_register", broken)
    client.force_login(jharkhand["crp"])
    with django_capture_on_commit_callbacks(execute=True):  # the task fails; the page does not
        client.post(
            reverse("prevention:import"),
            {"register": "households", "file": upload(HOUSEHOLDS + GOOD_HOUSEHOLD, "h.csv")},
        )
    assert Job.objects.get().status == Job.Status.FAILED
    assert uploads_left(var_dir) == []


@pytest.mark.parametrize(
    "row", ["IN-WB,Malda,Habibpur,,Synthpur,\n", "IN-WB,Nowhere,Habibpur,,Synthpur,\n"]
)
def test_an_uploaded_village_file_is_deleted_when_its_job_ends(
    client, reference, var_dir, django_capture_on_commit_callbacks, row
):
    official = make_user("dm.malda", Role.DISTRICT_OFFICIAL, make_agency("IN-WB", "Malda"))
    client.force_login(official)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("geography:import"), {"file": upload(VILLAGES + row, "v.csv")})
    assert Job.objects.get().is_finished
    assert uploads_left(var_dir) == []


def test_a_village_file_above_the_import_limit_is_refused(client, reference, var_dir):
    var_dir.SANGAM_MAX_IMPORT_BYTES = 20
    official = make_user("dm.malda", Role.DISTRICT_OFFICIAL, make_agency("IN-WB", "Malda"))
    client.force_login(official)
    response = client.post(
        reverse("geography:import"),
        {"file": upload(VILLAGES + "IN-WB,Malda,Habibpur,,Synthpur,\n", "v.csv")},
    )
    assert "The file is larger than the import limit." in response.content.decode()
    assert not Job.objects.exists()


def test_a_committed_import_announces_the_rows_it_wrote_once(
    jharkhand, django_capture_on_commit_callbacks
):
    from sangam.core.imports import imported
    from sangam.prevention.imports import import_register
    from sangam.prevention.models import Household

    heard = []

    def listener(sender, pks, user, **kwargs):
        heard.append((sender, sorted(pks), user))

    imported.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            text = HOUSEHOLDS + GOOD_HOUSEHOLD + GOOD_HOUSEHOLD.replace("K-1", "K-2")
            report = import_register(
                "households", io.BytesIO(text.encode()), "h.csv", jharkhand["crp"]
            )
        assert report.committed
        with django_capture_on_commit_callbacks(execute=True):
            import_register(
                "households", io.BytesIO((HOUSEHOLDS + BAD_HOUSEHOLD).encode()), "h.csv",
                jharkhand["crp"],
            )  # fmt: skip
    finally:
        imported.disconnect(listener)
    from sangam.core.access import SYSTEM

    pks = sorted(Household.objects.restrict(SYSTEM).values_list("pk", flat=True))
    assert heard == [(Household, pks, jharkhand["crp"])]


def test_an_uploaded_register_waits_for_its_job_encrypted(
    client, jharkhand, var_dir, django_capture_on_commit_callbacks
):
    client.force_login(jharkhand["crp"])
    with django_capture_on_commit_callbacks(execute=False) as queued:
        client.post(
            reverse("prevention:import"),
            {"register": "households", "file": upload(HOUSEHOLDS + GOOD_HOUSEHOLD, "h.csv")},
        )
    [waiting] = (var_dir.VAR_DIR / "uploads" / "imports").iterdir()
    on_disk = waiting.read_bytes()
    assert b"Head One" not in on_disk and b"head_name" not in on_disk
    assert waiting.stat().st_mode & 0o777 == 0o600
    for callback in queued:  # the job runs: it reads the file decrypted, then deletes it
        callback()
    from sangam.core.access import SYSTEM
    from sangam.prevention.models import Household

    assert Household.objects.restrict(SYSTEM).get().head_name == "Head One (synthetic)"
    assert uploads_left(var_dir) == []


def test_a_waiting_upload_that_was_changed_or_cut_short_is_not_read(tmp_path):
    from sangam.core import crypto
    from sangam.core.imports import open_upload

    text = (HOUSEHOLDS + GOOD_HOUSEHOLD * 60000).encode()  # several sealed segments
    path = tmp_path / "upload.csv"
    crypto.write_encrypted(path, [text[:1000], text[1000:]], "upload:upload.csv")
    with open_upload(path) as f:
        assert f.read() == text
    sealed = path.read_bytes()
    first_segment = sealed.index(b"\n") + 1 + 4 + 12 + crypto.SEGMENT + 16
    bad = {
        "renamed": ("other.csv", sealed),
        "cut short": ("upload.csv", sealed[:first_segment]),
        "changed": ("upload.csv", sealed[:-1] + bytes([sealed[-1] ^ 1])),
    }
    for case, (name, content) in bad.items():
        (tmp_path / case).mkdir()
        (tmp_path / case / name).write_bytes(content)
        with pytest.raises((InvalidTag, ValueError)), open_upload(tmp_path / case / name) as f:
            f.read()
