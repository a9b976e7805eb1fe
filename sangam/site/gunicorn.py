"""gunicorn's configuration for `make serve`, the systemd unit and the
container: `gunicorn -c python:sangam.site.gunicorn sangam.site.wsgi`.

Every value comes from the environment. Each worker process holds at most
SANGAM_DB_POOL_SIZE PostgreSQL connections, so the web server holds at most
workers × that many.
"""

import os
import shutil
import tempfile
from pathlib import Path

bind = os.environ.get("SANGAM_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("SANGAM_WEB_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))
# Threads let a worker answer while another request waits on the database.
threads = int(os.environ.get("SANGAM_WEB_THREADS", "2"))
worker_class = "gthread"
timeout = int(os.environ.get("SANGAM_WEB_TIMEOUT", "60"))
# Requests that finish within this many seconds after SIGTERM are answered.
graceful_timeout = 30
# Restart workers now and then so that no slow leak grows without bound.
max_requests = 2000
max_requests_jitter = 200
# Behind the HTTPS proxy: trust its X-Forwarded-* only from these addresses.
forwarded_allow_ips = os.environ.get("SANGAM_FORWARDED_ALLOW_IPS", "127.0.0.1")
# Access lines would carry paths with ids and queries; Django's own JSON
# logs (scrubbed) say what is needed.
accesslog = None
errorlog = "-"
# The control socket (gunicorn 24+) would sit in the service user's home,
# shared by every gunicorn of that user; systemd or the container manages
# the process instead.
control_socket_disable = True

# /metrics adds up the workers' counts from this directory (a fresh one per
# start, removed on exit). Made when the server starts, not when this file is
# imported: whichever process imports prometheus_client with the variable set
# counts in files for good.


def on_starting(server):
    metrics_dir = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if not metrics_dir:
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="sangam-metrics-")
    else:
        shutil.rmtree(metrics_dir, ignore_errors=True)
        Path(metrics_dir).mkdir(parents=True, exist_ok=True)


def child_exit(server, worker):
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def on_exit(server):
    metrics_dir = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if metrics_dir:
        shutil.rmtree(metrics_dir, ignore_errors=True)
