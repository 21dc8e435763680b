"""The SQLite search backend: ranking from the FTS5 index first (search/backends/database.py says why).

FTS5's `unicode61` tokenizer folds case and accents and splits "d'habitatge" at the apostrophe; it has
no Catalan stemmer, so each word is matched as a prefix of its light stem (core/text.py), which
folds most plurals and genders.
"""

import operator
from functools import reduce

from django.db.models import FloatField, Func

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
from modelsearch.query import PlainText

from core.text import light_stem, words

from .database import RankOnceMixin, RankOnceResults

MATCH_LIMIT = 10_000_000  # no limit in practice; see SQLiteRankOnceMixin.matching_pks


class TitleWeightedScore(Func):
    """FTS5's bm25 with a word in the title counting five times one in the body (the FTS5 columns are
    autocomplete, body, title), negated: bm25 is lower for better matches, every other backend's score
    is higher."""

    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra_context):
        return f"-bm25({SQLiteFTSIndexEntry._meta.db_table}, 1.0, 1.0, 5.0)", []


class SQLiteRankOnceMixin(RankOnceMixin):
    OBJECT_ID = "index_entry__object_id"

    def text_matches(self, config):
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(normalize(self.query), config)
        )
        return (
            SQLiteFTSIndexEntry.objects.filter(match)
            .filter(index_entry__content_type__in=self.content_types())
            .order_by()
        )

    def score(self, config):
        return TitleWeightedScore()

    def matching_pks(self, config):
        """An FTS5-first subquery. A plain `pk IN (match)` lets SQLite start from the index entries and
        run the match once per entry (seconds at 10k); ordering the subquery by the FTS5 rowid, and
        slicing it so Django keeps that order, makes it scan the FTS5 table first."""
        return self.text_matches(config).order_by("index_entry_id").values(self.OBJECT_ID)[:MATCH_LIMIT]


class PrefixWordsMixin:
    def stem(self, word):
        return light_stem(word)

    def build_search_query_content(self, query, config=None):
        """Plain text as folded words, each a prefix match of its light stem (core/text.py), or of
        itself for suggestions, where the word is still being typed."""
        if not isinstance(query, PlainText):
            return super().build_search_query_content(query, config)
        lexemes = [Lexeme(self.stem(word), prefix=True) for word in words(query.query_string)]
        if not lexemes:  # only stop words or punctuation: the stock handling
            return super().build_search_query_content(query, config)
        combine = operator.and_ if query.operator.upper() == "AND" else operator.or_
        return SearchQueryExpression(reduce(combine, lexemes), config=config)


class SearchQueryCompiler(PrefixWordsMixin, SQLiteRankOnceMixin, SQLiteSearchQueryCompiler):
    pass


class AutocompleteQueryCompiler(PrefixWordsMixin, SQLiteRankOnceMixin, SQLiteAutocompleteQueryCompiler):
    def stem(self, word):
        return word


class SearchResults(RankOnceResults, SQLiteSearchResults):
    pass


class FastSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = SearchQueryCompiler
    autocomplete_query_compiler_class = AutocompleteQueryCompiler
    results_class = SearchResults
