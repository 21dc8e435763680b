"""The database search backend, SQLite or PostgreSQL by the connection, each with fixes to the stock one.

Both stock backends rank by joining the searched model to its index entries and scoring every row,
and the planners often start from the wrong side: SQLite ran the FTS5 match once per matching row
(14 s for a common word at 10k rows), PostgreSQL joined on a cast with a nested loop (0.6 s at 1k).
Here (`RankOnceMixin`) the index entries that match are found first, from the full-text index, kept
when their object is in the queryset (a primary-key lookup per match, so a rare word costs the same
at any size), scored, ordered and sliced in one statement; only that slice's objects are loaded.

Query words are the meaningful ones (core/text.py), each matched as a prefix: SQLite of a light
stem, PostgreSQL of its Catalan stem ("bicis" finds "BiciHub" and "bicicleta" on both).

SQLite (search/backends/sqlite.py): FTS5 folds case and accents; titles weigh five times the body.
PostgreSQL: documents and queries go through `catalan_unaccent` (unaccent, then Catalan stemming),
autocomplete through `simple_unaccent` (the stock backend uses `simple`, which keeps accents);
migration `search.0001` creates both.
"""

import operator
from copy import copy
from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Cast

from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresAutocompleteQueryCompiler,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.backends.database.postgres.weights import WEIGHTS_VALUES
from modelsearch.query import Fuzzy, MatchAll, Not, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from core.text import words

TEXT_SEARCH_CONFIG = "catalan_unaccent"
AUTOCOMPLETE_CONFIG = "simple_unaccent"


class RankOnceMixin:
    """Relevance-ordered search from the index entries (see the module's docstring). A backend gives
    `text_matches(config)` (the entries of the model's content types whose text matches), `score()`
    and `matching_pks(config)`; `OBJECT_ID` names the entry's object id in them."""

    OBJECT_ID = "object_id"

    def _ranks_once(self, score_field):
        plain = not isinstance(self.query, (MatchAll, Not, Fuzzy)) and self.fields is None
        return plain and bool(self.order_by_relevance or score_field)

    def in_queryset(self):
        """Whether the entry's object is in the queryset: one primary-key lookup per entry."""
        pk = self.queryset.model._meta.pk
        object_pk = Cast(OuterRef(self.OBJECT_ID), output_field=pk.target_field if pk.is_relation else pk)
        return Exists(self.queryset.order_by().filter(pk=object_pk))

    def content_types(self):
        return get_descendants_content_types_pks(self.queryset.model)

    def matching_entries(self, config):
        """The entries whose text matches and whose object is in the queryset."""
        return self.text_matches(config).filter(self.in_queryset())

    def scored_entries(self, config):
        """The matching entries with a score (higher is better), best first."""
        return (
            self.matching_entries(config)
            .annotate(score=self.score(config))
            .order_by("-score", self.OBJECT_ID)
        )

    def search(self, config, start, stop, score_field=None, **kwargs):
        if not self._ranks_once(score_field):
            return super().search(config, start, stop, score_field, **kwargs)
        rows = list(self.scored_entries(config).values_list(self.OBJECT_ID, "score")[start:stop])
        to_pk = self.queryset.model._meta.pk.to_python
        objects = self.queryset.in_bulk([to_pk(object_id) for object_id, _ in rows])
        found = []
        for object_id, score in rows:
            obj = objects.get(to_pk(object_id))
            if obj is not None:
                if score_field:
                    setattr(obj, score_field, score)
                found.append(obj)
        return found

    def count(self, config):
        # Counting the scored rows keeps the plan index-first (a bare COUNT(*) may start from the
        # entries of the content type and match each one).
        return len(self.scored_entries(config).values_list("score", flat=True))


