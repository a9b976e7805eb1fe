"""Load test: concurrent users doing each role's daily pages and API calls
against a running server (`make serve` on PostgreSQL), then the audit chain
verified.

    .venv/bin/python benchmarks/load_test.py --base http://127.0.0.1:8000 \
        --users 50 --duration 300

Needs the demo world (`sangam seed --demo`, SANGAM_DEMO on) and the same
environment as the server (the script creates API tokens and runs `sangam
audit verify` with it). Each demo user signs in once (password, then the demo
authenticator code); its virtual users share the session. A virtual user
opens its role's menu pages (read from the dashboard), the survivor pages it
can see, and the API operations of its token, pausing between requests
like a person reading the page (``--think``, seconds drawn uniformly between
two bounds; 1-5 s by default, locust's usual ``between(1, 5)`` and quicker
than a caseworker reading a case). ``--think 0`` sends the next request the
moment the last answers: a saturation test whose latency is set by
throughput alone (Little's law: users / requests per second), which says how
many requests per second the machine serves, not what a person waits.
Prints requests/s, p50/p95 per page, errors and the most PostgreSQL
connections seen (targets: 0 errors, p95 < 500 ms, connections bounded).
"""

import argparse
import http.client
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pyotp

ROOT = Path(__file__).resolve().parent.parent
SANGAM = [sys.executable, "-m", "sangam.site.cli"]
DEMO_TOTP_KEY = "SANGAMDEMOTOTPKEYFORDEMOSONLY234"
DEMO_PASSWORD = "sangam-demo-2026"
ROLES = [
    "demo.caseworker", "demo.supervisor", "demo.counsellor", "demo.shelter", "demo.police",
    "demo.cwc", "demo.crp", "demo.district", "demo.state", "demo.legal",
]  # fmt: skip
API = ["/api/me", "/api/agencies", "/api/cases/survivors", "/api/hsds/services"]
SKIP = re.compile(r"/(logout|language|export|print|new|edit|import)\b|\.pdf|\.xlsx|\.csv")


