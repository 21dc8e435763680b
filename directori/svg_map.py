"""A small static map of the city as inline SVG: district outlines and one point.

It needs no tiles, no JavaScript and no network, so it works in the admin, in e-mails and offline,
and it can never leak a visitor's position to a tile server.
"""

import math

from django.utils.html import format_html, format_html_join

import shapely

WIDTH = 320


def _projector(bounds):
    min_lon, min_lat, max_lon, max_lat = bounds
    x_scale = math.cos(math.radians((min_lat + max_lat) / 2))  # keep the city's proportions
    width_deg = (max_lon - min_lon) * x_scale
    height = WIDTH * (max_lat - min_lat) / width_deg

    def project(lon, lat):
        return (
            round((lon - min_lon) * x_scale / width_deg * WIDTH, 1),
            round((max_lat - lat) / (max_lat - min_lat) * height, 1),
        )

    return project, round(height, 1)


def _path(geometry, project):
    parts = []
    polygons = geometry.geoms if geometry.geom_type == "MultiPolygon" else [geometry]
    for polygon in polygons:
        coords = shapely.get_coordinates(polygon.exterior.simplify(0.0005))
        parts.append("M" + "L".join(f"{x},{y}" for x, y in (project(lon, lat) for lon, lat in coords)) + "Z")
    return "".join(parts)


def city_svg(longitude=None, latitude=None, highlight_district_id=None, label=""):
    """The districts, the highlighted one filled, and a marker at the point if given."""
    from .models import District  # models' admin panels import this module

    districts = list(District.objects.all())
    if not districts:
        return ""
    bounds = shapely.total_bounds([d.geometry for d in districts])
    project, height = _projector(bounds)
    # Presentation attributes, not a <style> element: the Content-Security-Policy allows no inline
    # stylesheet, and the admin's point preview shows this SVG without the site's CSS.
    paths = format_html_join(
        "",
        '<path d="{}" class="{}" fill="{}"><title>{}</title></path>',
        (
            (
                _path(d.geometry, project),
                *(("is-highlighted", "#f2c6d2") if d.id == highlight_district_id else ("", "#f5f3f0")),
                d.name,
            )
            for d in districts
        ),
    )
    marker = ""
    if longitude is not None and latitude is not None:
        x, y = project(longitude, latitude)
        marker = format_html(
            '<circle cx="{}" cy="{}" r="6" class="marker" fill="#8a1538" stroke="#fff" stroke-width="2"/>',
            x,
            y,
        )
    return format_html(
        '<svg class="city-map" viewBox="0 0 {} {}" role="img" aria-label="{}" '
        'xmlns="http://www.w3.org/2000/svg"><g stroke="#4a4a55" stroke-width=".8">{}</g>{}</svg>',
        WIDTH,
        height,
        label,
        paths,
        marker,
    )
