"""`make serve` as docs/operations.md deploys it: production settings from
the environment, collectstatic, the deploy check, gunicorn on a free port;
the login page, the directory and a survivor page answer."""

import re
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from benchmarks.load_test import Client, sign_in

ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_make_serve_serves_the_login_page_the_directory_and_a_survivor(production_env):
    env = {**production_env, "SANGAM_DEMO": "1", "SANGAM_WEB_WORKERS": "2"}
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    for step in (["migrate", "--no-input"], ["seed", "--demo"]):
        done = subprocess.run(
            [str(ROOT / ".venv/bin/sangam"), *step], env=env, cwd=ROOT, capture_output=True
        )
        assert done.returncode == 0, done.stderr[-2000:]
    port = free_port()
    env["SANGAM_BIND"] = f"127.0.0.1:{port}"
    server = subprocess.Popen(
        ["make", "serve"], env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(180):
            try:
                # As a monitor asks: plain HTTP, no proxy headers.
                ask = urllib.request.Request(  # noqa: S310
                    f"{base}/healthz", headers={"Host": "sangam.example.org"}
                )
                with urllib.request.urlopen(ask, timeout=5) as health:  # noqa: S310
                    assert health.status == 200
                break
            except OSError:
                assert server.poll() is None, server.stdout.read().decode()[-2000:]
                time.sleep(1)
        else:
            raise AssertionError("the server did not answer /healthz within 3 minutes")
        visitor = Client(base)
        status, _, login = visitor.request("GET", "/login/")
        assert status == 200
        # Static files come from the manifest, under hashed names.
        stylesheet = re.search(r'href="(/static/sangam/sangam\.[0-9a-f]{12}\.css)"', login)
        assert stylesheet, "no hashed stylesheet on the login page"
        assert visitor.request("GET", stylesheet.group(1))[0] == 200

        caseworker = sign_in(base, "demo.caseworker")
        status, _, directory = caseworker.request("GET", "/directory/")
        assert status == 200 and 'data-points="/directory/map.json"' in directory
        status, _, cases = caseworker.request("GET", "/cases/")
        survivor = re.search(r'href="(/cases/survivors/\d+/)"', cases).group(1)
        status, _, page = caseworker.request("GET", survivor)
        assert status == 200 and 'href="/cases/"' in page
    finally:
        server.terminate()
        server.wait(timeout=60)
