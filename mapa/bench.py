"""GeoJSON layer latency at 1k, 10k and 100k live initiatives: cold (the document is built) and cached
(the gzipped document comes from the cache), inside a transaction that is rolled back; and, in Chromium
against a live server, what a district embed transfers and how soon markers are drawn at 10k
initiatives."""

import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.utils.translation import gettext as _

import numpy as np

from core.bench import _free_port, stop
from directori.bench import add_synthetic, timings
from directori.models import District, EssFamily, Initiative, Sector

from .models import Layer

COLD_REQUESTS = 5
GZIP = {"Accept-Encoding": "gzip"}


def run(command, sizes):
    run_browser(command)
    if not District.objects.exists() or not EssFamily.objects.exists():
        command.stdout.write(_("mapa layers: needs boundaries and seed_demo's families and sectors"))
        return
    client = Client(HTTP_HOST="127.0.0.1")
    command.stdout.write(
        _("layers: /ca/mapa/capes/<all initiatives>.geojson in ms (p50 / p95), gzip accepted")
    )
    command.stdout.write(
        f"{'initiatives':>12} {'cold p50':>9} {'cold p95':>9} {'cached p50':>11} {'cached p95':>11} {'KB gzip':>8}"
    )
    rng = np.random.default_rng(11)
    families, sectors = list(EssFamily.objects.all()), list(Sector.objects.all())
    with transaction.atomic():
        Layer.objects.create(slug="bench-totes", name="Totes", kind=Layer.Kind.INITIATIVES)
        url = "/ca/mapa/capes/bench-totes.geojson"
        existing = Initiative.objects.live().count()
        selection_rows = []
        for size in sorted(s for s in sizes if s <= 100_000):
            add_synthetic(
                Initiative, max(size - Initiative.objects.live().count(), 0), rng, families, sectors
            )
            cold = timings(client, url, COLD_REQUESTS, before=cache.clear, **GZIP)
            cached = timings(client, url, **GZIP)
            weight = len(client.get(url, headers=GZIP).content) / 1024
            command.stdout.write(
                f"{size:>12} {cold[0]:>9.1f} {cold[1]:>9.1f} {cached[0]:>11.1f} {cached[1]:>11.1f} {weight:>8.0f}"
            )
            selection_rows.append((size, *_selection_figures(client, sectors[0].slug)))
        transaction.set_rollback(True)
    command.stdout.write(
        _("(the seeded %(count)s live initiatives count towards each size)") % {"count": existing}
    )
    command.stdout.write(
        _(
            "a selection (one sector): the map page /ca/mapa/?sector=… and its layer "
            "/ca/mapa/capes/seleccio.geojson?sector=… in ms (p50 / p95), cold (cache cleared) and cached"
        )
    )
    command.stdout.write(
        f"{'initiatives':>12} {'matches':>8} {'page cold':>10} {'page cached':>12} {'layer cold':>11} {'layer cached':>13} {'KB gzip':>8}"
    )
    for size, matches, page_cold, page_cached, layer_cold, layer_cached, weight in selection_rows:
        command.stdout.write(
            f"{size:>12} {matches:>8} {page_cold[0]:>4.0f} / {page_cold[1]:<4.0f} {page_cached[0]:>5.0f} / {page_cached[1]:<5.0f}"
            f" {layer_cold[0]:>4.0f} / {layer_cold[1]:<5.0f} {layer_cached[0]:>6.0f} / {layer_cached[1]:<5.0f} {weight:>8.0f}"
        )
    if len(selection_rows) > 1:
        first, last = selection_rows[0], selection_rows[-1]
        command.stdout.write(
            _(
                "cached page p95 ratio %(last)s / %(first)s initiatives: %(page)s×; cold layer p95 ratio: %(layer)s×"
            )
            % {
                "last": f"{last[0]:,}",
                "first": f"{first[0]:,}",
                "page": f"{last[3][1] / first[3][1]:.1f}",
                "layer": f"{last[4][1] / first[4][1]:.1f}",
            }
        )


