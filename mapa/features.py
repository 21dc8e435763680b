"""GeoJSON of each layer kind, built with a fixed number of queries whatever the size (values lists,
no per-row lookups), coordinates rounded to 5 decimals (about a metre) and boundaries simplified, so a
district office's embed stays light. Only live data: `Initiative.objects.live()` and live pages.

With an area in the parameters (`districte` or `barri`), every layer is limited to it here, in one
place, so a district office's map shows its district and nothing else: initiatives through the
directory's selection, boundaries and the choropleth through the areas' own relations, housing links
by their housing project (a provider elsewhere is kept, marked `outside`), poles and project places by
their geometry."""

import math
from dataclasses import dataclass
from functools import cached_property

from django.db.models import Count
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _

import shapely
import shapely.geometry
from shapely.geometry import mapping

from core.collation import Collated, sort_key
from core.language import current_language
from directori.models import District, EssFamily, Initiative, LayerTag, Neighbourhood, Sector
from directori.selection import Selection
from intercoop.models import Post
from sectors.models import ProjectLocation, TractorProjectPage

from .models import SELECTION_SLUG, EconomicPole, HousingServiceLink, Layer

PRECISION = 5
SIMPLIFY = 0.00005  # degrees, about 5 m: invisible at city zoom, a fraction of the size
# Open Data BCN's district and neighbourhood files disagree along shared edges by a few metres, so a
# shape from one district overlaps the next by a sliver; a shape touches an area only if it reaches
# further in than this (degrees, about 20 m).
SLIVER = 0.0002
# The URL parameter, and the area endpoint's kind, of each sort of area: named, never inferred, so a
# kind that is neither is refused rather than read as a neighbourhood.
AREA_MODELS = {"districte": District, "barri": Neighbourhood}
AREA_PARAMS = tuple(AREA_MODELS)
SERVICE_PARAM = "servei"  # the housing layer's filter: the slugs of housing services (LayerTag)


class BadParameter(ValueError):
    """A parameter the visitor can fix; answered with 400 and its message."""


def parse_bbox(value):
    """ "minlon,minlat,maxlon,maxlat" → tuple of floats, or None when absent."""
    if not value:
        return None
    try:
        west, south, east, north = (float(v) for v in value.split(","))
    except ValueError:
        raise BadParameter(_("bbox must be four numbers: west,south,east,north")) from None
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise BadParameter(_("bbox must go from west to east and from south to north, in degrees"))
    return west, south, east, north


GRID = 0.01  # degrees, about 1 km: a box is widened to these lines, so nearby boxes share a document


def snap_bbox(bbox):
    """The box widened outwards to the grid (within the world), or None."""
    if bbox is None:
        return None
    west, south, east, north = bbox
    return (
        max(-180.0, math.floor(west / GRID + 1e-9) * GRID),
        max(-90.0, math.floor(south / GRID + 1e-9) * GRID),
        min(180.0, math.ceil(east / GRID - 1e-9) * GRID),
        min(90.0, math.ceil(north / GRID - 1e-9) * GRID),
    )


def within(features, bbox):
    """The features whose geometry touches the box (points inside it, shapes whose bounds meet it)."""
    west, south, east, north = bbox
    kept = []
    for feature in features:
        geometry = feature["geometry"]
        if geometry is None:
            continue
        if geometry["type"] == "Point":
            lon, lat = geometry["coordinates"]
            bounds = (lon, lat, lon, lat)
        else:
            bounds = shapely.bounds(shapely.geometry.shape(geometry))
        if bounds[0] <= east and bounds[2] >= west and bounds[1] <= north and bounds[3] >= south:
            kept.append(feature)
    return kept


def area_params(params):
    """Only the area's parameters: what the layers that are not of initiatives are read with (the
    other filters choose initiatives, not boundaries or housing links)."""
    query = QueryDict(mutable=True)
    for key in AREA_PARAMS:
        for value in params.getlist(key):
            query.appendlist(key, value)
    return query


