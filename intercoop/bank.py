"""The public listing of the bank of collaborations: which listed posts a visitor's parameters choose
(offer or need, kind, sector, district, text) and the counts beside each filter. The text is read as the
directory reads it (directori.needs: need words, sectors' and kinds' names, places), so "espai per a
tallers a Sants" finds the same things here as in the directory."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count, Prefetch, Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.collation import sorted_by_name
from core.facets import build_facet
from core.text import MIN_STEM, fold, light_stem
from directori.models import District, Neighbourhood, Sector
from directori.needs import interpret, need_text_q, word_q

from .models import Post

MAX_TEXT = 200
# The URL's values of offer/need and of the kinds, in Catalan as the site's URLs are.
DIRECTIONS = {"oferta": Post.Direction.OFFER, "necessitat": Post.Direction.NEED}
KINDS = {
    "serveis": Post.Kind.SERVICES,
    "espai": Post.Kind.SPACE,
    "equipament": Post.Kind.EQUIPMENT,
    "coneixement": Post.Kind.KNOWLEDGE,
    "voluntariat": Post.Kind.VOLUNTEERING,
    "subministrament": Post.Kind.SUPPLY,
    "financament": Post.Kind.FINANCING,
}
PARAMS = ("sentit", "tipus", "sector", "districte")


# Words people use for a kind that its name does not hold ("un local", "una sala": a space), folded.
KIND_WORDS = {
    Post.Kind.SPACE: {"local", "sala", "nau", "room", "premises"},
    Post.Kind.EQUIPMENT: {"eina", "maquina", "herramienta", "tool", "machine"},
    Post.Kind.KNOWLEDGE: {"formacio", "formacion", "assessorament", "asesoramiento", "training", "advice"},
    Post.Kind.FINANCING: {"credit", "prestec", "prestamo", "loan"},
}


def kind_names():
    """{kind: the folded words of its name in every language of the site, and KIND_WORDS} ("espai",
    "espacio", "space", "local")."""
    names = {kind: set(words) for kind, words in KIND_WORDS.items()}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for kind, label in Post.Kind.choices:
                names.setdefault(kind, set()).update(fold(str(label)).split())
    return names


def kind_q(word):
    """A word that names a kind ("espai" finds the posts of kind space, whatever their title says),
    as the directory reads a family's name: nothing for other words."""
    stems = {word, light_stem(word)}
    kinds = [
        kind
        for kind, words in kind_names().items()
        if any(name.startswith(stem) for name in words for stem in stems if len(stem) >= MIN_STEM)
    ]
    return Q(kind__in=kinds) if kinds else Q(pk__in=[])


@dataclass
class PostSelection:
    text: str = ""
    selected: dict = field(default_factory=lambda: {param: [] for param in PARAMS})

    @classmethod
    def from_params(cls, params):
        """Unknown values are left out (a hand-edited URL lists what is valid, never fails)."""
        selected = {
            "sentit": [v for v in params.getlist("sentit") if v in DIRECTIONS],
            "tipus": [v for v in params.getlist("tipus") if v in KINDS],
            "sector": list(
                Sector.objects.filter(slug__in=params.getlist("sector")[:50]).values_list("slug", flat=True)
            ),
            "districte": list(
                District.objects.filter(slug__in=params.getlist("districte")[:20]).values_list(
                    "slug", flat=True
                )
            ),
        }
        return cls(text=" ".join(params.get("q", "").split())[:MAX_TEXT], selected=selected)

    def posts(self, skip=None):
        """Listed posts matching every filter but `skip` (a facet's counts leave their own out)."""
        queryset = Post.objects.listed()
        chosen = {param: values for param, values in self.selected.items() if values and param != skip}
        if "sentit" in chosen:
            queryset = queryset.filter(direction__in=[DIRECTIONS[v] for v in chosen["sentit"]])
        if "tipus" in chosen:
            queryset = queryset.filter(kind__in=[KINDS[v] for v in chosen["tipus"]])
        if "sector" in chosen:
            links = Post.sectors.through.objects.filter(sector__slug__in=chosen["sector"])
            queryset = queryset.filter(pk__in=links.values("post_id"))
        if "districte" in chosen:
            queryset = queryset.filter(district__slug__in=chosen["districte"])
        if self.text:
            queryset = queryset.filter(self.text_q())
        return queryset

    def text_q(self):
        """Every free word in the post's title or description, or naming its kind; every need there
        too, or in one of the post's sectors; a place named in the text keeps posts of its district and of the whole city."""
        reading = interpret(self.text)
        condition = Q()
        for word in reading.free:
            condition &= word_q(word) | kind_q(word)
        for typed, need in reading.needs:
            condition &= need_text_q(typed) | Q(
                pk__in=Post.sectors.through.objects.filter(sector_id__in=need.sectors).values("post_id")
            )
        districts = set(reading.districts) | set(
            Neighbourhood.objects.filter(slug__in=reading.neighbourhoods).values_list(
                "district__slug", flat=True
            )
        )
        if districts:
            condition &= Q(district__slug__in=districts) | Q(district__isnull=True)
        return condition

    def results(self):
        return (
            self.posts()
            .select_related("initiative", "district", "neighbourhood")
            .defer("district__geometry", "neighbourhood__geometry")
            .prefetch_related(Prefetch("sectors", queryset=Sector.objects.by_label()))
            .order_by("-created_at", "pk")
        )

    def facets(self):
        """Each filter with the counts it would give, as if it alone were cleared."""
        facets = []
        specs = (
            (
                "sentit",
                _("Offer or need"),
                "direction",
                {v: k for k, v in DIRECTIONS.items()},
                Post.Direction,
            ),
            ("tipus", _("Kind"), "kind", {v: k for k, v in KINDS.items()}, Post.Kind),
        )
        for param, label, column, to_param, choices in specs:
            counts = dict(self.posts(skip=param).values_list(column).annotate(n=Count("pk")).order_by())
            options = [
                (to_param[value], name, counts.get(value, 0), to_param[value] in self.selected[param])
                for value, name in choices.choices
                if counts.get(value) or to_param[value] in self.selected[param]
            ]
            facets.append(build_facet(param, label, options, multiple=True))
        sector_counts = dict(
            Post.sectors.through.objects.filter(post__in=self.posts(skip="sector"))
            .values_list("sector__slug")
            .annotate(n=Count("post_id", distinct=True))
            .order_by()
        )
        options = [
            (s.slug, s.label, sector_counts.get(s.slug, 0), s.slug in self.selected["sector"])
            for s in Sector.objects.all()
            if sector_counts.get(s.slug) or s.slug in self.selected["sector"]
        ]
        facets.append(
            build_facet("sector", _("Sector"), sorted_by_name(options, key=lambda o: o[1]), multiple=True)
        )
        district_counts = dict(
            self.posts(skip="districte")
            .exclude(district=None)
            .values_list("district__slug")
            .annotate(n=Count("pk"))
            .order_by()
        )
        options = [
            (d.slug, d.label, district_counts.get(d.slug, 0), d.slug in self.selected["districte"])
            for d in District.objects.defer("geometry").order_by("code")
            if district_counts.get(d.slug) or d.slug in self.selected["districte"]
        ]
        facets.append(build_facet("districte", _("District"), options, multiple=True, open=False))
        return facets

    def query_string(self):
        """The selection as URL parameters, for the pager's links."""
        pairs = [("q", self.text)] if self.text else []
        pairs += [(param, value) for param in PARAMS for value in self.selected[param]]
        return urlencode(pairs)
