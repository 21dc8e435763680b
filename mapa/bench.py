"""GeoJSON layer latency at 1k, 10k and 100k live initiatives: cold (the document is built) and cached
(the gzipped document comes from the cache), inside a transaction that is rolled back; and the weight
of the seeded layers a district embed loads (gzipped, as sent)."""

import gzip
import json
import re

from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.db import transaction
from django.test import Client

import numpy as np

from directori.bench import add_synthetic, timings
from directori.models import District, EssFamily, Initiative, Sector

from .models import Layer

COLD_REQUESTS = 5
GZIP = {"Accept-Encoding": "gzip"}


def run(command, sizes):
    if not District.objects.exists() or not EssFamily.objects.exists():
        command.stdout.write("mapa layers: needs boundaries and seed_demo's families and sectors")
        return
    client = Client(HTTP_HOST="127.0.0.1")
    _layer_weights(command, client)
    command.stdout.write("layers: /ca/mapa/capes/<all initiatives>.geojson in ms (p50 / p95), gzip accepted")
    command.stdout.write(
        f"{'initiatives':>12} {'cold p50':>9} {'cold p95':>9} {'cached p50':>11} {'cached p95':>11} {'KB gzip':>8}"
    )
    rng = np.random.default_rng(11)
    families, sectors = list(EssFamily.objects.all()), list(Sector.objects.all())
    with transaction.atomic():
        Layer.objects.create(slug="bench-totes", name="Totes", kind=Layer.Kind.INITIATIVES)
        url = "/ca/mapa/capes/bench-totes.geojson"
        existing = Initiative.objects.live().count()
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
        transaction.set_rollback(True)
    command.stdout.write(f"(the seeded {existing} live initiatives count towards each size)")


def _layer_weights(command, client):
    """What a district embed transfers, tiles aside: the page, its scripts and styles, and the
    GeoJSON of its layers, each gzipped as whitenoise and the layer view send them."""
    district = District.objects.order_by("code").first()
    page = client.get(f"/ca/mapa/incrusta/?districte={district.slug}")
    body = page.content.decode()
    assets = 0
    for url in re.findall(r'(?:src|href)="(/static/[^"]+)"', body):
        found = finders.find(url.removeprefix("/static/"))
        if found:
            with open(found, "rb") as asset:
                assets += len(gzip.compress(asset.read()))
    layers = sum(
        len(
            client.get(
                f"{layer['url']}?{config['query']}" if layer["kind"] == "initiatives" else layer["url"],
                headers=GZIP,
            ).content
        )
        for config in [
            json.loads(re.search(r'id="map-config" type="application/json">(.*?)</script>', body).group(1))
        ]
        for layer in config["layers"]
        if layer["shown"]
    )
    total = len(gzip.compress(page.content)) + assets + layers
    command.stdout.write(
        f"embed of {district.name} with the default layers: {total / 1024:.0f} KB gzipped without tiles "
        f"(page {len(gzip.compress(page.content)) / 1024:.0f}, scripts and styles {assets / 1024:.0f}, layers {layers / 1024:.0f}); target < 400 KB"
    )
