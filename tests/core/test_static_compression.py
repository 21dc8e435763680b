"""The map's scripts and styles travel compressed to a browser that accepts it, in each way the site
serves them: `make run` (runserver with DEBUG, files straight from the apps' folders) and production
(whitenoise's hashed files with their .br/.gz copies from collectstatic). Leaflet alone is 147 KB
uncompressed: a district embed's whole weight, without tiles, is meant to stay under 120 KB."""

import gzip
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.files.storage import FileSystemStorage
from django.http import HttpResponseNotFound
from django.test import RequestFactory, override_settings

import brotli
import pytest
from whitenoise.middleware import WhiteNoiseMiddleware

from core.storage import ManifestStaticFilesStorage

ROOT = Path(__file__).resolve().parents[2]
MAP_ASSETS = [
    "vendor/leaflet/leaflet.js",
    "vendor/leaflet/leaflet.css",
    "vendor/leaflet-markercluster/leaflet.markercluster.js",
    "vendor/leaflet-markercluster/MarkerCluster.Default.css",
    "mapa/map.js",
    "mapa/map.css",
    "css/site.css",
]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url, encoding=None):
    headers = {"Accept-Encoding": encoding} if encoding else {}
    request = urllib.request.Request(url, headers=headers)  # noqa: S310  (our own loopback server)
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310  (the same)
        return response.headers, response.read()


@pytest.fixture
def make_run_server(tmp_path):
    """`manage.py runserver` as `make run` starts it (dev settings, DEBUG on), on a free port."""
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "True",
        "ENV_FILE": "",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",  # static files need no data
    }
    server = subprocess.Popen(  # noqa: S603  (our own manage.py)
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                fetch(f"{base}/static/css/site.css")
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.25)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_make_run_sends_the_map_assets_gzipped_when_the_browser_accepts_it(make_run_server):
    for name in MAP_ASSETS:
        original = Path(finders.find(name)).read_bytes()
        headers, body = fetch(f"{make_run_server}/static/{name}", "gzip, deflate, br")
        assert headers["Content-Encoding"] == "gzip", name
        assert gzip.decompress(body) == original and len(body) < len(original) / 2, name
        headers, body = fetch(f"{make_run_server}/static/{name}")  # a client that cannot decompress
        assert headers["Content-Encoding"] is None and body == original, name


def test_production_sends_the_hashed_map_assets_as_brotli_or_gzip(tmp_path, db):  # db: close() ends a request
    """collectstatic's storage (core.storage) writes each hashed file with its .br and .gz, and
    whitenoise picks the one the browser accepts."""
    static_root = tmp_path / "static"
    storage = ManifestStaticFilesStorage(location=static_root, base_url="/static/")
    sources = {}
    for name in MAP_ASSETS:
        folder = Path(finders.find(name)).parent
        for path in folder.rglob("*"):  # the stylesheets' images too: the manifest checks them
            if path.is_file():
                relative = str(Path(name).parent / path.relative_to(folder))
                sources[relative] = (FileSystemStorage(location=folder), str(path.relative_to(folder)))
    for relative, (found, path) in sources.items():
        with found.open(path) as content:
            storage.save(relative, content)
    processed = list(storage.post_process(sources))
    assert not [p for p in processed if isinstance(p[2], Exception)]
    storage.save_manifest()

    production = {
        "STATIC_ROOT": static_root,
        "WHITENOISE_USE_FINDERS": False,
        "WHITENOISE_AUTOREFRESH": False,
    }
    with override_settings(**production):
        serve = WhiteNoiseMiddleware(lambda request: HttpResponseNotFound())
    for name in MAP_ASSETS:
        hashed = storage.stored_name(name)
        assert hashed != name
        original = (static_root / hashed).read_bytes()
        for accepted, encoding, decompress in (
            ("gzip, deflate, br, zstd", "br", brotli.decompress),
            ("gzip", "gzip", gzip.decompress),
        ):
            response = serve(RequestFactory().get(f"/static/{hashed}", HTTP_ACCEPT_ENCODING=accepted))
            body = b"".join(response.streaming_content)
            response.close()
            assert response.status_code == 200 and response["Content-Encoding"] == encoding, (name, accepted)
            assert decompress(body) == original, name
