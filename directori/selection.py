"""The selection: what a visitor asks the directory for, read from a URL once and written back to URLs
by the same code. The directory, the map page and its list, the initiative layers' GeoJSON, the
embeds, the exports and the API all take one `Selection`, so the same URL gives the same initiatives
everywhere.

Parameters (Catalan, like every public URL): `q` (text), `sector`, `familia`, `districte`, `barri`,
`capa` (slugs; several values of one parameter mean "any of them", different parameters combine with
"and"), `a_prop=<lat>,<lon>` (a point: results sorted by distance from it, which is printed), `radi`
(metres from that point), `ordre` (nom, recents, distancia).
"""

import math
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django.db.models import Count, ExpressionWrapper, F, FloatField
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.collation import Collated, sorted_by_name
from core.facets import build_facet
from core.text import SPLITTERS, fold

from .models import District, EssFamily, Initiative, LayerTag, Neighbourhood, Sector
from .needs import ARTICLES, NEAR, interpret

MAX_QUERY_LENGTH = 200


@dataclass(frozen=True)
class Filter:
    field: str
    model: type
    label: str
    many: bool = False  # a many-to-many field: filter through its link table, without duplicates


FILTERS = {
    "sector": Filter("sectors", Sector, _("Sector"), many=True),
    "familia": Filter("family", EssFamily, _("Kind of organisation")),
    "districte": Filter("district", District, _("District")),
    "barri": Filter("neighbourhood", Neighbourhood, _("Neighbourhood")),
    "capa": Filter("tags", LayerTag, _("Map layer"), many=True),
}
SORTS = {
    "nom": (Collated("name"), _("Name (A to Z)")),  # as the visitor's language sorts
    "recents": ("-created_at", _("Newest first")),
    "distancia": ("distance", _("Nearest first")),  # only with a_prop
}
DEFAULT_SORT = "nom"
RADII = (500, 1000, 2000)  # what the forms offer; any whole number up to MAX_RADIUS is accepted
MAX_RADIUS = 50_000
# Metres per degree: of latitude, and of longitude at the equator (a sphere of the mean radius). Over a
# city an equirectangular distance is within a few metres of the great-circle one and needs only
# arithmetic, which SQLite and PostgreSQL both do in SQL.
METRES_PER_DEGREE = 111_195


def _near(value):
    """ "lat,lon" → (lat, lon) in degrees, or None where it is not that."""
    try:
        lat, lon = (float(v) for v in value.split(","))
    except ValueError:
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or math.isnan(lat) or math.isnan(lon):
        return None
    return round(lat, 5), round(lon, 5)


def _radius(value):
    try:
        radius = int(value)
    except ValueError:
        return None
    return radius if 0 < radius <= MAX_RADIUS else None


def _without(text, names):
    """`text` without the place names given (each its first run of words, preferring one typed with
    a capital or after an article, as directori.needs reads places) and the article or "a prop de"
    words just before it; the rest as typed, so a word that is both a place and a need ("horta
    Horta") keeps its other use."""
    pieces = text.split()
    folded = [fold(SPLITTERS.sub(" ", piece)).split() for piece in pieces]
    leading = ARTICLES | set(NEAR) | {w for following in NEAR.values() for w in following} | {"a"}
    keep = [True] * len(pieces)
    for name in names:
        phrase = fold(SPLITTERS.sub(" ", name)).split()
        phrase = [w for w in phrase if w not in ARTICLES] or phrase
        runs = []
        for start in range(len(pieces)):
            words, end = [], start
            while end < len(pieces) and len(words) < len(phrase):
                words += folded[end]
                end += 1
            if words == phrase and all(keep[start:end]):
                marked = pieces[start][:1].isupper() or (start and set(folded[start - 1]) <= ARTICLES)
                runs.append((not marked, start, end))
        if runs:
            _, start, end = min(runs)
            keep[start:end] = [False] * (end - start)
            while start > 0 and keep[start - 1] and folded[start - 1] and set(folded[start - 1]) <= leading:
                start -= 1
                keep[start] = False
    return " ".join(piece for piece, kept in zip(pieces, keep, strict=True) if kept)


def distance_label(metres):
    """ "350 m", "1,2 km", "2 km" (in the language's decimal mark)."""
    from django.utils.formats import number_format

    if metres < 1000:
        return f"{round(metres / 10) * 10:.0f} m"
    kilometres = round(metres / 1000, 1)
    return f"{number_format(kilometres, 0 if kilometres.is_integer() else 1)} km"


