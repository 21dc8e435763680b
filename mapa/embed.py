"""The options of a map view, typed once (as uMap does): the map page and the embeds read them from
the query string, the "Embed this map" builders write them back through the mapa:embed_code endpoint
(the view's parameters through core.embed_params, which pages outside mapa use too), and tests
round-trip them.

Query parameters (Catalan, like the directory's): the directory's selection (directori.selection:
q, sector, familia, districte, barri, capa, a_prop, radi), capes (comma-separated layer slugs), centre
(lat,lon), zoom, zoom_min, zoom_max, alcada (the iframe's height in the code), controls (0/1), llista
(costat, sota, cap),
limita (0/1: keep the view on the area, on by default). The language is the URL's prefix.
"""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import override

from core.catalan import contract
from core.embed_params import DEFAULT_HEIGHT, DEFAULT_LIST_MODE, LIST_MODES, view_params
from directori.models import District, Neighbourhood
from directori.selection import FILTERS, Selection

from .models import SELECTION_SLUG, Layer

BARCELONA = (41.3926, 2.1640)
DEFAULT_ZOOM = 12


@dataclass
class EmbedOptions:
    selection: Selection = field(default_factory=Selection)
    layers: list = field(default_factory=list)
    centre: tuple | None = None
    zoom: int | None = None
    height: int = DEFAULT_HEIGHT
    controls: bool = True
    list_mode: str = DEFAULT_LIST_MODE
    lock: bool = True  # with an area: the view cannot leave it (bounds and minimum zoom)
    min_zoom: int | None = None
    max_zoom: int | None = None
    language: str = "ca"
    preset: str = ""  # a saved MapEmbed's slug: its stable address stands for all the options

    @property
    def district(self):
        return next(iter(self.selection.selected["districte"]), "")

    @property
    def neighbourhood(self):
        return next(iter(self.selection.selected["barri"]), "")

    def area(self):
        """The district or neighbourhood the embed shows (the neighbourhood when both are given), or None."""
        if self.neighbourhood:
            return Neighbourhood.objects.filter(slug=self.neighbourhood).first()
        if self.district:
            return District.objects.filter(slug=self.district).first()
        return None

    def shown_layers(self, layers):
        """The slugs of `layers` the embed shows: the chosen ones; without a choice, the selection (when
        there is one) and the layers shown by default, less the default initiative layers, which would
        repeat it. One rule for the map and for the builder's checkboxes."""
        if self.layers:
            return set(self.layers)
        if self.selection:
            return {SELECTION_SLUG} | {
                layer.slug
                for layer in layers
                if layer.shown_by_default and layer.kind != Layer.Kind.INITIATIVES
            }
        return {layer.slug for layer in layers if layer.shown_by_default}

    def keep_neighbourhood_in_district(self):
        """A neighbourhood outside the chosen district would leave the embed empty: the builders
        leave it out of the code they write (the district stays) and name it. Links are read as they
        are, as the directory reads them, so every view of one address counts the same."""
        if not (self.district and self.neighbourhood):
            return []
        place = Neighbourhood.objects.select_related("district").only("name", "district__slug")
        place = place.filter(slug=self.neighbourhood).first()
        if place is None or place.district.slug in self.selection.selected["districte"]:
            return []
        self.selection.selected["barri"] = []
        return [
            _("barri: “%(neighbourhood)s” is not in the district “%(district)s”")
            % {"neighbourhood": place.name, "district": self.district}
        ]

    def title(self, area=None):
        """The embed's own name, e.g. "Mapa de l'ESS a Gràcia", for its iframe, oEmbed and previews."""
        area = area or self.area()
        with override(self.language):
            if area is None:
                return _("Map of the social and solidarity economy")
            title = _("Map of the SSE in %(area)s") % {"area": area.name}
        return contract(title) if self.language == "ca" else title  # "a el Raval" is "al Raval"

    @classmethod
    def from_query(cls, params, language="ca"):
        """(options, errors): errors are messages for the parts that were wrong (and left out)."""
        options, errors = cls(selection=Selection.from_params(params), language=language), []
        for item in options.selection.ignored:
            param, _sep, value = item.partition("=")
            if param in FILTERS:
                errors.append(_("%(param)s: “%(slug)s” does not exist") % {"param": param, "slug": value})
            else:
                errors.append(_("%(param)s: “%(value)s” is not valid") % {"param": param, "value": value})
        # "a,b" from a link, or one value per checkbox from the builder's form
        wanted = [s.strip() for s in ",".join(params.getlist("capes")).split(",") if s.strip()]
        known = set(Layer.objects.filter(slug__in=wanted).values_list("slug", flat=True)) | {SELECTION_SLUG}
        options.layers = [s for s in dict.fromkeys(wanted) if s in known]
        errors += [
            _("%(param)s: “%(slug)s” does not exist") % {"param": "capes", "slug": s}
            for s in wanted
            if s not in known
        ]
        if params.get("centre"):
            try:
                lat, lon = (float(v) for v in params["centre"].split(","))
                if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                    raise ValueError
                options.centre = (lat, lon)
            except ValueError:
                errors.append(_("centre must be latitude,longitude in degrees"))
        for name, param, low, high in (
            ("zoom", "zoom", 1, 19),
            ("min_zoom", "zoom_min", 1, 19),
            ("max_zoom", "zoom_max", 1, 19),
            ("height", "alcada", 200, 2000),
        ):
            if params.get(param):
                try:
                    value = int(params[param])
                    if not low <= value <= high:
                        raise ValueError
                    setattr(options, name, value)
                except ValueError:
                    errors.append(
                        _("%(param)s must be a whole number from %(low)s to %(high)s")
                        % {"param": param, "low": low, "high": high}
                    )
        if options.min_zoom and options.max_zoom and options.min_zoom > options.max_zoom:
            errors.append(_("zoom_min cannot be above zoom_max"))
            options.min_zoom = options.max_zoom = None
        for name, param in (("controls", "controls"), ("lock", "limita")):
            if params.get(param) in ("0", "1"):
                setattr(options, name, params[param] == "1")
            elif params.get(param):
                errors.append(_("%(param)s must be 0 or 1") % {"param": param})
        if params.get("llista"):
            if params["llista"] in LIST_MODES:
                options.list_mode = params["llista"]
            else:
                errors.append(_("llista must be one of: %(modes)s") % {"modes": ", ".join(LIST_MODES)})
        return options, errors

    def to_query(self):
        """The query string: the selection's parameters, then the view's own (core.embed_params)."""
        extra = view_params(
            self.layers,
            self.centre,
            self.zoom,
            self.min_zoom,
            self.max_zoom,
            self.height,
            self.controls,
            self.lock,
            self.list_mode,
        )
        return self.selection.query_string(sort=False, extra=extra)

    def url(self):
        with override(self.language):
            if self.preset:
                return reverse("mapa:embed_preset", kwargs={"slug": self.preset})
            path = reverse("mapa:embed")
        query = self.to_query()
        return f"{path}?{query}" if query else path

    def iframe(self, origin):
        return format_html(
            '<iframe src="{}{}" title="{}" width="100%" height="{}" style="border:0" loading="lazy"></iframe>',
            origin,
            self.url(),
            self.title(),
            self.height,
        )
