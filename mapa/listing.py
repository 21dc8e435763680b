"""The list beside the map, the legend and the layer control's grouping: what each shown layer draws,
as text a visitor (or a screen reader, or a browser without JavaScript) can read. Every group is read
from the same cached GeoJSON document the map loads (geojson_cache.py), so the list and the map cannot
disagree; map.js then hides what leaves the view and fetches the group of a layer switched on later
(views.layer_list renders that group with the same template)."""

from django.utils.formats import number_format
from django.utils.translation import gettext as _

import shapely
import shapely.geometry

from directori.selection import distance_label

from .features import area_params
from .geojson_cache import document, fingerprint
from .models import Layer

LIST_LIMIT = 300  # items per group; the rest is one link away, in the directory
# The list's order of groups: the results a visitor looks for first, the boundaries last.
LIST_ORDER = [
    Layer.Kind.INITIATIVES,
    Layer.Kind.POSTS,
    Layer.Kind.PROJECTS,
    Layer.Kind.POLES,
    Layer.Kind.HOUSING,
    Layer.Kind.CHOROPLETH,
    Layer.Kind.DISTRICTS,
    Layer.Kind.NEIGHBOURHOODS,
]
SCALE_STEPS = 4


def control_group(layer):
    """ "sectors" for a layer of initiatives limited to exactly one sector (and nothing else), which
    the layer control lists under "Sectors"; "themes" for every other layer. A layer that is not
    saved (the visitor's own selection) is a theme."""
    if layer.kind != Layer.Kind.INITIATIVES or not isinstance(layer, Layer):
        return "themes"
    only_sector = len(layer.sectors.all()) == 1
    return "sectors" if only_sector and not layer.families.all() and not layer.tags.all() else "themes"


def list_rank(layer):
    """Where a layer's group goes in the list (map.js places groups fetched later by it too)."""
    return LIST_ORDER.index(layer.kind)


def layer_params(layer, params):
    """The parameters a layer's document is read with: the visitor's filters shape the initiative
    layers; the others are limited to the area only (features.area_params), as in map.js."""
    return params if layer.kind == Layer.Kind.INITIATIVES else area_params(params)


def outside_label(params):
    """What the list says of a housing provider outside the area: the area is the neighbourhood when
    one is given (as in features.Area)."""
    return _("outside the neighbourhood") if params.get("barri") else _("outside the district")


def _bbox(geometry):
    if geometry["type"] == "Point":
        lon, lat = geometry["coordinates"]
        return [lon, lat, lon, lat]
    return [round(v, 5) for v in shapely.bounds(shapely.geometry.shape(geometry))]


def _item(layer, feature, selection):
    """One list entry from one feature, or None for the features a list does not repeat (the points a
    housing link joins: the link names both). An unlocated initiative (the selection layer lists every
    match) has no bbox: it is in the selection whatever the view. With a point in the selection, an
    initiative gets its `distance` (metres) and `distance_label`."""
    props, geometry = feature["properties"], feature["geometry"]
    if layer.kind == Layer.Kind.HOUSING and geometry and geometry["type"] == "Point":
        return None
    item = {**props, "bbox": ",".join(str(v) for v in _bbox(geometry)) if geometry else "", "lat": None}
    if geometry and geometry["type"] == "Point":
        item["lon"], item["lat"] = geometry["coordinates"]
    if layer.kind == Layer.Kind.INITIATIVES and selection.near:
        item["distance"] = selection.distance(item["lat"], item.get("lon"))
        item["distance_label"] = distance_label(item["distance"]) if item["distance"] is not None else ""
    return item


def scale(features):
    """The choropleth's classes: equal steps from 0 to the highest figure, each with its fill opacity
    and its range as text; the legend prints them and map.js paints with them."""
    values = [
        f["properties"]["per_thousand"] for f in features if f["properties"]["per_thousand"] is not None
    ]
    top = max(values, default=0)
    if not top:
        return []
    classes = []
    for step in range(SCALE_STEPS):
        low, high = top * step / SCALE_STEPS, top * (step + 1) / SCALE_STEPS
        classes.append(
            {
                "upTo": high,
                "opacity": round(0.15 + 0.6 * (step + 1) / SCALE_STEPS, 2),
                "label": _("%(low)s to %(high)s per 1,000")
                % {"low": number_format(low, 2), "high": number_format(high, 2)},
            }
        )
    return classes


def group(layer, params, selection, version=None):
    """One layer's group of the list: all its items (the template prints the first LIST_LIMIT), the
    nearest first when the selection has a point, and for the choropleth its scale."""
    data = document(layer, layer_params(layer, params), version or fingerprint())
    items = [item for feature in data["features"] if (item := _item(layer, feature, selection))]
    if layer.kind == Layer.Kind.INITIATIVES and selection.near:
        items.sort(key=lambda item: (item["distance"] is None, item["distance"] or 0))
    return {
        "slug": layer.slug,
        "name": layer.label,
        "kind": layer.kind,
        "colour": layer.colour,
        "items": items,
        "more": max(0, len(items) - LIST_LIMIT),
        "limit": LIST_LIMIT,
        "scale": scale(data["features"]) if layer.kind == Layer.Kind.CHOROPLETH else [],
        "outside_label": outside_label(params),
        "unplaced": data.get("unplaced", 0),  # posts of initiatives with no point (features.posts)
    }


def build(layers, shown, params, selection):
    """The groups of the shown layers, in the layers' order, and the number of distinct initiatives
    they list (an initiative on two layers counts once; the posts layer counts the initiatives that
    post)."""
    version = fingerprint()
    ordered = sorted((layer for layer in layers if layer.slug in shown), key=list_rank)
    groups = [group(layer, params, selection, version) for layer in ordered]
    initiatives = {
        item["url"] if g["kind"] == Layer.Kind.INITIATIVES else item["initiative_url"]
        for g in groups
        if g["kind"] in (Layer.Kind.INITIATIVES, Layer.Kind.POSTS)
        for item in g["items"]
        if item.get("url")
    }
    return groups, len(initiatives)