@dataclass
class Selection:
    text: str = ""
    selected: dict = field(default_factory=lambda: {param: [] for param in FILTERS})
    near: tuple | None = None  # (lat, lon)
    radius: int | None = None  # metres from `near`
    sort: str = DEFAULT_SORT
    ignored: list = field(default_factory=list)  # "param=value" that match nothing, shown to the visitor
    # the neighbourhood of "a prop de <barri>", when the point came from the text (for labels only)
    near_name: str = field(default="", compare=False)
    # what directori.needs read in `text` (needs, free words), read once per selection
    _reading: object = field(default=None, compare=False, repr=False)

    @classmethod
    def from_params(cls, params):
        """Read a QueryDict; unknown slugs, sorts and malformed points are dropped (and listed in
        `ignored`), so a stale link still shows something."""
        selection = cls(text=params.get("q", "").strip()[:MAX_QUERY_LENGTH])
        for param, spec in FILTERS.items():
            wanted = list(dict.fromkeys(s.strip() for s in params.getlist(param) if s.strip()))
            known = (
                set(spec.model.objects.filter(slug__in=wanted).values_list("slug", flat=True))
                if wanted
                else set()
            )
            selection.selected[param] = [s for s in wanted if s in known]
            selection.ignored += [f"{param}={s}" for s in wanted if s not in known]
        selection._places_from_text()
        if value := params.get("a_prop", "").strip():
            selection.near = _near(value)
            if selection.near is None:
                selection.ignored.append(f"a_prop={value}")
        if value := params.get("radi", "").strip():
            selection.radius = _radius(value) if selection.near else None
            if selection.radius is None:
                selection.ignored.append(f"radi={value}")
        sort = params.get("ordre", "")
        if sort in SORTS and (sort != "distancia" or selection.near):
            selection.sort = sort
        elif sort:
            selection.ignored.append(f"ordre={sort}")
        if selection.near and not sort:
            selection.sort = "distancia"
        return selection

    def _places_from_text(self):
        """Districts and neighbourhoods named in the text become filters (shown as chips the visitor
        can remove), and "a prop de <barri>" that neighbourhood's centre as the point to sort from;
        their words leave the text, so "fruita Sants" is the need "fruita" in Sants."""
        if not self.text:
            return
        reading = self._reading = interpret(self.text)
        if not (reading.districts or reading.neighbourhoods or reading.near):
            return
        for param, slugs in (("districte", reading.districts), ("barri", reading.neighbourhoods)):
            self.selected[param] += [slug for slug in slugs if slug not in self.selected[param]]
        names = [reading.place_names[slug] for slug in (*reading.districts, *reading.neighbourhoods)]
        if reading.near:
            names.append(reading.place_names[reading.near])
            place = Neighbourhood.objects.filter(slug=reading.near).first()
            if place and not self.near:
                centre = place.geometry.centroid
                self.near, self.near_name = (round(centre.y, 5), round(centre.x, 5)), place.name
        self.text = _without(self.text, names)
        self._reading = None  # read again without the places (their words could have been needs)

    @classmethod
    def of(cls, **selected):
        """A selection of filters alone, e.g. `Selection.of(districte=["gracia"])` for a district page."""
        return cls(selected={param: list(selected.get(param, [])) for param in FILTERS})

    def __bool__(self):
        """Whether the visitor asked for anything at all."""
        return bool(self.text or self.near or any(self.selected.values()))

    def initiatives(self, skip=None):
        """Live initiatives matching every filter but `skip` (facet counts leave their own out)."""
        queryset = Initiative.objects.live()
        for param, slugs in self.selected.items():
            if not slugs or param == skip:
                continue
            spec = FILTERS[param]
            if spec.many:
                through = getattr(Initiative, spec.field).through
                target = next(
                    f.name for f in through._meta.get_fields() if f.name not in ("id", "initiative")
                )
                links = through.objects.filter(**{f"{target}__slug__in": slugs}).values("initiative_id")
                queryset = queryset.filter(pk__in=links)
            else:
                queryset = queryset.filter(**{f"{spec.field}__slug__in": slugs})
        if self.text:  # every word or need, in any of the three languages (directori.needs)
            queryset = queryset.filter(self.reading.q)
        if self.near and self.radius:
            lat, lon = self.near
            dlat = self.radius / METRES_PER_DEGREE
            dlon = dlat / max(math.cos(math.radians(lat)), 0.01)
            queryset = (
                queryset.filter(
                    latitude__range=(lat - dlat, lat + dlat), longitude__range=(lon - dlon, lon + dlon)
                )
                .alias(distance_squared=self._distance_squared())
                .filter(distance_squared__lte=self.radius**2)
            )
        return queryset

    @property
    def reading(self):
        if self._reading is None:
            self._reading = interpret(self.text)
        return self._reading

    def _distance_squared(self):
        """Square metres from `near`, as SQL arithmetic (no square root: SQLite may lack one)."""
        lat, lon = self.near
        across = METRES_PER_DEGREE * math.cos(math.radians(lat))
        return ExpressionWrapper(
            ((F("latitude") - lat) * METRES_PER_DEGREE) * ((F("latitude") - lat) * METRES_PER_DEGREE)
            + ((F("longitude") - lon) * across) * ((F("longitude") - lon) * across),
            output_field=FloatField(),
        )

    def results(self):
        """The matches in the chosen order, ready for a listing (each with `distance` in metres when
        the selection has a point: see `with_distances`)."""
        queryset = (
            self.initiatives()
            .select_related("family", "district", "neighbourhood")
            .defer("district__geometry", "neighbourhood__geometry")
            .prefetch_related("sectors")
        )
        if self.sort == "distancia":
            if "distance_squared" not in queryset.query.annotations:
                queryset = queryset.alias(distance_squared=self._distance_squared())
            return queryset.order_by(F("distance_squared").asc(nulls_last=True), Collated("name"), "pk")
        return queryset.order_by(SORTS[self.sort][0], "pk")

    def distance(self, lat, lon):
        """Metres from the selection's point to (lat, lon), the same measure as the SQL's; None
        without a point on either side."""
        if not self.near or lat is None or lon is None:
            return None
        across = METRES_PER_DEGREE * math.cos(math.radians(self.near[0]))
        return math.hypot((lat - self.near[0]) * METRES_PER_DEGREE, (lon - self.near[1]) * across)

    def with_distances(self, initiatives):
        """The initiatives given, each with `distance` (metres or None) and `distance_label`."""
        for initiative in initiatives:
            initiative.distance = self.distance(initiative.latitude, initiative.longitude)
            initiative.distance_label = (
                distance_label(initiative.distance) if initiative.distance is not None else ""
            )
        return initiatives

    def facets(self):
        """For each filter: its label and the terms that have results (or are chosen), with counts
        computed as if that filter alone were cleared, so a visitor sees what each choice would give."""
        facets = []
        for param, spec in FILTERS.items():
            counts = dict(
                self.initiatives(skip=param)
                .values_list(f"{spec.field}__slug")
                .annotate(n=Count("pk", distinct=True))
                .values_list(f"{spec.field}__slug", "n")
            )
            terms = spec.model.objects.all()
            if spec.model in (District, Neighbourhood):
                terms = terms.defer("geometry")
            options = [
                (t.slug, getattr(t, "label", t.name), counts.get(t.slug, 0), t.slug in self.selected[param])
                for t in terms
                if counts.get(t.slug) or t.slug in self.selected[param]
            ]
            if spec.model not in (District, Neighbourhood):  # areas keep their official order (codes)
                options = sorted_by_name(options, key=lambda option: option[1])
            # the first three open, and any with a chosen value: the rest stay a click away
            facets.append(build_facet(param, spec.label, options, multiple=True, open=len(facets) < 3))
        return facets

    def params(self, sort=True):
        """The selection as URL parameters, in a fixed order: every link that keeps it is written
        from here (`sort=False` leaves the order out, for outputs that have their own)."""
        pairs = [("q", self.text)] if self.text else []
        pairs += [(param, slug) for param, slugs in self.selected.items() for slug in slugs]
        if self.near:
            pairs.append(("a_prop", f"{self.near[0]},{self.near[1]}"))
            if self.radius:
                pairs.append(("radi", str(self.radius)))
        default = "distancia" if self.near else DEFAULT_SORT
        if sort and self.sort != default:  # the default is not written
            pairs.append(("ordre", self.sort))
        return pairs

    def query_string(self, sort=True, extra=()):
        """The parameters as a query string; `extra` pairs (a view's own options, such as an
        embed's layers and height) follow the selection's."""
        return urlencode([*self.params(sort=sort), *extra], safe=",")

    def url(self, view_name, sort=True, extra=(), **kwargs):
        """The address of `view_name` (e.g. "directori:index", "mapa:index", "mapa:embed") showing
        this selection."""
        path = reverse(view_name, kwargs=kwargs or None)
        query = self.query_string(sort=sort, extra=extra)
        return f"{path}?{query}" if query else path

    def changed(self, **changes):
        """A copy with some attributes replaced (`selected` given whole or per parameter)."""
        selected = {param: list(slugs) for param, slugs in self.selected.items()}
        selected.update(changes.pop("selected", {}))
        if "near" in changes and not changes["near"] and self.sort == "distancia":
            changes["sort"] = DEFAULT_SORT  # no point, no distance to sort by
            changes.setdefault("near_name", "")
        if "text" in changes:
            changes["_reading"] = None
        return replace(self, selected=selected, ignored=[], **changes)

    def hidden_params(self, *fields):
        """The selection's parameters that a form's visible `fields` cannot carry (each of those shows
        one value: its others, and every other parameter, go in hidden inputs), so submitting the
        form never drops part of the selection."""
        shown = set()
        hidden = []
        for param, value in self.params(sort=False):
            if param in fields and param not in shown:
                shown.add(param)
            else:
                hidden.append((param, value))
        return hidden

    def radius_choices(self):
        """(value, label, chosen) for a radius select: RADII, the current radius if it is another,
        and "any distance" (no radius)."""
        values = sorted({*RADII, *([self.radius] if self.radius else [])})
        choices = [(str(metres), distance_label(metres), metres == self.radius) for metres in values]
        return [*choices, ("", _("any distance"), not self.radius)]

    def chips(self, facets):
        """What narrows the selection, each as (label, address of the directory without it): the
        filters chosen or read from the text ("Sants" in "fruita Sants") and the point. Labels come
        from `facets` (this selection's, which list every chosen value)."""
        chips = []
        for facet in facets:
            slugs = self.selected[facet["param"]]
            for option in facet["options"]:
                if option["selected"]:
                    rest = [s for s in slugs if s != option["value"]]
                    chips.append(
                        (option["label"], self.changed(selected={facet["param"]: rest}).directory_url)
                    )
        if self.near:
            label = (
                _("Near %(place)s") % {"place": self.near_name}
                if self.near_name
                else _("Near the point chosen")
            )
            chips.append((label, self.changed(near=None, radius=None).directory_url))
        return chips

    def relaxations(self):
        """When nothing matches: wider selections that match something, each as (label, url, count),
        in the order a visitor would try them: the neighbourhood's district, then the whole city;
        without the radius; without one of the words; without each other filter."""
        candidates = []
        if self.selected["barri"]:
            districts = list(
                District.objects.filter(neighbourhoods__slug__in=self.selected["barri"])
                .distinct()
                .order_by(Collated("name"))
                .defer("geometry")
            )
            if districts:
                names = ", ".join(d.name for d in districts)
                candidates.append(
                    (
                        _("In the whole district (%(district)s)") % {"district": names},
                        self.changed(selected={"barri": [], "districte": [d.slug for d in districts]}),
                    )
                )
        if self.selected["barri"] or self.selected["districte"]:
            candidates.append((_("In the whole city"), self.changed(selected={"barri": [], "districte": []})))
        if self.radius:
            candidates.append((_("At any distance"), self.changed(radius=None)))
        words = self.text.split()
        if len(words) > 1:
            for word in words:
                rest = " ".join(w for w in words if w != word)
                candidates.append(
                    (_("Without the word “%(word)s”") % {"word": word}, self.changed(text=rest))
                )
        for word in self.reading.related if self.text else []:
            candidates.append((_("Related: “%(word)s”") % {"word": word}, self.changed(text=word)))
        for param in ("sector", "familia", "capa"):
            if self.selected[param]:
                label = FILTERS[param].label
                candidates.append(
                    (
                        _("Without the filter “%(filter)s”") % {"filter": label},
                        self.changed(selected={param: []}),
                    )
                )
        found = []
        for label, wider in candidates:
            count = wider.initiatives().count()
            if count:
                found.append((label, wider.directory_url, count))
        return found

    @property
    def directory_url(self):
        return self.url("directori:index")

    @property
    def map_url(self):
        return self.url("mapa:index", sort=False)