@dataclass(frozen=True)
class Area:
    """The place a map is limited to: the neighbourhoods asked for (`barri`), else the districts
    (`districte`); the neighbourhood wins when both are given, as in the embed's options."""

    kind: str  # "barri" or "districte"
    district_ids: frozenset
    neighbourhood_ids: frozenset
    geometry: object

    @classmethod
    def from_params(cls, params):
        """The area of the parameters, or None for the whole city (unknown slugs are left out, as
        the selection does; the views answer them with 400 first)."""
        selected = Selection.from_params(params).selected
        if selected["barri"]:
            places = list(Neighbourhood.objects.filter(slug__in=selected["barri"]))
            districts = {n.district_id for n in places}
            neighbourhoods = {n.pk for n in places}
            kind = "barri"
        elif selected["districte"]:
            places = list(District.objects.filter(slug__in=selected["districte"]))
            districts = {d.pk for d in places}
            neighbourhoods = set(
                Neighbourhood.objects.filter(district__in=districts).values_list("pk", flat=True)
            )
            kind = "districte"
        else:
            return None
        geometry = shapely.union_all([place.geometry for place in places])
        shapely.prepare(geometry)
        return cls(kind, frozenset(districts), frozenset(neighbourhoods), geometry)

    def holds(self, district_id, neighbourhood_id):
        """Whether an initiative placed in that district and neighbourhood is in the area (by its
        placement, as the directory counts it)."""
        if self.kind == "barri":
            return neighbourhood_id in self.neighbourhood_ids
        return district_id in self.district_ids

    def placed_filter(self, prefix):
        """The same test as a queryset filter on the initiative at `prefix`."""
        if self.kind == "barri":
            return {f"{prefix}__neighbourhood__in": self.neighbourhood_ids}
        return {f"{prefix}__district__in": self.district_ids}

    def covers(self, lon, lat):
        return self.geometry.covers(shapely.Point(lon, lat))

    @cached_property
    def core(self):
        """The area without a sliver along its edge (see SLIVER)."""
        core = self.geometry.buffer(-SLIVER)
        shapely.prepare(core)
        return core

    def touches(self, geometry):
        """Whether a shape reaches into the area further than the boundary files' disagreement."""
        return self.core.intersects(geometry)

    @cached_property
    def margin(self):
        """The area with the boundary files' disagreement around it (see SLIVER)."""
        margin = self.geometry.buffer(SLIVER)
        shapely.prepare(margin)
        return margin

    def clip(self, geometry):
        """The part of a polygon inside the area (a neighbourhood's district, a pole across the
        edge), or the polygon itself when it lies inside already; None when nothing is left."""
        if self.margin.covers(geometry):
            return geometry
        parts = shapely.get_parts(shapely.intersection(geometry, self.geometry))
        kept = [part for part in parts if part.geom_type in ("Polygon", "MultiPolygon") and part.area > 0]
        return shapely.union_all(kept) if kept else None


def point(lon, lat):
    return {"type": "Point", "coordinates": [round(lon, PRECISION), round(lat, PRECISION)]}


def shape(geometry):
    simplified = shapely.set_precision(geometry.simplify(SIMPLIFY, preserve_topology=True), 10**-PRECISION)
    return mapping(simplified)


def initiative_url_prefix():
    """The initiative pages' URL up to the slug: reversed once per document, not once per feature."""
    return reverse("directori:initiative", kwargs={"slug": "x"}).removesuffix("x/")


def collection(layer, features):
    return {"type": "FeatureCollection", "name": layer.label, "kind": layer.kind, "features": features}


class SelectionLayer:
    """The visitor's selection (the directory's parameters) drawn as a layer of its own, "La teva
    selecció": every initiative the directory lists for the same URL, unlocated ones with a null
    geometry (as in the GeoJSON export), so the two always count the same. Not kept in the database:
    it exists for every URL."""

    slug = SELECTION_SLUG
    kind = Layer.Kind.INITIATIVES
    colour = "#d84315"  # deep orange: no seeded layer or sector table uses it
    icon = ""
    shown_by_default = False
    located_only = False

    @property
    def label(self):
        return _("Your selection")

    def restrict(self, rows):
        return rows


SELECTION = SelectionLayer()


def initiatives(layer, params, area):
    """The area, like every other filter, is part of the directory's selection (`area` is None)."""
    rows = layer.restrict(Selection.from_params(params).initiatives())
    if layer.located_only:
        rows = rows.filter(latitude__isnull=False, longitude__isnull=False)
    families = {f.pk: f.label for f in EssFamily.objects.all()}
    sectors = sectors_of(rows)
    prefix = initiative_url_prefix()
    features = [
        {
            "type": "Feature",
            "geometry": point(lon, lat) if lat is not None and lon is not None else None,
            "properties": {
                "name": name,
                "url": f"{prefix}{slug}/",
                "family": families.get(family_id, ""),
                "sectors": sectors.get(pk, []),
                "address": address,
            },
        }
        for pk, slug, name, lon, lat, family_id, address in rows.distinct()
        .order_by(Collated("name"), "pk")
        .values_list("pk", "slug", "name", "longitude", "latitude", "family_id", "address")
    ]
    return collection(layer, features)


def sectors_of(rows):
    """{initiative id: [sector names in the visitor's language]} for the rows, in two queries: a
    result's sector is what tells a visitor that it sells food or mends bikes."""
    names = {s.pk: s.label for s in Sector.objects.all()}
    through = Initiative.sectors.through
    found = {}
    for initiative_id, sector_id in through.objects.filter(initiative_id__in=rows.values("pk")).values_list(
        "initiative_id", "sector_id"
    ):
        found.setdefault(initiative_id, []).append(names[sector_id])
    return {pk: sorted(values, key=sort_key) for pk, values in found.items()}


