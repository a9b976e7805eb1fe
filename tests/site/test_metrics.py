import pytest

from sangam.jobs.models import ScheduledRun


@pytest.fixture
def token(monkeypatch):
    monkeypatch.setenv("SANGAM_METRICS_TOKEN", "scrape-token-for-tests")
    monkeypatch.delenv("SANGAM_METRICS_ALLOW", raising=False)
    return {"HTTP_AUTHORIZATION": "Bearer scrape-token-for-tests"}


def test_metrics_are_closed_unless_a_token_or_network_is_configured(client, db, monkeypatch):
    monkeypatch.delenv("SANGAM_METRICS_TOKEN", raising=False)
    monkeypatch.delenv("SANGAM_METRICS_ALLOW", raising=False)
    assert client.get("/metrics").status_code == 404


def test_a_wrong_token_gets_a_404(client, db, token):
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer guess").status_code == 404
    assert client.get("/metrics").status_code == 404


def test_an_allowed_network_may_scrape_without_a_token(client, db, monkeypatch):
    monkeypatch.delenv("SANGAM_METRICS_TOKEN", raising=False)
    monkeypatch.setenv("SANGAM_METRICS_ALLOW", "10.0.0.0/8, 127.0.0.1")
    assert client.get("/metrics").status_code == 200  # the test client is 127.0.0.1
    assert client.get("/metrics", REMOTE_ADDR="192.0.2.7").status_code == 404


def failed_logins(body):
    line = next(x for x in body.splitlines() if x.startswith("sangam_failed_logins_total"))
    return float(line.split()[-1])


def labels(body):
    """The label sets of every sample: where a path, a name or a user would leak.
    Sample values are left out, since a float such as 1.79629424242e+09 may hold
    any run of digits."""
    return [x.partition("{")[2].partition("}")[0] for x in body.splitlines() if "{" in x]


def test_requests_are_counted_by_route_never_by_path(client, db, token):
    before = failed_logins(client.get("/metrics", **token).content.decode())
    client.get("/agencies/424242/?name=Sita")
    client.post("/login/", {"username": "nobody", "password": "wrong-password"})
    ScheduledRun.objects.create(command="audit verify", outcome="failed", error="E at x:1")
    body = client.get("/metrics", **token).content.decode()
    assert 'route="agencies/<int:pk>/"' in body
    leaked = [x for x in labels(body) if "424242" in x or "Sita" in x or "nobody" in x]
    assert leaked == []
    assert "Sita" not in body and "nobody" not in body
    assert "sangam_http_request_duration_seconds_bucket" in body
    assert failed_logins(body) == before + 1
    assert "sangam_audit_chain_length" in body
    assert 'sangam_scheduled_runs_total{command="audit verify",outcome="failed"} 1.0' in body
    assert "sangam_task_queue" in body
