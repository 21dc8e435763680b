"""Placement speed: the vectorised STRtree join against a naive per-point shapely loop.

Synthetic points are drawn uniformly over the city's bounding box (about a third fall outside the
city, as real dirty data does). The naive loop tests every neighbourhood polygon for each point; it
is timed on a sample of each size, in the same run, and the ratio is of points per second.
"""

import time

import numpy as np
import shapely

from .placement import current_index

NAIVE_SAMPLE = 2000


def run(command, sizes):
    index = current_index()
    if index.empty:
        command.stdout.write("directori: no boundaries loaded; run `manage.py load_boundaries` first")
        return
    polygons = list(index.neighbourhood_polygons)
    min_lon, min_lat, max_lon, max_lat = shapely.total_bounds(polygons)
    rng = np.random.default_rng(2026)
    command.stdout.write("placement: points per second (STRtree join vs naive per-point loop)")
    command.stdout.write(
        f"{'points':>10} {'join s':>8} {'join pts/s':>12} {'naive pts/s':>12} {'ratio':>8} {'in city':>8}"
    )
    for size in sizes:
        lons = rng.uniform(min_lon, max_lon, size)
        lats = rng.uniform(min_lat, max_lat, size)
        start = time.perf_counter()
        districts, _ = index.locate(lons, lats)
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