class Client:
    """One HTTP connection with the session's cookies (sent by hand: the
    production cookies are Secure, and the test talks plain HTTP to the
    server behind where the TLS proxy would be)."""

    def __init__(self, base, cookies=None):
        parts = urlsplit(base)
        self.host, self.port = parts.hostname, parts.port or 80
        self.cookies = dict(cookies or {})
        self.connection = None

    def request(self, method, path, body=None, headers=None):
        headers = {
            "Host": "sangam.example.org",
            "X-Forwarded-Proto": "https",
            **(headers or {}),
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            body = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = "https://sangam.example.org/"
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                data = response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # A keep-alive connection the server closed (worker restart).
                self.connection.close()
                self.connection = None
                if attempt == 2:
                    raise
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return response.status, response.getheader("Location", ""), data.decode("utf-8", "replace")


def csrf(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def sign_in(base, username):
    """A signed-in session of a demo user, by the login pages."""
    client = Client(base)
    status, _, html = client.request("GET", "/login/")
    assert status == 200, f"login page: {status}"
    form = {"username": username, "password": DEMO_PASSWORD, "csrfmiddlewaretoken": csrf(html)}
    status, where, _ = client.request("POST", "/login/", form)
    assert status == 302 and "verify" in where, f"{username}: password step {status} {where}"
    status, _, html = client.request("GET", "/accounts/login/verify/")
    code = pyotp.TOTP(DEMO_TOTP_KEY).now()
    form = {"code": code, "csrfmiddlewaretoken": csrf(html)}
    status, where, _ = client.request("POST", "/accounts/login/verify/", form)
    assert status == 302 and "login" not in where, f"{username}: code step {status} {where}"
    return client


def daily_pages(client):
    """The role's menu pages and the survivor pages its case list links to."""
    _, _, html = client.request("GET", "/dashboard/")
    nav = re.search(r"<nav.*?</nav>", html, re.S)
    links = re.findall(r'href="(/[^"#?]*)"', nav.group(0) if nav else html)
    pages = ["/dashboard/", "/directory/"] + [p for p in links if not SKIP.search(p)]
    if "/cases/" in pages:
        _, _, cases = client.request("GET", "/cases/")
        pages += sorted(set(re.findall(r'href="(/cases/survivors/\d+/)"', cases)))[:5]
    return sorted(set(pages))


def label(path):
    return re.sub(r"/\d+/", "/N/", path)


def api_token(username):
    result = subprocess.run(
        [*SANGAM, "token", "create", username, "--name", "load test", "--days", "1"],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    return result.stdout.strip().splitlines()[-1]


def connections_seen(stop, seen):
    """Most connections to Sangam's database, sampled every half second."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return
    import psycopg

    with psycopg.connect(url, autocommit=True) as db:
        while not stop.is_set():
            n = db.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            ).fetchone()[0]
            seen.append(n - 1)  # less this sampler's own
            stop.wait(0.5)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=float, default=300, help="seconds")
    parser.add_argument(
        "--think",
        default="1,5",
        help="pause between a user's requests: MIN,MAX seconds (uniform), or 0 for none",
    )
    args = parser.parse_args()
    bounds = [float(x) for x in args.think.split(",")]
    think = (bounds[0], bounds[-1])

    roles = {}
    for username in ROLES:
        client = sign_in(args.base, username)
        roles[username] = (client.cookies, daily_pages(client), api_token(username))
        print(f"{username}: {len(roles[username][1])} pages")
        time.sleep(0.2)

    samples, errors, lock = {}, {}, threading.Lock()
    stop, seen = threading.Event(), []
    deadline = time.monotonic() + args.duration

    def virtual_user(n):
        username = ROLES[n % len(ROLES)]
        cookies, pages, token = roles[username]
        browser, api = Client(args.base, cookies), Client(args.base)
        rng = random.Random(n)
        # Users do not all start in the same instant.
        time.sleep(rng.uniform(0, think[1]))
        while time.monotonic() < deadline:
            if rng.random() < 0.25:
                path = rng.choice(API)
                client, headers = api, {"Authorization": f"Bearer {token}"}
            else:
                path = rng.choice(pages)
                client, headers = browser, {}
            started = time.perf_counter()
            try:
                status, _, _ = client.request("GET", path, headers=headers)
            except Exception as exc:
                status = type(exc).__name__
            took = time.perf_counter() - started
            with lock:
                samples.setdefault(label(path), []).append(took)
                if status != 200:
                    key = f"{label(path)} {status}"
                    errors[key] = errors.get(key, 0) + 1
            if think[1]:
                time.sleep(rng.uniform(*think))

    sampler = threading.Thread(target=connections_seen, args=(stop, seen), daemon=True)
    sampler.start()
    started = time.monotonic()
    threads = [threading.Thread(target=virtual_user, args=(n,)) for n in range(args.users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    stop.set()

    total = sum(len(v) for v in samples.values())
    every = sorted(t for v in samples.values() for t in v)
    pause = f"{think[0]:g}-{think[1]:g} s between requests" if think[1] else "no pause"
    print(
        f"\n{args.users} users ({pause}) for {elapsed:.0f} s: "
        f"{total} requests, {total / elapsed:.1f} req/s"
    )
    print(f"{'page':45} {'n':>6} {'p50 ms':>8} {'p95 ms':>8}")
    for page, times in sorted(samples.items()):
        times.sort()
        p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
        print(f"{page:45} {len(times):6} {statistics.median(times) * 1000:8.0f} {p95 * 1000:8.0f}")
    p95_all = every[min(len(every) - 1, int(0.95 * len(every)))] if every else 0
    print(f"{'all':45} {total:6} {statistics.median(every) * 1000:8.0f} {p95_all * 1000:8.0f}")
    met = "met" if p95_all < 0.5 else "MISSED"
    print(f"p95 target (under 500 ms): {met}")
    print(f"errors: {sum(errors.values())}" + "".join(f"\n  {k}: {v}" for k, v in errors.items()))
    if seen:
        print(f"PostgreSQL connections to the database: at most {max(seen)}")
    verify = subprocess.run([*SANGAM, "audit", "verify"], capture_output=True, text=True, cwd=ROOT)
    print(f"audit verify: exit {verify.returncode}: {verify.stdout.strip()[-200:]}")
    return 1 if errors or verify.returncode else 0


if __name__ == "__main__":
    sys.exit(main())
