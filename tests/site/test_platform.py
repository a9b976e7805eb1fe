import json
import logging
import subprocess
import sys

from sangam.logging import JsonFormatter, ScrubPersonalData


def test_healthz_reports_database_and_task_queue(client, db):
    body = client.get("/healthz").json()
    assert body["status"] == "ok"
    assert body["database"]["status"] == "ok"
    assert body["tasks"]["status"] == "ok"


def test_unknown_pages_are_404_not_500(client, db):
    assert client.get("/agencies/999999/").status_code == 302  # login first
    assert client.get("/no-such-page/").status_code == 404


def test_logs_are_json_without_personal_data():
    record = logging.LogRecord(
        "sangam",
        logging.INFO,
        __file__,
        1,
        "call %s at %s or %s",
        ("9876543210", "a.b@example.org", "/x?name=Sita"),
        None,
    )
    ScrubPersonalData().filter(record)
    line = json.loads(JsonFormatter().format(record))
    assert "9876543210" not in line["message"] and "a.b@example.org" not in line["message"]
    assert "Sita" not in line["message"]
    assert line["message"] == "call [phone] at [email] or /x?[query]"


def test_production_settings_pass_the_deploy_check(production_env):
    env = production_env
    # The deploy check asks for the static manifest, as `make serve` writes it.
    collected = subprocess.run(
        [sys.executable, "-m", "sangam.site.cli", "collectstatic", "--no-input"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert collected.returncode == 0, collected.stderr
    result = subprocess.run(
        [sys.executable, "-m", "sangam.site.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_run_without_data_keys(production_env):
    env = dict(production_env)
    for name in ("SANGAM_DATA_KEYS", "SANGAM_BLIND_INDEX_KEY"):
        env.pop(name)
    result = subprocess.run(
        [sys.executable, "-m", "sangam.site.cli", "check", "--deploy"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SANGAM_DATA_KEYS is required in production" in result.stderr
