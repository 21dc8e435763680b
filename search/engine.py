"""One search over initiatives and pages (home pages aside: they summarise everything), whatever the backend: what the search page and the
autocomplete endpoint ask of it.

Initiatives (a model) and pages are searched apart, in the same backend, and merged by score. Facets
(kind, sector, district, family) are counted in the database over every match, so they give every
value (on Elasticsearch, over its first 10,000 matches: see backends/elasticsearch.py). When Elasticsearch is unreachable the same search runs on the database
backend (kept up to date beside it) and a warning is logged.

The query is read by `directori.needs.interpret`, as the directory reads it: places become filters,
and each need word is widened to the names of what it points to (`search_query`), the same query
object on every backend.
"""

import logging
from collections import Counter
from dataclasses import dataclass, field
from html import unescape
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Q
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from modelsearch.query import And, Or, PlainText
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from core.collation import Collated, sort_key
from core.facets import build_facet
from core.models import HomePage
from core.text import fold, light_stem, words
from directori.models import District, EssFamily, Initiative, Neighbourhood, Sector
from directori.needs import interpret, starting_with
from sectors.models import SectorNewsPage, SectorPage, TractorProjectPage

from .snippets import highlight

logger = logging.getLogger(__name__)

PER_PAGE = 20
MAX_PAGE = 50  # a page ranks everything before it; nobody reads beyond
SUGGESTIONS = 8
# Added to the score of results holding the words typed, so they rank above those the widening of a
# need finds (every backend's scores are far below this).
OWN_WORDS_FIRST = 1_000_000
VOCABULARY_SUGGESTIONS = 3  # need words, sectors and kinds, before the titles

KINDS = {
    "initiative": _("Initiative"),
    "sector": _("Sector table"),
    "project": _("Tractor project"),
    "news": _("News"),
    "page": _("Page"),
}
VOCABULARY_KINDS = {"need": _("Need"), "sector": _("Sector"), "family": _("Kind of organisation")}
PAGE_KINDS = {SectorPage: "sector", TractorProjectPage: "project", SectorNewsPage: "news"}
# URL parameter of each facet, as in the directory (the neighbourhood is a filter without a facet).
PARAMETERS = {"kind": "tipus", "sector": "sector", "district": "districte", "family": "familia"}
NEIGHBOURHOOD = "barri"
# Querysets, not models: districts are read without their boundaries.
VOCABULARIES = {
    "sector": Sector.objects.all(),
    "district": District.objects.defer("geometry"),
    "family": EssFamily.objects.all(),
}
FACET_LABELS = {
    "kind": _("Type"),
    "sector": _("Sector"),
    "district": _("District"),
    "family": _("Kind of organisation"),
}
# districte=tots: the whole city, even when the query names a district.
WHOLE_CITY = "tots"


@dataclass
class Hit:
    kind: str
    title: str
    url: str
    snippet: str

    @property
    def kind_label(self):
        return KINDS[self.kind]


@dataclass
class Results:
    hits: list = field(default_factory=list)
    total: int = 0
    facets: dict = field(default_factory=dict)
    related: list = field(default_factory=list)  # other need words, offered when nothing is found