def areas(layer, params, area, model):
    """The district's outline and its neighbourhoods; for a neighbourhood, it and its district's
    outline cut to it."""
    places = model.objects.order_by("code")
    if area is not None:
        places = places.filter(pk__in=area.district_ids if model is District else area.neighbourhood_ids)
    features = [
        {
            "type": "Feature",
            "geometry": shape(geometry),
            "properties": {"name": place.label, "code": place.code, "url": area_url(model, place.slug)},
        }
        for place in places
        if (geometry := clipped(place.geometry, area)) is not None
    ]
    return collection(layer, features)


def clipped(geometry, area):
    """A polygon limited to the area, if there is one (Area.clip)."""
    return geometry if area is None else area.clip(geometry)


def area_kind(place):
    """The area endpoint's kind of a district or a neighbourhood (AREA_MODELS)."""
    return next(kind for kind, model in AREA_MODELS.items() if isinstance(place, model))


def unknown_services(params):
    """The `servei` values that name no housing service, as "servei=<slug>": the housing layer's
    document and list answer them with 400, as the directory's filters that match nothing."""
    services = params.getlist(SERVICE_PARAM)
    known = set(
        LayerTag.objects.filter(slug__in=services, group=LayerTag.Group.HOUSING).values_list(
            "slug", flat=True
        )
    )
    return [f"{SERVICE_PARAM}={slug}" for slug in services if slug not in known]


def area_url(model, slug):
    name = "directori:district" if model is District else "directori:neighbourhood"
    return reverse(name, kwargs={"slug": slug})


def choropleth(layer, params, area):
    """Live initiatives per 1,000 inhabitants in each district (null where the population is not
    loaded); with an area, its district only, cut to the area."""
    counts = dict(
        Initiative.objects.live()
        .exclude(district=None)
        .values_list("district_id")
        .annotate(n=Count("pk"))
        .values_list("district_id", "n")
    )
    districts = District.objects.order_by("code")
    if area is not None:
        districts = districts.filter(pk__in=area.district_ids)
    features = []
    for district in districts:
        count = counts.get(district.pk, 0)
        geometry = clipped(district.geometry, area)
        if geometry is None:
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": shape(geometry),
                "properties": {
                    "name": district.name,
                    "code": district.code,
                    "url": area_url(District, district.slug),
                    "initiatives": count,
                    "population": district.population,
                    "per_thousand": district.per_thousand(count),
                },
            }
        )
    return collection(layer, features)


def poles(layer, params, area):
    """Accepted poles; with an area, those that reach into it, cut to it."""
    features = []
    accepted = (
        EconomicPole.objects.filter(status=EconomicPole.Status.ACCEPTED)
        .select_related("district")
        .prefetch_related("neighbourhoods")
        .order_by("district__code", Collated("name"))
    )
    member_counts = dict(
        EconomicPole.members.through.objects.filter(economicpole__in=accepted, initiative__live=True)
        .values_list("economicpole_id")
        .annotate(n=Count("pk"))
        .values_list("economicpole_id", "n")
    )
    for pole in accepted:
        geometry = pole.shape()
        if geometry is None:
            continue  # neither drawn nor given as neighbourhoods yet
        if area is not None and not area.touches(geometry):
            continue
        geometry = clipped(geometry, area)
        if geometry is None:
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": shape(geometry),
                "properties": {
                    "name": pole.name,
                    "district": pole.district.name,
                    "description": pole.description,
                    "members": member_counts.get(pole.pk, 0),
                },
            }
        )
    return collection(layer, features)


