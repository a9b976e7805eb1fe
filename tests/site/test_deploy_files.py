"""deploy/: the systemd units pass systemd's own check, and every command
the units, the container and `make serve` run exists."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
UNITS = sorted((DEPLOY / "systemd").glob("*.service"))


def test_there_are_units_for_the_web_server_the_task_worker_and_the_scheduler():
    assert [u.name for u in UNITS] == [
        "sangam-scheduler.service",
        "sangam-web.service",
        "sangam-worker.service",
    ]


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="needs systemd-analyze")
def test_the_units_pass_systemd_analyze_verify(tmp_path):
    # Installed paths become this checkout's; the service user becomes root.
    for unit in UNITS:
        text = unit.read_text()
        text = text.replace("/opt/sangam", str(ROOT))
        text = text.replace("/etc/sangam/sangam.env", str(DEPLOY / "sangam.env.example"))
        text = re.sub(r"^(User|Group)=sangam$", r"\1=root", text, flags=re.M)
        (tmp_path / unit.name).write_text(text)
    result = subprocess.run(
        ["systemd-analyze", "verify", *sorted(str(p) for p in tmp_path.iterdir())],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr


def test_every_sangam_command_the_deployment_runs_exists():
    commands = get_commands()
    texts = [u.read_text() for u in UNITS]
    texts += [(DEPLOY / name).read_text() for name in ("Containerfile", "compose.yaml")]
    texts.append((ROOT / "scripts" / "serve").read_text())
    used = set()
    for text in texts:
        used |= set(re.findall(r'bin/sangam"?,? "?([a-z_]+)', text))
    assert {"collectstatic", "check", "db_worker", "scheduler", "migrate"} <= used
    assert used <= set(commands), used - set(commands)
    # Every way of starting the web server uses the same gunicorn configuration.
    for text in texts:
        if "gunicorn" in text:
            assert "-c python:sangam.site.gunicorn sangam.site.wsgi" in text


PROBE = """
from gunicorn.app.base import Application

class Probe(Application):
    def init(self, parser, opts, args):
        return {}

    def load(self):
        return None

probe = Probe.__new__(Probe)
probe.usage, probe.prog, probe.callable, probe.cfg = None, None, None, None
probe.load_default_config()
probe.load_config_from_module_name_or_filename("python:sangam.site.gunicorn")
print(probe.cfg.worker_class_str, probe.cfg.accesslog)
"""


def test_the_gunicorn_configuration_loads(tmp_path):
    # In a process of its own: loading it makes prometheus_client count in
    # multi-process files, for good, in whatever process imported it.
    import os
    import subprocess
    import sys

    env = os.environ | {"PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "metrics")}
    out = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    # gthread workers; no access log (its lines would carry paths and queries).
    assert out == ["gthread", "None"]
