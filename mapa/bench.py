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
    command.stdout.write(f"(the seeded {existing} live initiatives count towards each size)")
    command.stdout.write(
        "a selection (one sector): the map page /ca/mapa/?sector=… and its layer "
        "/ca/mapa/capes/seleccio.geojson?sector=… in ms (p50 / p95), cold (cache cleared) and cached"
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
            f"cached page p95 ratio {last[0]:,} / {first[0]:,} initiatives: {last[3][1] / first[3][1]:.1f}×; "
            f"cold layer p95 ratio: {last[4][1] / first[4][1]:.1f}×"
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
