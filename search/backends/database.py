"""The database search backend, SQLite or PostgreSQL by the connection, each with fixes to the stock one.

SQLite (search/backends/sqlite.py): relevance ranking in one FTS5 pass, titles weighted, plurals folded.

PostgreSQL: documents and queries go through `catalan_unaccent` (Catalan stemming and stop words
after `unaccent`), each query word a prefix of its stem, autocomplete through `simple_unaccent` (the stock backend uses `simple`, which keeps
accents); migration `search.0001` creates both.
"""

import operator
from copy import copy
from functools import reduce

from django.contrib.postgres.search import SearchQuery
from django.db import connection

from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import PlainText

from ..text import words

TEXT_SEARCH_CONFIG = "catalan_unaccent"
AUTOCOMPLETE_CONFIG = "simple_unaccent"


class MatchesMixin:
    def unranked(self):
        """These results without relevance ordering: what counting and faceting need."""
        clone = self._clone()
        clone.query_compiler = copy(self.query_compiler)
        clone.query_compiler.order_by_relevance = False
        clone._score_field = None
        return clone

    def matching(self):
        """Every match as a queryset, for `pk__in` (the search page's facets)."""
        return self.unranked().get_queryset().values("pk")


class PostgresResults(MatchesMixin, PostgresSearchResults):
    pass


class PrefixWordsQueryCompiler(PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        """Plain text as its meaningful words (search/text.py), each stemmed and matched as a prefix,
        as on SQLite: "bicis" finds "BiciHub" and "bicicleta"."""
        if not isinstance(query, PlainText) or not words(query.query_string):
            return super().build_tsquery_content(query, config, invert)
        lexemes = [Lexeme(word, invert=invert, prefix=True) for word in words(query.query_string)]
        combine = operator.and_ if query.operator == "and" else operator.or_
        return SearchQuery(reduce(combine, lexemes), search_type="raw", config=config)


class CatalanPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = PrefixWordsQueryCompiler
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
