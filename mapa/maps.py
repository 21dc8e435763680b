"""The map page and the embeds, from one `EmbedOptions`: folium draws the base map (Leaflet and the
tiles, from local files and `TILES_URL`); mapa/static/mapa/map.js loads each layer's GeoJSON by URL,
clusters points, builds popups as text (never HTML from data), and keeps the list beside the map in
step. No feature is inlined in the page, and the list is rendered on the server, so it reads without
JavaScript or tiles."""

from django.conf import settings
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

import folium
import shapely
from folium.plugins import MarkerCluster

from directori.models import District

from . import listing
from .embed import BARCELONA, DEFAULT_ZOOM
from .features import SELECTION, area_kind
from .models import Layer


def use_local_assets():
    """Point folium at our static files, once at start-up (these are class-level lists)."""
    base = settings.STATIC_URL
    folium.Map.default_js = [("leaflet", f"{base}vendor/leaflet/leaflet.js")]
    folium.Map.default_css = [("leaflet_css", f"{base}vendor/leaflet/leaflet.css")]
    MarkerCluster.default_js = [
        ("markerclusterjs", f"{base}vendor/leaflet-markercluster/leaflet.markercluster.js")
    ]
    MarkerCluster.default_css = [
        ("markerclustercss", f"{base}vendor/leaflet-markercluster/MarkerCluster.css"),
        ("markerclusterdefaultcss", f"{base}vendor/leaflet-markercluster/MarkerCluster.Default.css"),
    ]


def assets():
    """(scripts, stylesheets) the map needs, as folium lists them."""
    js = [url for _, url in folium.Map.default_js + MarkerCluster.default_js]
    css = [url for _, url in folium.Map.default_css + MarkerCluster.default_css]
    return js, css


def city_bounds():
    """[west, south, east, north] of all the districts, for a first view that fits the whole city on
    any screen; None before the boundaries are loaded."""
    parts = [shapely.bounds(d.geometry) for d in District.objects.only("geometry")]
    if not parts:
        return None
    return [
        min(p[0] for p in parts),
        min(p[1] for p in parts),
        max(p[2] for p in parts),
        max(p[3] for p in parts),
    ]


def map_context(request, options):
    """Everything a map template needs: folium's div and script, the layers, the list, the legend."""
    area = options.area()
    centre = options.centre or BARCELONA
    m = folium.Map(
        location=list(centre),
        zoom_start=options.zoom or DEFAULT_ZOOM,
        tiles=None,
        control_scale=False,  # map.js adds a metric-only scale; folium's shows miles and feet too
        zoom_control=options.controls,
    )
    folium.TileLayer(tiles=settings.TILES_URL, attr=settings.TILES_ATTRIBUTION, control=False).add_to(m)
    root = m.get_root()
    root.render()
    selection = options.selection
    layers = list(Layer.objects.prefetch_related("sectors", "families", "tags"))
    if selection or SELECTION.slug in options.layers:
        layers.insert(0, SELECTION)
    shown = options.shown_layers(layers)
    params = QueryDict(selection.query_string(sort=False))
    groups, listed_total = listing.build(layers, shown, params, selection)
    scales = {g["slug"]: g["scale"] for g in groups}
    js, css = assets()
    fit = list(shapely.bounds(area.geometry)) if area is not None else None
    if fit is None and not (options.centre or options.zoom):
        fit = city_bounds()
    config = {
        "map": m.get_name(),
        "fit": fit,
        "area": reverse(
            "mapa:area",
            kwargs={
                "kind": area_kind(area),
                "slug": area.slug,
            },
        )
        if area
        else None,
        "fitToArea": fit is not None and not options.centre,
        # with an area and `limita`, the view stays on it: bounds with a margin and the zoom that fits it
        "lock": options.lock and area is not None,
        "minZoom": options.min_zoom,
        "maxZoom": options.max_zoom,
        "controls": options.controls,
        "query": params.urlencode(),
        "near": list(selection.near) if selection.near else None,
        "radius": selection.radius,
        "layers": [
            {
                "slug": layer.slug,
                "name": layer.label,
                "kind": layer.kind,
                "colour": layer.colour,
                "url": reverse("mapa:layer", kwargs={"slug": layer.slug}),
                # what its document and its list are read with: the filters, or the area alone
                "query": listing.layer_params(layer, params).urlencode(),
                "list": reverse("mapa:layer_list", kwargs={"slug": layer.slug}),
                "shown": layer.slug in shown,
                "group": listing.control_group(layer),
                "rank": listing.list_rank(layer),
                "scale": scales.get(layer.slug)
                or (
                    listing.group(layer, params, selection)["scale"]
                    if layer.kind == Layer.Kind.CHOROPLETH
                    else []
                ),
            }
            for layer in layers
            if options.controls or layer.slug in shown
        ],
        "labels": {
            "open": _("Open its page"),
            "inView": _("%(count)s in this view of the map"),
            "zoomIn": _("Zoom in"),
            "zoomOut": _("Zoom out"),
            "layers": _("Layers"),
            "sectorLayers": _("Sectors"),
            "themeLayers": _("Map themes"),
            "close": _("Close"),
            "leaflet": _("A JavaScript library for interactive maps"),
            # every language of the site has one singular and one plural form
            "clusterOne": ngettext("%(count)s initiative", "%(count)s initiatives", 1),
            "clusterMany": ngettext("%(count)s initiative", "%(count)s initiatives", 2),
            "youAreHere": _("You are here"),
            "outside": listing.outside_label(params),
        },
    }
    return {
        "map_div": root.html.render(),
        "map_script": root.script.render(),
        "map_js": js,
        "map_css": css,
        "map_config": config,
        "options": options,
        "area": area,
        "groups": groups,
        "listed_total": listed_total,
        "list_limit": listing.LIST_LIMIT,
        "directory_url": selection.directory_url,
        "selection": selection,
    }