def _selection_figures(client, sector):
    """(matches, page cold, page cached, layer cold, layer cached, layer KB gzipped) for ?sector=."""
    page, layer = f"/ca/mapa/?sector={sector}", f"/ca/mapa/capes/seleccio.geojson?sector={sector}"
    body = client.get(layer, headers=GZIP)
    matches = len(json.loads(gzip.decompress(body.content))["features"])
    return (
        matches,
        timings(client, page, COLD_REQUESTS, before=cache.clear, **GZIP),
        timings(client, page, **GZIP),
        timings(client, layer, COLD_REQUESTS, before=cache.clear, **GZIP),
        timings(client, layer, **GZIP),
        len(body.content) / 1024,
    )


# Chromium against a live server: the weight of a district embed and the time to its markers.
CHROMIUM = "/usr/bin/chromium"
BROWSER_SIZE = 10_000
BROWSER_WORKERS = 2
WARM_VISITS = 3
WEIGHT_TARGET_KB = 120
MARKERS_TARGET_MS = 1000
EMBEDS = (  # the embed, and a district's embed with its default layers
    "/ca/mapa/incrusta/?districte=gracia&capes=mercat-social,xarxa-habitatge",
    "/ca/mapa/incrusta/?districte=gracia",
)
MARKER_PAGES = (  # every initiative in one layer; the map page's default layers; a district's embed
    "/ca/mapa/incrusta/?capes=seleccio",
    "/ca/mapa/",
    "/ca/mapa/incrusta/?districte=gracia",
)
MARKER = ".leaflet-marker-icon, .marker-cluster, path.leaflet-interactive"
# Set before any page script: when the first and the last marker (or cluster, or drawn shape) entered
# the page, in ms from the start of the navigation (performance.now()).
WATCH_MARKERS = f"""
window.__markers = {{first: null, last: null}};
new MutationObserver(function (records) {{
  var added = records.some(function (record) {{
    return Array.prototype.some.call(record.addedNodes, function (node) {{
      return node.nodeType === 1 && (node.matches({json.dumps(MARKER)}) || node.querySelector({json.dumps(MARKER)}));
    }});
  }});
  if (!added) return;
  var now = performance.now();
  if (window.__markers.first === null) window.__markers.first = now;
  window.__markers.last = now;
}}).observe(document, {{childList: true, subtree: true}});
"""


def run_browser(command):
    """Chromium (/usr/bin/chromium, through Playwright) against gunicorn on a spare loopback port, on a
    database of its own (a fresh SQLite file: migrate, the boundaries, seed_demo), so the figures are
    the demo site's and the current database is never touched. The server runs the development
    settings with DEBUG off: static files straight from the apps' folders, gzipped by the site (in
    production whitenoise sends collectstatic's brotli copies, smaller still). Prints; asserts nothing."""
    out = command.stdout
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        out.write(_("browser: needs Playwright for Python (make install)"))
        return
    if not Path(CHROMIUM).exists():
        out.write(_("browser: needs Chromium at %(path)s (apt-get install chromium)") % {"path": CHROMIUM})
        return
    boundaries = settings.ESS_BOUNDARIES_DIR
    if not boundaries or not Path(boundaries).is_dir():
        out.write(_("browser: needs a folder of boundary files in ESS_BOUNDARIES_DIR"))
        return
    work = Path(tempfile.mkdtemp(prefix="ess-browser-"))
    env = {
        **{k: v for k, v in os.environ.items() if k != "REDIS_URL"},  # its own cache: another database
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "False",
        "ENV_FILE": "",
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        "ESS_BOUNDARIES_DIR": str(boundaries),
        "EXPORT_CACHE_DIR": str(work / "exports"),
        "TILES_URL": "/bench-tiles/{z}/{x}/{y}.png",  # refused by the browser below: no tile is counted
    }
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    out.write(
        _(
            "browser: Chromium against gunicorn (%(workers)s workers, dev settings, DEBUG off) on %(base)s, "
            "the demo site in its own SQLite database; machine load average %(load)s "
            "on %(cores)s cores (shared: figures vary)"
        )
        % {
            "workers": BROWSER_WORKERS,
            "base": base,
            "load": f"{os.getloadavg()[0]:.1f}",
            "cores": os.cpu_count(),
        }
    )
    server, log = None, open(work / "gunicorn.log", "w")  # noqa: SIM115  (closed in finally)
    try:
        for step in (["migrate", "--noinput"], ["load_boundaries"], ["seed_demo", "--force"]):
            _manage(step, env)
        server = subprocess.Popen(  # noqa: S603  (our own gunicorn, on loopback)
            [Path(sys.executable).parent / "gunicorn", "--pythonpath", "site", "config.wsgi"]
            + [f"--workers={BROWSER_WORKERS}", f"--bind=127.0.0.1:{port}", "--timeout=60"],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=log,
            stderr=log,
        )
        _wait_until_up(base)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--no-first-run"]
            )
            try:
                _embed_weights(out, browser, base)
                _manage(["shell", "-c", f"from core.bench import load; load({BROWSER_SIZE})"], env)
                _marker_times(out, browser, base)
            finally:
                browser.close()
    except (subprocess.CalledProcessError, OSError) as problem:
        out.write(
            _("browser: could not run (%(problem)s); gunicorn's log: %(log)s")
            % {"problem": problem, "log": work / "gunicorn.log"}
        )
        work = None  # keep the folder for its log
    finally:
        if server is not None:
            stop(server)
        log.close()
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)