@dataclass
class Filters:
    """The chosen facet values (objects, or the kind's key), the bad ones named in `rejected`."""

    kind: str = ""
    sector: Sector | None = None
    district: District | None = None
    family: EssFamily | None = None
    neighbourhood: Neighbourhood | None = None
    rejected: list = field(default_factory=list)
    inferred_district: bool = False
    inferred_neighbourhood: bool = False
    whole_city: bool = False

    @classmethod
    def from_params(cls, params):
        filters = cls()
        kind = params.get(PARAMETERS["kind"], "")
        if kind in KINDS:
            filters.kind = kind
        elif kind:
            filters.rejected.append((PARAMETERS["kind"], kind))
        filters.whole_city = params.get(PARAMETERS["district"]) == WHOLE_CITY
        for name, vocabulary in VOCABULARIES.items():
            slug = params.get(PARAMETERS[name], "")
            if slug and not (name == "district" and filters.whole_city):
                value = vocabulary.filter(slug=slug).first()
                setattr(filters, name, value)
                if value is None:
                    filters.rejected.append((PARAMETERS[name], slug))
        slug = params.get(NEIGHBOURHOOD, "")
        if slug and not filters.whole_city:
            filters.neighbourhood = Neighbourhood.objects.defer("geometry").filter(slug=slug).first()
            if filters.neighbourhood is None:
                filters.rejected.append((NEIGHBOURHOOD, slug))
        return filters

    def infer_places(self, interpretation):
        """A neighbourhood or district named in the query ("fruita Sants", "habitatge a Gràcia")
        becomes the filter, shown as a chip, unless the visitor chose a place or the whole city. Its
        name is never a required word (interpret() takes it out)."""
        if self.district or self.neighbourhood or self.whole_city:
            return
        if interpretation.neighbourhoods:
            slug = interpretation.neighbourhoods[0]
            self.neighbourhood = Neighbourhood.objects.defer("geometry").filter(slug=slug).first()
            self.inferred_neighbourhood = self.neighbourhood is not None
        elif interpretation.districts:
            slug = interpretation.districts[0]
            self.district = District.objects.defer("geometry").filter(slug=slug).first()
            self.inferred_district = self.district is not None

    @property
    def wider_district(self):
        """The district around an inferred neighbourhood: the first relaxation offered."""
        if self.inferred_neighbourhood:
            return District.objects.defer("geometry").get(pk=self.neighbourhood.district_id)
        return None

    def groups(self, facets):
        """The facets as the page shows them (core.facets.build_facet, one value each), the chosen
        value kept even when it has no match."""
        groups = []
        for name, options in facets.items():
            chosen = self.kind if name == "kind" else getattr(getattr(self, name), "slug", "")
            if not options and not chosen:
                continue
            if chosen and chosen not in [value for value, _, _ in options]:
                options = [
                    (chosen, KINDS[chosen] if name == "kind" else str(getattr(self, name)), 0),
                    *options,
                ]
            groups.append(
                build_facet(
                    PARAMETERS[name],
                    FACET_LABELS[name],
                    [(value, label, count, value == chosen) for value, label, count in options],
                    multiple=False,
                )
            )
        return groups

    def as_params(self, **changes):
        values = {
            "kind": self.kind,
            **{name: getattr(getattr(self, name), "slug", "") for name in VOCABULARIES},
            **changes,
        }
        if self.whole_city and not values["district"]:
            values["district"] = WHOLE_CITY
        params = {PARAMETERS[name]: value for name, value in values.items() if value}
        if self.neighbourhood and "district" not in changes:
            params[NEIGHBOURHOOD] = self.neighbourhood.slug
        return params


def find(text, params, locale, page_number=1):
    """Results for `text`: its need words widened to what they point to, its places as filters."""
    filters = Filters.from_params(params)
    interpretation = interpret(text)
    filters.infer_places(interpretation)
    results = _with_fallback(lambda backend: _find(backend, interpretation, filters, locale, page_number))
    if not results.total:
        results.related = interpretation.related
    return results, filters


def search_query(interpretation):
    """The backend query: every plain word, and for each need one of its own words or the Catalan
    name of a sector, kind or map layer it points to (those names are in the index of each initiative
    and in the sector tables' pages), so "vivienda" finds what "Habitatge" does. None when only
    places were typed."""
    parts = [PlainText(" ".join(interpretation.free))] if interpretation.free else []
    for typed, need in interpretation.needs:
        alternatives = [PlainText(" ".join(typed))]
        alternatives += [
            PlainText(name)
            for name in interpretation.alternatives(need)
            if words(name) and not _holds(name, typed)
        ]
        parts.append(Or(alternatives) if len(alternatives) > 1 else alternatives[0])
    if not parts:
        return None
    return And(parts) if len(parts) > 1 else parts[0]


def _widened(query):
    return isinstance(query, Or) or (
        isinstance(query, And) and any(isinstance(q, Or) for q in query.subqueries)
    )


def _holds(name, typed):
    """Whether `name` holds every word typed (as a word start, stems aside): then it finds nothing
    those words do not, and leaving it out keeps the query as cheap as a plain one ("cooperativa"
    points to "Cooperativa de treball", "Cooperativa de consum"...)."""
    stems = [light_stem(word) for word in words(name)]
    return all(any(stem.startswith(light_stem(word)) for stem in stems) for word in typed)


def suggest(text, locale):
    """Up to SUGGESTIONS entries: need words, sectors and kinds starting with what is typed (each a
    search for it), then titles of initiatives and pages starting with the words typed."""
    query = " ".join(fold(text).split())
    if not query:
        return []
    words_found = [
        {
            "title": name,
            "url": f"{reverse('search:index')}?{urlencode({'q': name})}",
            "kind": str(VOCABULARY_KINDS[kind]),
        }
        for name, kind in starting_with(query, locale.language_code[:2], VOCABULARY_SUGGESTIONS)
    ]
    titles = _with_fallback(lambda backend: _suggest(backend, query, locale))
    return (words_found + titles)[:SUGGESTIONS]


