"""Placement speed: the vectorised STRtree join against a naive per-point shapely loop.

Synthetic points are drawn uniformly over the city's bounding box (about a third fall outside the
city, as real dirty data does). The naive loop tests every neighbourhood polygon for each point; it
is timed on a sample of each size, in the same run, and the ratio is of points per second.
"""

import time

from django.utils.translation import gettext as _

import numpy as np
import shapely

from .placement import current_index

NAIVE_SAMPLE = 2000


def run(command, sizes):
    run_placement(command, sizes)
    run_listing(command, sizes)
    run_imports(command)


IMPORT_SIZES = (10_000, 100_000)


def run_imports(command):
    """Rows per second and peak memory (RSS) of an import of a synthetic CSV (all the steps of
    `import_initiatives`: validation, writes, placement, search and reference indexes, revisions),
    each size in a child process, so that its peak is its own (ru_maxrss of the finished children).
    The child imports inside a transaction that it rolls back: the database keeps nothing."""
    import resource
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    from django.conf import settings

    command.stdout.write(_("import: rows of a synthetic CSV imported in a child process (rolled back)"))
    command.stdout.write(f"{'rows':>10} {'seconds':>9} {'rows/s':>9} {'peak RSS MB':>12}")
    rng = np.random.default_rng(2026)
    child = (
        "import sys, time\n"
        "from django.db import transaction\n"
        "from directori.importing import Mapping, run_import\n"
        "mapping = Mapping.from_toml(open(sys.argv[2]).read())\n"
        "with transaction.atomic():\n"
        "    start = time.perf_counter()\n"
        "    run_import(sys.argv[1], mapping)\n"
        "    print(time.perf_counter() - start)\n"
        "    transaction.set_rollback(True)\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        mapping = Path(folder) / "m.toml"
        mapping.write_text(
            '[options]\nsource = "bench-import"\n[columns]\nexternal_id = "id"\nname = "Nom"\n'
            'address = "Adreca"\nlat = "lat"\nlon = "lon"\n'
        )
        for size in IMPORT_SIZES:
            data = Path(folder) / f"{size}.csv"
            lats, lons = rng.uniform(41.36, 41.44, size), rng.uniform(2.10, 2.21, size)
            with open(data, "w") as out:
                out.write("id,Nom,Adreca,lat,lon\n")
                for i in range(size):  # equal names on purpose: the slug step must stay linear
                    out.write(f"B{i},Entitat de prova,Carrer {i % 500} {i},{lats[i]:.5f},{lons[i]:.5f}\n")
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            done = subprocess.run(  # noqa: S603  (our own manage.py, arguments we built)
                [sys.executable, "-c", _CHILD_SETUP + child, str(data), str(mapping)],
                cwd=settings.BASE_DIR,
                check=True,
                capture_output=True,
                text=True,
            )
            seconds = float(done.stdout.strip().splitlines()[-1])
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KB: the largest child so far
            note = "" if peak > before else " " + _("(not above the earlier size)")
            command.stdout.write(
                f"{size:>10} {seconds:>9.1f} {size / seconds:>9.0f} {peak / 1024:>12.0f}{note}"
            )


# The child starts Django as manage.py does (site/ on the path, the same settings module).
_CHILD_SETUP = (
    "import os, sys\n"
    "sys.path.insert(0, 'site')\n"
    "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'config.settings.dev')\n"
    "import django\n"
    "django.setup()\n"
)


def run_placement(command, sizes):
    index = current_index()
    if index.empty:
        command.stdout.write(_("directori: no boundaries loaded; run `manage.py load_boundaries` first"))
        return
    polygons = list(index.neighbourhood_polygons)
    min_lon, min_lat, max_lon, max_lat = shapely.total_bounds(polygons)
    rng = np.random.default_rng(2026)
    command.stdout.write(_("placement: points per second (STRtree join vs naive per-point loop)"))
    command.stdout.write(
        f"{'points':>10} {'join s':>8} {'join pts/s':>12} {'naive pts/s':>12} {'ratio':>8} {'in city':>8}"
    )
    for size in sizes:
        lons = rng.uniform(min_lon, max_lon, size)
        lats = rng.uniform(min_lat, max_lat, size)
        start = time.perf_counter()
        districts, _neighbourhoods = index.locate(lons, lats)
        joined = time.perf_counter() - start
        sample = min(size, NAIVE_SAMPLE)
        naive = _naive_seconds(polygons, lons[:sample], lats[:sample]) / sample
        join_rate, naive_rate = size / joined, 1 / naive
        command.stdout.write(
            f"{size:>10} {joined:>8.3f} {join_rate:>12,.0f} {naive_rate:>12,.0f} {join_rate / naive_rate:>7.0f}x "
            f"{(districts > 0).mean():>7.0%}"
        )


def _naive_seconds(polygons, lons, lats):
    polygons = [shapely.from_wkb(shapely.to_wkb(p)) for p in polygons]  # unprepared copies: the naive way
    start = time.perf_counter()
    for lon, lat in zip(lons, lats, strict=True):
        point = shapely.Point(lon, lat)
        next((i for i, polygon in enumerate(polygons) if polygon.contains(point)), None)
    return time.perf_counter() - start


LISTING_REQUESTS = 20


def run_listing(command, sizes):
    """The public listing's latency at each size, unfiltered and filtered, in a transaction that is
    rolled back (the synthetic initiatives never stay in the database)."""
    from django.db import transaction
    from django.test import Client

    from .models import District, EssFamily, Initiative, Sector

    if not District.objects.exists() or not EssFamily.objects.exists():
        command.stdout.write(_("directori listing: needs boundaries and seed_demo's families and sectors"))
        return
    command.stdout.write(_("listing: /ca/directori/ response time in ms (p50 / p95 of 20 requests)"))
    command.stdout.write(
        f"{'initiatives':>12} {'all p50':>8} {'all p95':>8} {'filtered p50':>13} {'filtered p95':>13}"
    )
    rng = np.random.default_rng(7)
    families = list(EssFamily.objects.all())
    sectors = list(Sector.objects.all())
    district = District.objects.get(code="06")
    client = Client(HTTP_HOST="127.0.0.1")
    with transaction.atomic():
        created = 0
        for size in sorted(s for s in sizes if s <= 100_000):
            add_synthetic(Initiative, size - created, rng, families, sectors)
            created = size
            (a50, a95), (f50, f95) = (
                timings(client, "/ca/directori/"),
                timings(client, f"/ca/directori/?districte={district.slug}&sector={sectors[0].slug}"),
            )
            command.stdout.write(f"{size:>12} {a50:>8.1f} {a95:>8.1f} {f50:>13.1f} {f95:>13.1f}")
        transaction.set_rollback(True)


def add_synthetic(Initiative, count, rng, families, sectors):
    """`count` live initiatives spread over the city, placed, for benchmarks inside a transaction."""
    from .placement import place_initiatives

    lons, lats = rng.uniform(2.10, 2.22, count), rng.uniform(41.36, 41.45, count)
    start = Initiative.objects.count()
    objects = [
        Initiative(
            name=f"Bench {start + i}",
            search_text=f"bench {start + i}",
            slug=f"bench-{start + i}",
            longitude=float(lon),
            latitude=float(lat),
            family=families[i % len(families)],
            live=True,
            source="bench",
            external_id=str(start + i),
        )
        for i, (lon, lat) in enumerate(zip(lons, lats, strict=True))
    ]
    created = Initiative.objects.bulk_create(objects, batch_size=2000)
    through = Initiative.sectors.through
    through.objects.bulk_create(
        [through(initiative_id=o.pk, sector_id=sectors[i % len(sectors)].pk) for i, o in enumerate(created)],
        batch_size=2000,
    )
    place_initiatives(
        Initiative.objects.filter(source="bench", latitude__isnull=False, district__isnull=True)
    )


def timings(client, url, requests=LISTING_REQUESTS, before=None, **headers):
    """p50 and p95 in ms of `requests` GETs after a warm-up; `before` runs ahead of each (untimed)."""
    client.get(url, headers=headers)  # warm-up
    times = []
    for _request in range(requests):
        if before:
            before()
        start = time.perf_counter()
        response = client.get(url, headers=headers)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)  # noqa: S101  (a broken page must not print timings)
    return float(np.percentile(times, 50)), float(np.percentile(times, 95))
