"""Browser tests: Debian's Chromium driven by Playwright for Python. Never a downloaded browser."""

import contextlib
import http.server
import os
import shutil
import threading
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.db import connection, connections

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from directori.models import EssFamily, Initiative, Sector
from tests.conftest import require

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def chromium():
    require(shutil.which(CHROMIUM), f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - playwright is a locked dev dependency
        require(False, "Playwright for Python is not installed (make install)")
    # Starting Playwright's sync API moves this thread to a new contextvars context, where Django
    # hands out new connection wrappers. Give them what setup_databases stored on the old ones, so
    # serialized_rollback still restores Wagtail's migration data (root page, groups) after a flush.
    serialized = {
        conn.alias: conn._test_serialized_contents
        for conn in connections.all()
        if hasattr(conn, "_test_serialized_contents")
    }
    # Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run next
    # to one unless told that this (single-threaded, test-only) use is safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        for alias, contents in serialized.items():
            connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()
        connections.close_all()  # the wrappers of this context, before the test database is dropped
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(chromium, live_server):
    """A fresh tab of a visitor whose browser asks for Catalan; it records every request that leaves
    the live server."""
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}, locale="ca-ES"
    )
    tab = context.new_page()
    tab.remote_requests = []
    tab.on(
        "request", lambda r: None if r.url.startswith(live_server.url) else tab.remote_requests.append(r.url)
    )
    yield tab
    close(context)


def log_in(page, username, password=None):
    """Sign in to the admin through its login form (a demo user's password unless given another)."""
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(password or settings.DEMO_PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/admin/")


def close(context):
    """Close a browser context once its pages have no request in flight: a request the server is
    still answering (a map page's layers, say) holds locks in the test database, and the flush that
    follows a transactional test would deadlock with it on PostgreSQL."""
    for tab in context.pages:
        with contextlib.suppress(PlaywrightTimeoutError):  # one that never settles closes anyway
            tab.wait_for_load_state("networkidle", timeout=15_000)
    context.close()


@pytest.fixture(autouse=True)
def requests_end_before_the_flush():
    """Let the live server's last requests end before the flush that follows each test.

    A tab can still send a request after `close()`: Wagtail's editor releases its editing session with
    a beacon as the page unloads. On PostgreSQL a request writing while the flush truncates every table
    deadlocks with it; the flush fails, the test's data stays, and every later transactional test
    fails to restore Wagtail's migration data over it (seen once in CI: 43 errors from one admin
    test). So wait until no other connection to the test database has been busy for half a second (Django
    closes a request's connection when it ends), and end any still busy after 30 s. SQLite's writers
    wait for one another instead (a 20 s lock timeout): nothing to do there."""
    yield
    if connection.vendor != "postgresql":
        return
    busy = (
        "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
        "AND backend_type = 'client backend' AND state <> 'idle'"
    )
    deadline, quiet_since = time.monotonic() + 30, time.monotonic()
    with connection.cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(f"SELECT count(*) {busy}")
            if cursor.fetchone()[0]:
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since >= 0.5:
                return
            time.sleep(0.1)
        cursor.execute(f"SELECT pg_terminate_backend(pid) {busy}")


@pytest.fixture
def providers(boundaries):
    """Three live providers: two mediation services (one in Gràcia) and a bike workshop in Gràcia."""
    family = EssFamily.objects.create(slug="associacio", name="Associació")
    care = Sector.objects.create(slug="cures", name="Cures")
    for name, lon, lat in (
        ("Mediació Familiar Gràcia", 2.1580, 41.4015),
        ("Mediació del Poblenou", 2.2010, 41.4010),
        ("BiciTaller de Gràcia", 2.1574, 41.4010),
    ):
        initiative = Initiative(
            name=name, description=f"<p>{name}.</p>", longitude=lon, latitude=lat, family=family, live=True
        )
        initiative.save()
        initiative.sectors.set([care])
        initiative.save()


class Host:
    """A district office's own page, served by another server on another port (another origin): it
    holds whatever code was pasted into it last."""

    def __init__(self):
        self.page = b""
        host = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(host.page)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"

    def paste(self, code):
        self.page = (
            '<!DOCTYPE html><html lang="ca"><head><meta charset="utf-8"><title>Districte de Gràcia</title>'
            "<style>body { margin: 0 }</style></head>"
            f"<body>{code}</body></html>"
        ).encode()


@pytest.fixture
def host(live_server):
    """Another origin's page for a test to paste an embed's code into (Host.paste), then visit (.url)."""
    site = Host()
    assert urlsplit(site.url).port != urlsplit(live_server.url).port
    yield site
    site.server.shutdown()
