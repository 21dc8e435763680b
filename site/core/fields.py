"""A geometry column that behaves the same on SQLite and PostgreSQL without GeoDjango or GDAL.

Geometries are stored as WKB (binary, exact, compact) and come back as shapely objects; spatial work
happens in Python with shapely/geopandas (vectorised), never in SQL.
"""

from django.db import models

import shapely


class GeometryField(models.BinaryField):
    description = "A WGS84 geometry stored as WKB"

    def from_db_value(self, value, expression, connection):
        return None if value is None else shapely.from_wkb(bytes(value))

    def to_python(self, value):
        if value is None or isinstance(value, shapely.Geometry):
            return value
        return shapely.from_wkb(bytes(value))

    def get_prep_value(self, value):
        if isinstance(value, shapely.Geometry):
            value = shapely.to_wkb(value)
        return super().get_prep_value(value)
