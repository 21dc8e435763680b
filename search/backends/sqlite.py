"""The SQLite search backend, fixed where the stock one is slow or blind to Catalan.

The stock backend ranks with a correlated subquery that runs the FTS5 match again for every matching
row, so a word found in most rows costs seconds at 10k rows. Here the match runs once: the index
entries that match and belong to the queryset are scored, ordered and sliced in one statement, and
only that slice's objects are loaded. FTS5's `unicode61` tokenizer folds case and accents and splits
"d'habitatge" at the apostrophe; it has no Catalan stemmer, so each word is matched as a prefix of its
light stem (search/text.py), which folds most plurals and genders.
"""

import operator
from functools import reduce

from django.db.models import FloatField, Func, TextField
from django.db.models.functions import Cast

from modelsearch.backends.database.sqlite.query import (
    Lexeme,
    MatchExpression,
    SearchQueryExpression,
    normalize,
)
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from ..text import light_stem, words
from .database import MatchesMixin

MATCH_LIMIT = 10_000_000  # no limit in practice; see SearchResults.matching


class TitleWeightedScore(Func):
    """FTS5's bm25 with a word in the title counting five times one in the body (the FTS5 columns are
    autocomplete, body, title), negated: bm25 is lower for better matches, every other backend's score
    is higher."""

    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra_context):
        return f"-bm25({SQLiteFTSIndexEntry._meta.db_table}, 1.0, 1.0, 5.0)", []


class RankOnceMixin:
    """Relevance-ordered SQLite search with one FTS5 pass instead of one per matching row."""

    def _ranks_once(self, score_field):
        query = normalize(self.query)
        return not isinstance(query, (MatchAll, Not)) and (self.order_by_relevance or score_field)

    def matching_entries(self, config):
        """Index entries that match the query and whose objects are in the queryset."""
        query = normalize(self.query)
        match = MatchExpression(self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config))
        in_queryset = (
            self.queryset.order_by().annotate(_object_id=Cast("pk", TextField())).values("_object_id")
        )
        return (
            SQLiteFTSIndexEntry.objects.filter(match)
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model),
                index_entry__object_id__in=in_queryset,
            )
            .order_by()
        )

    def scored_entries(self, config):
        """The matching entries with a score, best first."""
        return (
            self.matching_entries(config)
            .annotate(score=TitleWeightedScore())
            .order_by("-score", "index_entry__object_id")
        )

    def search(self, config, start, stop, score_field=None):
        if not self._ranks_once(score_field):
            return super().search(config, start, stop, score_field)
        rows = list(self.scored_entries(config).values_list("index_entry__object_id", "score")[start:stop])
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
        if isinstance(normalize(self.query), (MatchAll, Not)):
            return super().search(config, None, None).count()
        # Counting the scored rows keeps SQLite's plan FTS5-first; COUNT(*) lets it start from the
        # index entries and run the match once per entry.
        return len(self.scored_entries(config).values_list("score", flat=True))


class SearchQueryCompiler(RankOnceMixin, SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        """Plain text as folded words, each a prefix match of its light stem (search/text.py)."""
        if not isinstance(query, PlainText):
            return super().build_search_query_content(query, config)
        lexemes = [Lexeme(light_stem(word), prefix=True) for word in words(query.query_string)]
        if not lexemes:  # only stop words or punctuation: the stock handling
            return super().build_search_query_content(query, config)
        combine = operator.and_ if query.operator.upper() == "AND" else operator.or_
        return SearchQueryExpression(reduce(combine, lexemes), config=config)


class AutocompleteQueryCompiler(RankOnceMixin, SQLiteAutocompleteQueryCompiler):
    pass


class SearchResults(MatchesMixin, SQLiteSearchResults):
    def matching(self):
        """Every match as an FTS5-first subquery: a plain `pk IN (match)` lets SQLite run the match
        once per row, seconds at 10k. The slice keeps the subquery's ORDER BY (Django drops it from
        unsliced ones), and ordering by bm25 makes SQLite start from the FTS5 table."""
        if isinstance(normalize(self.query_compiler.query), (MatchAll, Not)):
            return super().matching()
        scored = self.query_compiler.scored_entries(self.query_compiler.get_config(self.backend))
        return scored.values("index_entry__object_id")[:MATCH_LIMIT]

    def _do_count(self):
        return self.query_compiler.count(self.query_compiler.get_config(self.backend))

    def facet(self, field_name):
        return super(SearchResults, self.unranked()).facet(field_name)


class FastSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = SearchQueryCompiler
    autocomplete_query_compiler_class = AutocompleteQueryCompiler
    results_class = SearchResults