def _with_fallback(run):
    backend = get_search_backend()
    try:
        return run(backend)
    except getattr(backend, "unavailable", ()) as error:
        logger.warning("Search backend unreachable, answering from the database backend: %s", error)
        return run(get_search_backend("database"))


def _querysets(filters, locale):
    """(initiatives, pages) the filters allow; None where a filter rules a whole side out."""
    initiatives = pages = None
    if filters.kind in ("", "initiative"):
        initiatives = Initiative.objects.live()
        if filters.sector:
            in_sector = Initiative.sectors.through.objects.filter(sector=filters.sector)
            initiatives = initiatives.filter(pk__in=in_sector.values_list("initiative_id", flat=True))
        if filters.district:
            initiatives = initiatives.filter(district_id=filters.district.pk)
        if filters.neighbourhood:
            initiatives = initiatives.filter(neighbourhood_id=filters.neighbourhood.pk)
        if filters.family:
            initiatives = initiatives.filter(family_id=filters.family.pk)
    if filters.kind != "initiative" and not filters.family:
        pages = Page.objects.live().public().filter(locale=locale).not_type(HomePage).specific()
        if filters.kind:
            models = [model for model, kind in PAGE_KINDS.items() if kind == filters.kind]
            pages = pages.type(*models) if models else pages.not_type(*PAGE_KINDS)
        if filters.sector:
            in_table = Q(pk__in=[])
            for path in SectorPage.objects.filter(locale=locale, sector=filters.sector).values_list(
                "path", flat=True
            ):
                in_table |= Q(path__startswith=path)
            pages = pages.filter(in_table)
        district = filters.district or (filters.neighbourhood and filters.neighbourhood.district_id)
        if district:
            involved = TractorProjectPage.districts.through.objects.filter(district=district)
            pages = pages.filter(pk__in=involved.values_list("tractorprojectpage_id", flat=True))
    return initiatives, pages


def _find(backend, interpretation, filters, locale, page_number):
    query, text = search_query(interpretation), " ".join(interpretation.words)
    stop = min(max(page_number, 1), MAX_PAGE) * PER_PAGE
    initiatives, pages = _querysets(filters, locale)
    if query is None and (filters.district or filters.neighbourhood):  # only a place: its initiatives
        if initiatives is None:
            return Results()
        found = initiatives.order_by(Collated("name"), "pk")[stop - PER_PAGE : stop]
        facets, total = _facets({"initiatives": initiatives}, locale)
        return Results(hits=[_hit(obj, "initiatives", text) for obj in found], total=total, facets=facets)
    if query is None:  # only a place, and the whole city asked for: its name as words
        text = " ".join(words(interpretation.text))
        if not text:
            return Results()
        query = PlainText(text)
    # What holds the words typed comes first, then what only the widening of needs finds.
    own_words = PlainText(text) if _widened(query) else None
    ranked, matched = [], {}
    for side, queryset in (("initiatives", initiatives), ("pages", pages)):
        if queryset is None:
            continue
        found = backend.search(query, queryset).annotate_score("_score")
        first = []
        if own_words is not None:
            first = list(backend.search(own_words, queryset).annotate_score("_score")[:stop])
            ranked += [(OWN_WORDS_FIRST + (obj._score or 0), side, obj) for obj in first]
        seen = {obj.pk for obj in first}
        ranked += [(obj._score or 0, side, obj) for obj in found[: stop + len(first)] if obj.pk not in seen]
        matched[side] = queryset.order_by().filter(pk__in=found.matching())
    ranked.sort(key=lambda entry: -entry[0])
    facets, total = _facets(matched, locale)
    hits = [_hit(obj, side, text) for _, side, obj in ranked[stop - PER_PAGE : stop]]
    return Results(hits=hits, total=total, facets=facets)