def _manage(step, env):
    subprocess.run(  # noqa: S603  (our own commands)
        [sys.executable, "manage.py", *step], cwd=settings.BASE_DIR, env=env, check=True, capture_output=True
    )


def _wait_until_up(base, seconds=60):
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=10):  # noqa: S310  (loopback)
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.25)


def _visit(browser, url, wait="networkidle"):
    """A first visit in a fresh browser profile (nothing cached): (responses, the page's marker times)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ca-ES")
    context.route("**/bench-tiles/**", lambda route: route.abort())
    context.add_init_script(WATCH_MARKERS)
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url, wait_until=wait, timeout=120_000)
    page.wait_for_timeout(500)  # markers a last response is still adding
    responses = [(request.url, request.sizes()["responseBodySize"]) for request in finished]
    markers = page.evaluate("window.__markers")
    context.close()
    return responses, markers


def _embed_weights(out, browser, base):
    out.write(
        "  "
        + _("a district embed's transfer without tiles (encoded bodies), target < %(kb)s KB:")
        % {"kb": WEIGHT_TARGET_KB}
    )
    _visit(browser, base + EMBEDS[0])  # the server builds its layer documents once
    for path in EMBEDS:
        responses, _markers = _visit(browser, base + path)
        parts = {"page": 0, "scripts and styles": 0, "layers": 0, "other": 0}
        for url, size in responses:
            local = url.removeprefix(base)
            if local.startswith("/static/") and local.endswith((".js", ".css")):
                parts["scripts and styles"] += size
            elif "/mapa/capes/" in local:
                parts["layers"] += size
            elif local == path:
                parts["page"] += size
            else:
                parts["other"] += size
        total = sum(parts.values())
        detail = ", ".join(f"{name} {size / 1024:.0f}" for name, size in parts.items())
        out.write(f"    {path}: {total / 1024:.0f} KB in {len(responses)} requests ({detail})")


def _marker_times(out, browser, base):
    out.write(
        "  "
        + _(
            "markers drawn at %(size)s initiatives, ms from navigation to the first and the last "
            "marker in the page (target: first < %(target)s); cold = the server builds the "
            "layers, warm = p50 of %(visits)s visits with the layers cached (each in a fresh profile)"
        )
        % {"size": f"{BROWSER_SIZE:,}", "target": MARKERS_TARGET_MS, "visits": WARM_VISITS}
    )
    out.write(f"    {'page':<44} {'cold first':>10} {'cold last':>10} {'warm first':>11} {'warm last':>10}")
    for path in MARKER_PAGES:
        _responses, cold = _visit(browser, base + path)
        warm = [_visit(browser, base + path)[1] for _ in range(WARM_VISITS)]

        def ms(value):
            return f"{value:.0f}" if value is not None else "none"

        first = np.median([w["first"] for w in warm if w["first"] is not None] or [np.nan])
        last = np.median([w["last"] for w in warm if w["last"] is not None] or [np.nan])
        out.write(
            f"    {path:<44} {ms(cold['first']):>10} {ms(cold['last']):>10} {first:>11.0f} {last:>10.0f}"
        )