class RankOnceResults:
    def unranked(self):
        """These results without relevance ordering: what counting and faceting need."""
        clone = self._clone()
        clone.query_compiler = copy(self.query_compiler)
        clone.query_compiler.order_by_relevance = False
        clone._score_field = None
        return clone

    def matching(self):
        """The primary keys whose text matches, as a subquery for `queryset.filter(pk__in=...)` (the
        search page's facets). Not restricted to the queryset: the caller's filter does that, so the
        model's table is read once."""
        compiler = self.query_compiler
        if not compiler._ranks_once(True):
            return self.unranked().get_queryset().values("pk")
        return compiler.matching_pks(compiler.get_config(self.backend))

    def _do_count(self):
        compiler = self.query_compiler
        if not compiler._ranks_once(True):
            return self.unranked().get_queryset().count()
        return compiler.count(compiler.get_config(self.backend))

    def facet(self, field_name):
        return super(RankOnceResults, self.unranked()).facet(field_name)


class ParsedQuery(SearchQuery):
    """A tsquery already parsed, as a constant (search lookups accept only SearchQuery objects)."""

    def __init__(self, text):
        super().__init__(text)
        self.text = text

    def as_sql(self, compiler, connection, **extra_context):
        return "%s::tsquery", [self.text]


class PostgresRankOnceMixin(RankOnceMixin):
    VECTORS = ("title", "body")  # the tsvector columns searched

    def build_tsquery_content(self, query, config=None, invert=False):
        """Plain text as its meaningful words, each stemmed and matched as a prefix."""
        if not isinstance(query, PlainText) or not words(query.query_string):
            return super().build_tsquery_content(query, config, invert)
        lexemes = [Lexeme(word, invert=invert, prefix=True) for word in words(query.query_string)]
        combine = operator.and_ if query.operator == "and" else operator.or_
        return SearchQuery(reduce(combine, lexemes), search_type="raw", config=config)

    def tsquery(self, config):
        """The query as a tsquery constant. `to_tsquery(config, text)` is only STABLE, so PostgreSQL
        parses and stems it again for every row it filters or ranks; a constant is parsed once."""
        if config in self.__dict__.setdefault("_parsed", {}):
            return self._parsed[config]
        expression = self.build_tsquery(self.query, config=config)
        sql, params = expression.as_sql(
            IndexEntry.objects.none().query.get_compiler(connection=connection), connection
        )
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT ({sql})::text", params)
            self._parsed[config] = ParsedQuery(cursor.fetchone()[0])
        return self._parsed[config]

    def text_matches(self, config):
        query = self.tsquery(config)
        # One condition per tsvector column, so each uses its GIN index.
        matches = reduce(operator.or_, [Q(**{vector: query}) for vector in self.VECTORS])
        return IndexEntry.objects.filter(matches, content_type_id__in=self.content_types())

    def score(self, config):
        """The stock backend's score: ts_rank with its field-boost weights, title norm applied."""
        query, weights = self.tsquery(config), list(WEIGHTS_VALUES)
        return SearchRank(F("title"), query, weights=weights) * F("title_norm") + SearchRank(
            F("body"), query, weights=weights
        )

    def matching_pks(self, config):
        pk = self.queryset.model._meta.pk
        as_pk = Cast(self.OBJECT_ID, output_field=pk.target_field if pk.is_relation else pk)
        return self.text_matches(config).annotate(_pk=as_pk).values("_pk")


class PostgresQueryCompiler(PostgresRankOnceMixin, PostgresSearchQueryCompiler):
    pass


class PostgresAutocompleteCompiler(PostgresRankOnceMixin, PostgresAutocompleteQueryCompiler):
    VECTORS = ("autocomplete",)

    def score(self, config):
        return SearchRank(F("autocomplete"), self.tsquery(config))


class PostgresResults(RankOnceResults, PostgresSearchResults):
    pass


class CatalanPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = PostgresQueryCompiler
    autocomplete_query_compiler_class = PostgresAutocompleteCompiler
    results_class = PostgresResults

    def __init__(self, params):
        super().__init__({"SEARCH_CONFIG": TEXT_SEARCH_CONFIG, **params})
        self.autocomplete_config = params.get("AUTOCOMPLETE_CONFIG", AUTOCOMPLETE_CONFIG)


def SearchBackend(params):  # noqa: N802  (Wagtail looks up this name in the module)
    """The backend for the default database's engine."""
    if connection.vendor == "postgresql":
        return CatalanPostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        from .sqlite import FastSQLiteSearchBackend  # its models exist only on SQLite

        return FastSQLiteSearchBackend(params)
    from modelsearch.backends.database import SearchBackend as stock

    return stock(params)
