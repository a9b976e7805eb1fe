"""Page weight on 2G: for each demo role, every page of its menu, the bytes
and requests of a cold load (empty cache) and of a repeat visit, and the
load time under emulated 2G (300 ms latency, 250 kbit/s down), in Debian's
Chromium through Playwright.

    .venv/bin/python benchmarks/page_weight.py --base http://127.0.0.1:8000

(the server's SANGAM_CSRF_TRUSTED_ORIGINS must name that address: the script
talks plain HTTP where a TLS proxy would be, as benchmarks/load_test.py does.)

Run it against a server as deployed (`make serve`, SANGAM_DEMO=1 and the demo
world seeded): only production serves hashed, pre-compressed static files
with their year-long cache headers. The budget (docs/development/page-budget.md):
a CRP's or caseworker's page under 100 KB cold and 20 KB warm, transferred;
rows over it are marked "over". --no-2g skips the (slow) timed loads.
tests/site/test_page_budget.py holds the same budget without a browser.
"""

import argparse
import re
import sys
import time

import pyotp
from playwright.sync_api import sync_playwright

DEMO_TOTP_KEY = "SANGAMDEMOTOTPKEYFORDEMOSONLY234"
DEMO_PASSWORD = "sangam-demo-2026"
ROLES = [
    "demo.crp", "demo.caseworker", "demo.counsellor", "demo.supervisor", "demo.shelter",
    "demo.police", "demo.cwc", "demo.dcpu", "demo.legal", "demo.district", "demo.state",
    "demo.admin",
]  # fmt: skip
BUDGETED = {"demo.crp", "demo.caseworker", "demo.shelter"}
COLD_BUDGET, WARM_BUDGET = 100 * 1024, 20 * 1024
SKIP = re.compile(
    r"/(logout|language|export|print|import|letter|audio)\b|\.pdf|\.xlsx|\.csv|\.json"
)
# 2G as the issue measured it: 300 ms latency, 250 kbit/s down (50 up), in bytes/s.
TWO_G = {
    "offline": False,
    "latency": 300,
    "downloadThroughput": 250_000 / 8,
    "uploadThroughput": 50_000 / 8,
}
# The server sits behind a TLS proxy in production; this says it is there.
VIEW = {"width": 360, "height": 740}
BEHIND_TLS = {"X-Forwarded-Proto": "https"}
ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


class Meter:
    """Bytes on the wire (encoded, as transferred) and requests of one page
    load, from the DevTools protocol."""

    def __init__(self, page):
        self.cdp = page.context.new_cdp_session(page)
        self.cdp.send("Network.enable")
        self.cdp.send("Network.setCacheDisabled", {"cacheDisabled": False})
        self.reset()
        self.cdp.on("Network.requestWillBeSent", self._sent)
        self.cdp.on("Network.loadingFinished", self._finished)
        self.cdp.on("Network.requestServedFromCache", self._cached)

    def reset(self):
        self.bytes, self.requests, self.from_cache = 0, set(), set()

    def _sent(self, event):
        if not event["request"]["url"].startswith("data:"):
            self.requests.add(event["requestId"])

    def _cached(self, event):
        self.from_cache.add(event["requestId"])

    def _finished(self, event):
        self.bytes += event["encodedDataLength"]

    def network_requests(self):
        return len(self.requests - self.from_cache)


def sign_in(context, base, username):
    """The role's pages: its menu, and the pages those link to (one of each
    kind: /N/ stands for any number), as she would open them."""
    page = context.new_page()
    page.goto(f"{base}/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_label("6-digit code").fill(pyotp.TOTP(DEMO_TOTP_KEY).now())
    page.get_by_role("button", name="Verify").click()
    page.wait_for_url(re.compile(r".*/dashboard/"))
    menu = {h for h in _links(page, "nav a[href^='/']") if not SKIP.search(h)} | {"/dashboard/"}
    pages = {label(p): p for p in menu}
    for path in sorted(menu):
        page.goto(base + path)
        for href in _links(page, "main a[href^='/']"):
            if not SKIP.search(href) and "?" not in href and "#" not in href:
                pages.setdefault(label(href), href)
    page.close()
    return sorted(pages.values())


def _links(page, selector):
    return page.eval_on_selector_all(selector, "els => els.map(e => e.getAttribute('href'))")


def label(path):
    return re.sub(r"/(?![a-z-]+/)[^/]+/", "/N/", path)


def measure(browser, base, state, path, two_g):
    context = browser.new_context(viewport=VIEW, storage_state=state, extra_http_headers=BEHIND_TLS)
    page = context.new_page()
    meter = Meter(page)
    page.goto(base + path, wait_until="networkidle")
    cold = (meter.bytes, meter.network_requests())
    meter.reset()
    page.goto(base + path, wait_until="networkidle")
    warm = (meter.bytes, meter.network_requests())
    context.close()
    seconds = None
    if two_g:
        context = browser.new_context(
            viewport=VIEW, storage_state=state, extra_http_headers=BEHIND_TLS
        )
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", TWO_G)
        started = time.perf_counter()
        page.goto(base + path, wait_until="load", timeout=120_000)
        seconds = time.perf_counter() - started
        context.close()
    return cold, warm, seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--roles", nargs="*", default=ROLES)
    parser.add_argument("--no-2g", dest="two_g", action="store_false")
    args = parser.parse_args()
    over = 0
    print(f"{'role':<18}{'page':<34}{'cold KB':>8}{'req':>5}{'warm KB':>8}{'req':>5}{'2G s':>7}")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for username in args.roles:
            context = browser.new_context(extra_http_headers=BEHIND_TLS)
            pages = sign_in(context, args.base, username)
            state = context.storage_state()
            context.close()
            for path in pages:
                (cb, cr), (wb, wr), seconds = measure(browser, args.base, state, path, args.two_g)
                flag = ""
                if username in BUDGETED and (cb > COLD_BUDGET or wb > WARM_BUDGET):
                    flag, over = "  over", over + 1
                two_g = f"{seconds:7.1f}" if seconds is not None else f"{'–':>7}"
                print(
                    f"{username:<18}{label(path)[:33]:<34}"
                    f"{cb / 1024:8.1f}{cr:5}{wb / 1024:8.1f}{wr:5}{two_g}{flag}"
                )
        browser.close()
    print(f"budget: cold < {COLD_BUDGET // 1024} KB, warm < {WARM_BUDGET // 1024} KB "
          f"for {', '.join(sorted(BUDGETED))}: {over} page(s) over")  # fmt: skip
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
