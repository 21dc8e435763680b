"""A still picture of an embed, drawn on the server with Pillow: the area's outline (or the city's
districts) and the points of the initiative layers it shows, in Web Mercator fitted to the image. No
tiles and no browser, so it is quick, needs nothing outside this site, and can be read by link
previews (oEmbed's thumbnail, Open Graph), newsletters and the embed's <noscript> fallback.

A picture is built once per version of the data (geojson_cache.fingerprint) and set of options, and kept
in the cache; its key is also its ETag.
"""

import hashlib
import io
import math

from django.core.cache import cache
from django.http import QueryDict

import shapely
from PIL import Image, ImageDraw, ImageFont

from directori.models import District

from .features import SELECTION
from .geojson_cache import document, fingerprint, normalised
from .models import Layer

WIDTH, HEIGHT = 1200, 630  # the size link previews (Open Graph) expect
MARGIN = 40
BAND = 70  # the title's band at the top
TIMEOUT = 24 * 3600  # a saved embed's picture
AD_HOC_TIMEOUT = 600  # one of countless option sets: kept minutes, so a crawler cannot fill the cache
BACKGROUND, LAND, OUTLINE, INK = "#f7f5f2", "#ffffff", "#35557a", "#1d1d1f"


def mercator(lon, lat):
    """Web Mercator, in units of the Earth's radius (the scale is fitted to the image anyway)."""
    lat = max(-85.0, min(85.0, lat))
    return math.radians(lon), math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def picture_key(options):
    """The picture's identity: the data's version and only what is drawn (the area, the shown layers,
    the selection, the language), so options a picture ignores (centre, zoom, height...) cannot force
    a redraw each."""
    drawn = (
        options.district,
        options.neighbourhood,
        sorted(layer.slug for layer in shown_layers(options)),
        normalised(QueryDict(options.selection.query_string(sort=False))),
    )
    parts = (fingerprint(), drawn, options.language, WIDTH, HEIGHT)
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def png(options, key=None):
    """The picture of `options` as PNG bytes, from the cache or drawn now."""
    key = key or picture_key(options)
    body = cache.get(f"mapa:picture:{key}")
    if body is None:
        body = draw(options)
        cache.set(f"mapa:picture:{key}", body, TIMEOUT if options.preset else AD_HOC_TIMEOUT)
    return body


def shown_layers(options):
    """The initiative layers the embed shows, by the map's own rule (EmbedOptions.shown_layers)."""
    layers = [SELECTION, *Layer.objects.filter(kind=Layer.Kind.INITIATIVES)]
    shown = options.shown_layers(layers)
    return [layer for layer in layers if layer.slug in shown]


def draw(options):
    area = options.area()
    outlines = (
        [area.geometry] if area is not None else [d.geometry for d in District.objects.only("geometry")]
    )
    params = QueryDict(options.selection.query_string(sort=False))
    version = fingerprint()
    points = []  # (lon, lat, colour)
    for layer in shown_layers(options):
        colour = getattr(layer, "colour", "#8a1538")
        for feature in document(layer, params, version)["features"]:
            geometry = feature.get("geometry") or {}
            if geometry.get("type") == "Point":
                lon, lat = geometry["coordinates"][:2]
                points.append((lon, lat, colour))
    if area is not None and points:  # only the area's points, whatever the layer's own limits
        inside = shapely.contains_xy(area.geometry, [p[0] for p in points], [p[1] for p in points])
        points = [p for p, keep in zip(points, inside, strict=True) if keep]

    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    pen = ImageDraw.Draw(image)
    bounds = _bounds(outlines, points)
    if bounds is not None:
        project = _fit(bounds)
        for geometry in outlines:
            for polygon in getattr(geometry, "geoms", [geometry]):
                ring = [project(x, y) for x, y in polygon.exterior.coords]
                pen.polygon(ring, fill=LAND, outline=OUTLINE, width=3)
        radius = 6 if len(points) < 500 else 3
        for lon, lat, colour in points:
            x, y = project(lon, lat)
            pen.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour, outline="#ffffff")
    pen.rectangle((0, 0, WIDTH, BAND), fill="#ffffff")
    pen.text((MARGIN, BAND / 2), options.title(area), fill=INK, font=_font(34), anchor="lm")
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _bounds(outlines, points):
    """(west, south, east, north) in Mercator of the outlines, or of the points without outlines."""
    boxes = [shapely.bounds(g) for g in outlines]
    if boxes:
        west, south = mercator(min(b[0] for b in boxes), min(b[1] for b in boxes))
        east, north = mercator(max(b[2] for b in boxes), max(b[3] for b in boxes))
        return west, south, east, north
    if points:
        xs, ys = zip(*(mercator(lon, lat) for lon, lat, _colour in points), strict=True)
        return min(xs), min(ys), max(xs), max(ys)
    return None


def _fit(bounds):
    """A function from lon/lat to pixels that fits `bounds` below the title band, keeping the shape."""
    west, south, east, north = bounds
    width, height = WIDTH - 2 * MARGIN, HEIGHT - BAND - 2 * MARGIN
    scale = min(width / max(east - west, 1e-9), height / max(north - south, 1e-9))
    left = MARGIN + (width - (east - west) * scale) / 2
    top = BAND + MARGIN + (height - (north - south) * scale) / 2

    def project(lon, lat):
        x, y = mercator(lon, lat)
        return left + (x - west) * scale, top + (north - y) * scale

    return project


# Pillow's own font has no accented letters ("Gràcia"); Debian's DejaVu or Liberation (fonts-dejavu-core,
# installed with Chromium and most desktops) have them all. Without either, Pillow's own font.
FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
)


def _font(size):
    for path in FONTS:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    try:
        return ImageFont.load_default(size=size)
    except (ImportError, OSError):  # Pillow without FreeType: the small bitmap font
        return ImageFont.load_default()
