"""The options of a map view, typed once (as uMap does): the map page and the embeds read them from
the query string, the "Embed this map" builder writes them back, and tests round-trip them.

Query parameters (Catalan, like the directory's): districte, barri, capes (comma-separated layer
slugs), sector, familia, capa (repeatable), q, centre (lat,lon), zoom, alcada (pixels), controls
(0/1), llista (costat, sota, cap). The language is the URL's prefix.
"""

from dataclasses import dataclass, field

from django.http import QueryDict
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import override

from directori.models import District, EssFamily, LayerTag, Neighbourhood, Sector

from .models import Layer

LIST_MODES = ("costat", "sota", "cap")
BARCELONA = (41.3926, 2.1640)
DEFAULT_ZOOM = 12


@dataclass
class EmbedOptions:
    district: str = ""
    neighbourhood: str = ""
    layers: list = field(default_factory=list)
    sectors: list = field(default_factory=list)
    families: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    text: str = ""
    centre: tuple | None = None
    zoom: int | None = None
    height: int = 520
    controls: bool = True
    list_mode: str = "costat"
    language: str = "ca"
    preset: str = ""  # a saved MapEmbed's slug: its stable address stands for all the options

    # attribute -> (parameter, repeatable)
    PARAMS = {
        "district": ("districte", False),
        "neighbourhood": ("barri", False),
        "sectors": ("sector", True),
        "families": ("familia", True),
        "tags": ("capa", True),
        "text": ("q", False),
    }

    @classmethod
    def from_query(cls, params, language="ca"):
        """(options, errors): errors are messages for the parts that were wrong (and left out)."""
        options, errors = cls(language=language), []
        for name, (param, many) in cls.PARAMS.items():
            values = [v.strip() for v in params.getlist(param) if v.strip()]
            setattr(options, name, values if many else (values[0] if values else ""))
        options.text = options.text[:200]
        # "a,b" from a link, or one value per checkbox from the builder's form
        options.layers = [s.strip() for s in ",".join(params.getlist("capes")).split(",") if s.strip()]
        if params.get("centre"):
            try:
                lat, lon = (float(v) for v in params["centre"].split(","))
                if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                    raise ValueError
                options.centre = (lat, lon)
            except ValueError:
                errors.append(_("centre must be latitude,longitude in degrees"))
        for name, param, low, high in (("zoom", "zoom", 1, 19), ("height", "alcada", 200, 2000)):
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
        if params.get("controls") in ("0", "1"):
            options.controls = params["controls"] == "1"
        elif params.get("controls"):
            errors.append(_("controls must be 0 or 1"))
        if params.get("llista"):
            if params["llista"] in LIST_MODES:
                options.list_mode = params["llista"]
            else:
                errors.append(_("llista must be one of: %(modes)s") % {"modes": ", ".join(LIST_MODES)})
        errors += options._unknown()
        return options, errors

    def _unknown(self):
        """Drop slugs that name nothing, saying which."""
        errors = []
        checks = [
            ("district", District, "districte"),
            ("neighbourhood", Neighbourhood, "barri"),
            ("layers", Layer, "capes"),
            ("sectors", Sector, "sector"),
            ("families", EssFamily, "familia"),
            ("tags", LayerTag, "capa"),
        ]
        for name, model, param in checks:
            value = getattr(self, name)
            wanted = value if isinstance(value, list) else [value] if value else []
            known = set(model.objects.filter(slug__in=wanted).values_list("slug", flat=True))
            for slug in wanted:
                if slug not in known:
                    errors.append(_("%(param)s: “%(slug)s” does not exist") % {"param": param, "slug": slug})
            kept = [s for s in wanted if s in known]
            setattr(self, name, kept if isinstance(value, list) else (kept[0] if kept else ""))
        return errors

    def filter_params(self):
        """The directory's filter parameters, for the layers' GeoJSON and the list."""
        query = QueryDict(mutable=True)
        for name, (param, many) in self.PARAMS.items():
            value = getattr(self, name)
            if many:
                query.setlist(param, value)
            elif value:
                query[param] = value
        return query

    def to_query(self):
        query = self.filter_params()
        if self.layers:
            query["capes"] = ",".join(self.layers)
        if self.centre:
            query["centre"] = f"{self.centre[0]:.5f},{self.centre[1]:.5f}"
        defaults = EmbedOptions()
        for name, param in (("zoom", "zoom"), ("height", "alcada")):
            if getattr(self, name) not in (None, getattr(defaults, name)):
                query[param] = str(getattr(self, name))
        if not self.controls:
            query["controls"] = "0"
        if self.list_mode != defaults.list_mode:
            query["llista"] = self.list_mode
        return query.urlencode(safe=",")

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
            _("Map of the social and solidarity economy"),
            self.height,
        )
