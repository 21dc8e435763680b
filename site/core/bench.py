"""A bounded load test of the whole stack (`manage.py bench --only core`): gunicorn with 4 workers,
PostgreSQL and Redis, 50,000 live initiatives, and locust's 32 users for 60 seconds on loopback
(core/locustfile.py: home, directory, initiative pages, exports, API pages, layers with random
boxes). It prints p50/p95 per endpoint, the error count (0 is the target) and the home page's p95
during the storm.

It builds its own database beside the current one (`<name>_load`, dropped first and at the end):
migrate, boundaries, the demo seed, then the synthetic initiatives in bulk. The site runs with DEBUG
off on the development settings, which differ from production only in HTTPS redirects and hashed
static file names (no static file is requested). Everything it starts, it stops.
"""

import csv
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection
from django.utils.translation import gettext as _

LOAD_SIZE = 50_000
USERS = 32
DURATION = "60s"
WORKERS = 4
PROJECT = Path(settings.BASE_DIR)
BIN = Path(sys.executable).parent


def run(command, sizes):
    out = command.stdout
    if connection.vendor != "postgresql" or not settings.REDIS_URL:
        out.write(
            _(
                "load test: needs PostgreSQL and Redis: DATABASE_URL=postgres://… REDIS_URL=redis://… make bench"
            )
        )
        return
    boundaries = settings.ESS_BOUNDARIES_DIR
    if not boundaries or not Path(boundaries).is_dir():
        out.write(_("load test: needs a folder of boundary files in ESS_BOUNDARIES_DIR"))
        return
    database = settings.DATABASES["default"]
    name = f"{database['NAME']}_load"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "False",
        "ENV_FILE": "",
        "DATABASE_URL": _url(database, name),
        "REDIS_URL": settings.REDIS_URL,
        "ESS_BOUNDARIES_DIR": str(boundaries),
    }
    port = getattr(command, "port", 0) or _free_port()
    work = Path(tempfile.mkdtemp(prefix="ess-load-"))
    env["EXPORT_CACHE_DIR"] = str(work / "exports")
    out.write(
        _(
            "load test: %(size)s initiatives on PostgreSQL (%(name)s) and Redis, gunicorn with %(workers)s "
            "workers on 127.0.0.1:%(port)s, locust with %(users)s users for %(duration)s"
        )
        % {
            "size": f"{LOAD_SIZE:,}",
            "name": name,
            "workers": WORKERS,
            "port": port,
            "users": USERS,
            "duration": DURATION,
        }
    )
    _recreate(name)
    server = None
    try:
        started = time.perf_counter()
        for step in (
            ["migrate", "--noinput"],
            ["load_boundaries"],
            ["seed_demo", "--force"],
            ["shell", "-c", f"from core.bench import load; load({LOAD_SIZE})"],
        ):
            subprocess.run(  # noqa: S603  (our own commands)
                [BIN / "python", "manage.py", *step], cwd=PROJECT, env=env, check=True, capture_output=True
            )
        out.write(
            "  " + _("database built in %(seconds)s s") % {"seconds": f"{time.perf_counter() - started:.0f}"}
        )
        log = open(work / "gunicorn.log", "w")  # noqa: SIM115  (closed with the server, below)
        server = subprocess.Popen(  # noqa: S603  (our own gunicorn, on loopback)
            [BIN / "gunicorn", "--pythonpath", "site", "config.wsgi", f"--workers={WORKERS}"]
            + [f"--bind=127.0.0.1:{port}", "--timeout=30"],
            cwd=PROJECT,
            env=env,
            stdout=log,
            stderr=log,
        )
        _wait_until_up(port)
        load = os.getloadavg()[0]  # what else the machine is doing, before the storm
        subprocess.run(  # noqa: S603  (locust, on loopback)
            [BIN / "locust", "-f", PROJECT / "site" / "core" / "locustfile.py", "--headless"]
            + [f"--users={USERS}", f"--spawn-rate={USERS}", f"--run-time={DURATION}", "--stop-timeout=30"]
            + [f"--host=http://127.0.0.1:{port}", f"--csv={work / 'storm'}", "--only-summary"],
            cwd=PROJECT,
            env=env,
            check=False,  # locust exits 1 when a request failed: the figures say so
            capture_output=True,
            timeout=300,
        )
        _report(out, work)
        out.write(
            "  "
            + _("machine load average (1 min) before the storm: %(load)s on %(cores)s cores")
            % {"load": f"{load:.1f}", "cores": os.cpu_count()}
        )
        timeouts = (work / "gunicorn.log").read_text().count("WORKER TIMEOUT")
        out.write("  " + _("gunicorn worker timeouts: %(count)s") % {"count": timeouts})
    finally:
        if server is not None:
            stop(server)
            log.close()
        shutil.rmtree(work, ignore_errors=True)
        _drop(name)


def load(count):
    """`count` synthetic live initiatives in bulk (placed, a fifth in the social market layer), then
    ANALYZE, as autovacuum would after a real import. Runs inside the load test's database."""
    import numpy as np

    from directori.bench import add_synthetic
    from directori.models import EssFamily, Initiative, LayerTag, Sector

    add_synthetic(
        Initiative,
        count - Initiative.objects.count(),
        np.random.default_rng(13),
        list(EssFamily.objects.all()),
        list(Sector.objects.all()),
    )
    market = LayerTag.objects.get(slug="mercat-social")
    through = Initiative.tags.through
    ids = Initiative.objects.filter(source="bench").order_by("pk").values_list("pk", flat=True)
    through.objects.bulk_create(
        [through(initiative_id=pk, layertag_id=market.pk) for pk in list(ids)[::5]], batch_size=2000
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _report(out, work):
    stats = work / "storm_stats.csv"
    if not stats.exists():
        out.write("  " + _("locust wrote no figures"))
        return
    with open(stats, newline="") as figures:
        rows = list(csv.DictReader(figures))
    out.write(f"  {'endpoint':<46} {'requests':>8} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7}")
    for row in rows:
        out.write(
            f"  {row['Name'][:46]:<46} {row['Request Count']:>8} {row['Failure Count']:>6} "
            f"{row['50%']:>7} {row['95%']:>7} {float(row['Max Response Time']):>7.0f}"
        )
    total = next(row for row in rows if row["Name"] == "Aggregated")
    home = next((row for row in rows if row["Name"].startswith("home")), None)
    out.write(
        "  "
        + _("errors: %(errors)s of %(requests)s requests (target: 0)")
        % {"errors": total["Failure Count"], "requests": total["Request Count"]}
    )
    out.write("  " + _("home page p95 during the storm: %(ms)s ms") % {"ms": home["95%"] if home else "?"})
    failures = work / "storm_failures.csv"
    if failures.exists():
        with open(failures, newline="") as listed:
            for row in list(csv.DictReader(listed))[:5]:
                out.write(f"  failure: {row['Occurrences']} × {row['Name']}: {row['Error'][:120]}")


def _url(database, name):
    credentials = quote(database["USER"] or "", safe="")
    if database["PASSWORD"]:
        credentials += ":" + quote(database["PASSWORD"], safe="")
    host = f"{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}"
    return f"postgres://{credentials}@{host}/{name}"


def _recreate(name):
    _drop(name)
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')


def _drop(name):
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def stop(server):
    """Stop a server process the bench started: TERM, then KILL if it lingers past 30 s."""
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_up(port, seconds=60):
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/ca/", timeout=10) as response:  # noqa: S310  (loopback)
                if response.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.5)