def _facets(matched, locale):
    """Counts of every value of every facet over all matches, and the number of matches."""
    counts = {name: Counter() for name in PARAMETERS}
    total = 0
    if "initiatives" in matched:
        for facet, value, n in _initiative_counts(matched["initiatives"]):
            if facet == "total":
                counts["kind"]["initiative"] = n
                total += n
            else:
                counts[facet][value] += n
    if "pages" in matched:
        pages = list(matched["pages"].values_list("pk", "path", "content_type_id"))
        total += len(pages)
        kinds = {ContentType.objects.get_for_model(model).pk: kind for model, kind in PAGE_KINDS.items()}
        counts["kind"].update(kinds.get(content_type, "page") for _, _, content_type in pages)
        tables = list(SectorPage.objects.filter(locale=locale).values_list("path", "sector_id"))
        counts["sector"].update(
            sector for _, path, _ in pages for table, sector in tables if path.startswith(table) and sector
        )
        involved = TractorProjectPage.districts.through.objects.filter(
            tractorprojectpage_id__in=[pk for pk, _, _ in pages]
        )
        counts["district"].update(involved.values_list("district_id", flat=True))
    facets = {"kind": [(kind, KINDS[kind], n) for kind, n in counts["kind"].items() if n]}
    for name, vocabulary in VOCABULARIES.items():
        values = vocabulary.in_bulk(list(counts[name]))
        facets[name] = sorted(
            ((values[pk].slug, str(values[pk]), n) for pk, n in counts[name].items() if pk in values),
            key=lambda facet: (-facet[2], sort_key(facet[1])),
        )
    return facets, total


def _initiative_counts(initiatives):
    """(facet, value, count) rows for a queryset of matching initiatives, and ("total", None, count).

    One statement: the matches are found once, in a common table expression that PostgreSQL and
    SQLite materialise because it is read more than once, then grouped by district, family and
    sector, so a few dozen rows leave the database instead of one per match (6,500 for a common word
    at 10k initiatives: that transfer was the slowest part of the page). Sectors are joined with
    CROSS JOIN: SQLite then reads the matches first and looks up each one's sectors (otherwise it
    scanned the whole many-to-many table); PostgreSQL treats it as an ordinary join."""
    sql, params = initiatives.values_list("pk", "district_id", "family_id").query.sql_with_params()
    sectors = Initiative.sectors.field  # the many-to-many table's names
    with connection.cursor() as cursor:
        cursor.execute(
            f"""WITH m (id, district_id, family_id) AS ({sql})
            SELECT 'total', NULL, COUNT(*) FROM m
            UNION ALL SELECT 'district', district_id, COUNT(*) FROM m
                WHERE district_id IS NOT NULL GROUP BY district_id
            UNION ALL SELECT 'family', family_id, COUNT(*) FROM m
                WHERE family_id IS NOT NULL GROUP BY family_id
            UNION ALL SELECT 'sector', s.{sectors.m2m_reverse_name()}, COUNT(*)
                FROM m CROSS JOIN {sectors.m2m_db_table()} s WHERE s.{sectors.m2m_column_name()} = m.id
                GROUP BY s.{sectors.m2m_reverse_name()}""",  # noqa: S608  (compiled ORM SQL and table names; values in params)
            params,
        )
        return cursor.fetchall()


def _hit(obj, side, query):
    if side == "initiatives":
        return Hit("initiative", obj.name, obj.get_absolute_url(), highlight(_initiative_text(obj), query))
    return Hit(PAGE_KINDS.get(type(obj), "page"), obj.title, obj.url, highlight(_page_text(obj), query))


def _plain(html):
    """Text of stored HTML: tags out, entities decoded (snippets escape it again)."""
    return unescape(strip_tags(html))


def _initiative_text(initiative):
    return " ".join(filter(None, (_plain(initiative.description), initiative.address)))


def _page_text(page):
    """The page's summary for a snippet: its search description, introduction, else its body."""
    for name in ("search_description", "introduction", "body"):
        text = _plain(str(getattr(page, name, "") or "")).strip()
        if text:
            return text
    return ""


def _suggest(backend, query, locale):
    found = []
    for side, queryset in (
        ("initiatives", Initiative.objects.live()),
        ("pages", Page.objects.live().public().filter(locale=locale).not_type(HomePage).specific()),
    ):
        results = backend.autocomplete(query, queryset).annotate_score("_score")
        found += [(obj._score or 0, side, obj) for obj in results[:SUGGESTIONS]]
    found.sort(key=lambda entry: -entry[0])
    return [
        {
            "title": obj.name if side == "initiatives" else obj.title,
            "url": obj.get_absolute_url() if side == "initiatives" else obj.url,
            "kind": str(KINDS["initiative" if side == "initiatives" else PAGE_KINDS.get(type(obj), "page")]),
        }
        for _, side, obj in found[:SUGGESTIONS]
    ]
