"""Each process's PostgreSQL connections are bounded by a pool: the dev
server starts a thread per request and used to keep a connection per
thread (99 of the server's 100 idle, then 500s)."""

import json
import os
import subprocess
import sys
import threading

import pytest
from django.conf import settings
from django.db import connection, connections


def test_a_postgres_url_gets_a_bounded_pool_and_no_persistent_connections():
    env = {
        **os.environ,
        "DATABASE_URL": "postgres://sangam@db.example.org:5432/sangam",
        "SANGAM_DB_POOL_SIZE": "6",
        "DJANGO_SETTINGS_MODULE": "sangam.site.settings",
    }
    shown = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json; from django.conf import settings; "
            "d = settings.DATABASES['default']; "
            "print(json.dumps([d['CONN_MAX_AGE'], d['OPTIONS']['pool']['max_size']]))",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(shown.stdout) == [0, 6]


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
    reason="the pool is PostgreSQL's",
)
def test_a_burst_of_threads_never_holds_more_connections_than_the_pool(db):
    bound = settings.DATABASES["default"]["OPTIONS"]["pool"]["max_size"]
    seen, errors = [], []

    def request():
        # What a dev server thread does for one request: queries, then
        # Django closes the connection when the request ends.
        try:
            with connections["default"].cursor() as cursor:
                cursor.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                )
                seen.append(cursor.fetchone()[0])
                cursor.execute("SELECT pg_sleep(0.1)")
        except Exception as exc:
            errors.append(type(exc).__name__)
        finally:
            connections["default"].close()

    threads = [threading.Thread(target=request) for _ in range(bound * 4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(seen) == bound * 4
    assert max(seen) <= bound
    assert connection.vendor == "postgresql"
