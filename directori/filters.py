"""The directory's filters, defined once: the public listing reads them from the URL (`q`, `sector`,
`familia`, `districte`, `barri`, `capa`, `ordre`), and the exports, the API and the map are to take
the same parameters. Values are slugs; several values of one parameter mean "any of them", different
parameters combine with "and".
"""

from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from .models import District, EssFamily, Initiative, LayerTag, Neighbourhood, Sector
from .text import fold

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
SORTS = {"nom": ("name", _("Name (A to Z)")), "recents": ("-created_at", _("Newest first"))}
DEFAULT_SORT = "nom"


@dataclass
class DirectoryQuery:
    text: str = ""
    selected: dict = field(default_factory=dict)
    sort: str = DEFAULT_SORT
    ignored: list = field(default_factory=list)  # values that match no term, shown to the visitor

    @classmethod
    def from_params(cls, params):
        """Read a QueryDict; unknown slugs and sorts are dropped (and listed in `ignored`)."""
        query = cls(text=params.get("q", "").strip()[:MAX_QUERY_LENGTH])
        for param, spec in FILTERS.items():
            wanted = list(dict.fromkeys(s.strip() for s in params.getlist(param) if s.strip()))
            known = (
                set(spec.model.objects.filter(slug__in=wanted).values_list("slug", flat=True))
                if wanted
                else set()
            )
            query.selected[param] = [s for s in wanted if s in known]
            query.ignored += [f"{param}={s}" for s in wanted if s not in known]
        sort = params.get("ordre", DEFAULT_SORT)
        if sort in SORTS:
            query.sort = sort
        else:
            query.ignored.append(f"ordre={sort}")
        return query

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
        for word in fold(self.text).split():  # every word, accents and case aside, as a word start or part
            queryset = queryset.filter(search_text__contains=word)
        return queryset

    def results(self):
        return (
            self.initiatives()
            .select_related("family", "district", "neighbourhood")
            .defer("district__geometry", "neighbourhood__geometry")
            .prefetch_related("sectors")
            .order_by(SORTS[self.sort][0], "pk")
        )

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
                {
                    "slug": t.slug,
                    "label": getattr(t, "label", t.name),
                    "count": counts.get(t.slug, 0),
                    "selected": t.slug in self.selected[param],
                }
                for t in terms
                if counts.get(t.slug) or t.slug in self.selected[param]
            ]
            facets.append(
                {
                    "param": param,
                    "label": spec.label,
                    "options": options,
                    "chosen": bool(self.selected[param]),
                }
            )
        return facets

    def params(self):
        """The query as URL parameters, for links that keep it (pages, the map)."""
        pairs = [("q", self.text)] if self.text else []
        pairs += [(param, slug) for param, slugs in self.selected.items() for slug in slugs]
        if self.sort != DEFAULT_SORT:
            pairs.append(("ordre", self.sort))
        return pairs
