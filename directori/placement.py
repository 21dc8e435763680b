"""Which district and neighbourhood each initiative's point falls in.

Every point is placed by one vectorised spatial join against the official boundaries, whether there
is one point (an initiative saved in the admin) or a million (an import, a boundary reload): the
points go into a shapely STRtree, and each of the 83 boundary polygons, prepared once, queries it.
(Querying a tree of polygons with each point instead prepares a million points, and is ~5x slower.) A point in no neighbourhood and no district is
kept and flagged `outside_city`; it is never given the nearest district.
"""

from dataclasses import dataclass

from django.db import models

import numpy as np
import shapely

from .models import District, Initiative, Neighbourhood


@dataclass(frozen=True)
class Placement:
    district_id: int | None
    neighbourhood_id: int | None

    @property
    def outside_city(self):
        return self.district_id is None


@dataclass
class BoundaryIndex:
    district_ids: np.ndarray
    district_polygons: np.ndarray
    neighbourhood_ids: np.ndarray
    neighbourhood_district_ids: np.ndarray
    neighbourhood_polygons: np.ndarray

    @classmethod
    def from_database(cls):
        districts = list(District.objects.values_list("id", "geometry"))
        neighbourhoods = list(Neighbourhood.objects.values_list("id", "district_id", "geometry"))
        geometry = District._meta.get_field("geometry")
        index = cls(
            district_ids=np.array([d[0] for d in districts], dtype=np.int64),
            district_polygons=np.array([geometry.to_python(d[1]) for d in districts], dtype=object),
            neighbourhood_ids=np.array([n[0] for n in neighbourhoods], dtype=np.int64),
            neighbourhood_district_ids=np.array([n[1] for n in neighbourhoods], dtype=np.int64),
            neighbourhood_polygons=np.array([geometry.to_python(n[2]) for n in neighbourhoods], dtype=object),
        )
        shapely.prepare(index.district_polygons)
        shapely.prepare(index.neighbourhood_polygons)
        return index

    @property
    def empty(self):
        return len(self.district_ids) == 0

    def locate(self, lons, lats):
        """District and neighbourhood ids (0 where none) for arrays of WGS84 coordinates.

        A point on a shared boundary touches two polygons; it gets the one with the lower code, so
        the answer never depends on the order the rows came in.
        """
        points = shapely.points(np.asarray(lons, dtype=float), np.asarray(lats, dtype=float))
        districts = np.zeros(len(points), dtype=np.int64)
        neighbourhoods = np.zeros(len(points), dtype=np.int64)

        hit_points, hit_areas = _join(points, self.neighbourhood_polygons)
        neighbourhoods[hit_points] = self.neighbourhood_ids[hit_areas]
        districts[hit_points] = self.neighbourhood_district_ids[hit_areas]

        # Points in a district but in no neighbourhood (a sliver between two boundary files).
        missing = np.flatnonzero(districts == 0)
        hit_points, hit_areas = _join(points[missing], self.district_polygons)
        districts[missing[hit_points]] = self.district_ids[hit_areas]
        return districts, neighbourhoods


def _join(points, polygons):
    """(point index, polygon index) for every point inside or on the edge of a polygon, one pair per
    point: the polygon with the lowest index (the lowest code, as the index is ordered by code)."""
    if len(points) == 0 or len(polygons) == 0:
        return np.array([], dtype=np.int64), np.array([], dtype=np.int64)
    area_idx, point_idx = shapely.STRtree(points).query(polygons, predicate="intersects")
    order = np.lexsort((area_idx, point_idx))
    point_idx, area_idx = point_idx[order], area_idx[order]
    unique_points, first = np.unique(point_idx, return_index=True)
    return unique_points, area_idx[first]


_cache = {}


def current_index():
    """The boundary index, rebuilt only when the boundaries change (one small query to check)."""
    version = tuple(
        tuple(model.objects.aggregate(n=models.Count("id"), latest=models.Max("updated_at")).values())
        for model in (District, Neighbourhood)
    )
    if _cache.get("version") != version:
        _cache.update(version=version, index=BoundaryIndex.from_database())
    return _cache["index"]


def place_initiative(initiative):
    """Set one initiative's district, neighbourhood and outside_city from its point (not saved)."""
    index = current_index()
    if not initiative.has_point or index.empty:
        initiative.district_id = initiative.neighbourhood_id = None
        initiative.outside_city = False
        return
    districts, neighbourhoods = index.locate([initiative.longitude], [initiative.latitude])
    initiative.district_id = int(districts[0]) or None
    initiative.neighbourhood_id = int(neighbourhoods[0]) or None
    initiative.outside_city = initiative.district_id is None


def place_initiatives(queryset=None, batch_size=2000):
    """Place many initiatives with one spatial join; write only the rows whose placement changed.

    Returns the number of initiatives updated.
    """
    queryset = Initiative.objects.all() if queryset is None else queryset
    rows = list(
        queryset.values_list("id", "longitude", "latitude", "district_id", "neighbourhood_id", "outside_city")
    )
    if not rows:
        return 0
    index = current_index()
    ids = np.array([r[0] for r in rows], dtype=np.int64)
    lons = np.array([np.nan if r[1] is None else r[1] for r in rows])
    lats = np.array([np.nan if r[2] is None else r[2] for r in rows])
    has_point = ~(np.isnan(lons) | np.isnan(lats))
    districts = np.zeros(len(rows), dtype=np.int64)
    neighbourhoods = np.zeros(len(rows), dtype=np.int64)
    if not index.empty and has_point.any():
        districts[has_point], neighbourhoods[has_point] = index.locate(lons[has_point], lats[has_point])
    outside = has_point & (districts == 0) & (not index.empty)

    # One UPDATE per placement (a neighbourhood, outside the city, or none: a few dozen at most)
    # rather than bulk_update's CASE expression per row, which took minutes for a large import.
    changed = {}
    for i, row in enumerate(rows):
        new = (int(districts[i]) or None, int(neighbourhoods[i]) or None, bool(outside[i]))
        if new != tuple(row[3:]):
            changed.setdefault(new, []).append(int(ids[i]))
    for (district, neighbourhood, outside_city), pks in changed.items():
        for start in range(0, len(pks), batch_size):
            Initiative.objects.filter(pk__in=pks[start : start + batch_size]).update(
                district_id=district, neighbourhood_id=neighbourhood, outside_city=outside_city
            )
    return sum(len(pks) for pks in changed.values())