def housing(layer, params, area):
    """Lines from each provider to the housing project it serves, and the points they join (with their
    role: housing or provider); filterable by service (`servei`). With an area, the links of the
    housing projects in it; a provider from elsewhere is kept (the link is what the area has) and
    marked `outside`, on its line and its point, for the map to draw it faded and the list to say so."""
    links = (
        HousingServiceLink.objects.filter(housing__live=True, provider__live=True)
        .exclude(housing__latitude=None)
        .exclude(provider__latitude=None)
    )
    wanted = [t.pk for t in layer.tags.all()]
    if wanted:
        links = links.filter(service__in=wanted)
    if params.get(SERVICE_PARAM):
        links = links.filter(service__slug__in=params.getlist(SERVICE_PARAM))
    if area is not None:
        links = links.filter(**area.placed_filter("housing"))
    services = {t.pk: (t.slug, t.label) for t in layer.tags.model.objects.all()}
    prefix = initiative_url_prefix()
    features, points = [], {}
    for (
        service_id,
        h_name,
        h_slug,
        h_lon,
        h_lat,
        p_name,
        p_slug,
        p_lon,
        p_lat,
        p_district,
        p_neighbourhood,
    ) in links.order_by("pk").values_list(
        "service_id",
        "housing__name",
        "housing__slug",
        "housing__longitude",
        "housing__latitude",
        "provider__name",
        "provider__slug",
        "provider__longitude",
        "provider__latitude",
        "provider__district_id",
        "provider__neighbourhood_id",
    ):
        slug, label = services[service_id]
        outside = {"outside": True} if area and not area.holds(p_district, p_neighbourhood) else {}
        features.append(
            {
                "type": "Feature",
                "geometry": {
                    "type": "LineString",
                    "coordinates": [point(p_lon, p_lat)["coordinates"], point(h_lon, h_lat)["coordinates"]],
                },
                "properties": {
                    "service": slug,
                    "service_label": label,
                    "provider": p_name,
                    "provider_url": f"{prefix}{p_slug}/",
                    "housing": h_name,
                    "housing_url": f"{prefix}{h_slug}/",
                    **outside,
                },
            }
        )
        for role, name, slug, lon, lat, marks in (
            ("housing", h_name, h_slug, h_lon, h_lat, {}),
            ("provider", p_name, p_slug, p_lon, p_lat, outside),
        ):
            points.setdefault(
                (role, slug),
                {
                    "type": "Feature",
                    "geometry": point(lon, lat),
                    "properties": {"role": role, "name": name, "url": f"{prefix}{slug}/", **marks},
                },
            )
    features += points.values()
    return collection(layer, features)


def projects(layer, params, area):
    """The places of live tractor projects; with an area, the places in it."""
    live = TractorProjectPage.objects.live().filter(locale__language_code=current_language())
    pages = {p.pk: p for p in live}
    features = [
        {
            "type": "Feature",
            "geometry": point(place.longitude, place.latitude),
            "properties": {
                "name": pages[place.page_id].title,
                "place": place.name,
                "status": pages[place.page_id].get_status_display(),
                "completion": pages[place.page_id].completion,
                "url": pages[place.page_id].url,
            },
        }
        for place in ProjectLocation.objects.filter(page__in=list(pages)).order_by(
            Collated("page__title"), "sort_order"
        )
        if area is None or area.covers(place.longitude, place.latitude)
    ]
    return collection(layer, features)


def posts(layer, params, area):
    """Listed offers and needs at their initiative's point (intercoop: the bank of collaborations);
    with an area, those of initiatives placed in it. Posts whose initiative has no point cannot be
    drawn: they are counted (`unplaced`), so the list beside the map can say so."""
    rows = Post.objects.listed()
    if area is not None:
        rows = rows.filter(**area.placed_filter("initiative"))
    directions, kinds = dict(Post.Direction.choices), dict(Post.Kind.choices)
    prefix = reverse("intercoop:post", kwargs={"slug": "x"}).removesuffix("x/")
    initiative_prefix = initiative_url_prefix()
    features, unplaced = [], 0
    for slug, title, direction, kind, name, initiative_slug, lon, lat in rows.order_by(
        "-created_at", "pk"
    ).values_list(
        "slug",
        "title",
        "direction",
        "kind",
        "initiative__name",
        "initiative__slug",
        "initiative__longitude",
        "initiative__latitude",
    ):
        if lat is None or lon is None:
            unplaced += 1
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": point(lon, lat),
                "properties": {
                    "name": title,
                    "url": f"{prefix}{slug}/",
                    "direction": direction,
                    "post": f"{directions[direction]} · {kinds[kind]}",
                    "initiative": name,
                    "initiative_url": f"{initiative_prefix}{initiative_slug}/",  # counted once on the map
                },
            }
        )
    return {**collection(layer, features), "unplaced": unplaced}


BUILDERS = {
    Layer.Kind.INITIATIVES: initiatives,
    Layer.Kind.POLES: poles,
    Layer.Kind.HOUSING: housing,
    Layer.Kind.PROJECTS: projects,
    Layer.Kind.DISTRICTS: lambda layer, params, area: areas(layer, params, area, District),
    Layer.Kind.NEIGHBOURHOODS: lambda layer, params, area: areas(layer, params, area, Neighbourhood),
    Layer.Kind.CHOROPLETH: choropleth,
    Layer.Kind.POSTS: posts,
}


def layer_geojson(layer, params):
    # initiatives keep to the area through the selection, which reads the parameters itself
    area = None if layer.kind == Layer.Kind.INITIATIVES else Area.from_params(params)
    return BUILDERS[layer.kind](layer, params, area)
