"""Elasticsearch 8/9 and OpenSearch 2/3 with Catalan analysis, from `ELASTICSEARCH_URL`.

The stock backends analyse text with `standard` (no accent folding, no elision of d'/l', no stemming)
and search autocomplete with `standard` too, so "habitació" never meets the folded edge n-grams. Here
every text field's default analyzer is Catalan (elision, lower case, Catalan stop words, ASCII folding,
Catalan stemmer) and autocomplete searches with the same folding it was indexed with.

Writes fail open: when the server is unreachable `add`, `add_bulk`, `delete` and `refresh_indexes`
log a warning and return, so saves, imports and deletions go through (the database backend, also
kept up to date, answers searches meanwhile); `manage.py update_index` brings the server's indexes
up to date once it answers again, and it alone fails loudly.

`matching()` returns the primary keys of every match (up to `MATCH_WINDOW`, Elasticsearch's default
`max_result_window`) so the search page counts facets in the database, every value included.
"""

import logging
from copy import deepcopy
from functools import cache, wraps
from importlib import import_module

from modelsearch.utils import deep_update

MATCH_WINDOW = 10_000

logger = logging.getLogger(__name__)

ENGINES = {
    "elasticsearch8": ("modelsearch.backends.elasticsearch8", "Elasticsearch8SearchBackend"),
    "elasticsearch9": ("modelsearch.backends.elasticsearch9", "Elasticsearch9SearchBackend"),
    "opensearch2": ("modelsearch.backends.opensearch2", "OpenSearch2SearchBackend"),
    "opensearch3": ("modelsearch.backends.opensearch3", "OpenSearch3SearchBackend"),
}

CATALAN_ANALYSIS = {
    "settings": {
        "analysis": {
            "filter": {
                "catalan_elision": {
                    "type": "elision",
                    "articles": ["d", "l", "m", "n", "s", "t"],
                    "articles_case": True,
                },
                "catalan_stop": {"type": "stop", "stopwords": "_catalan_"},
                "catalan_stemmer": {"type": "stemmer", "language": "catalan"},
            },
            "analyzer": {
                # Every text field without an analyzer of its own, `_all_text` included.
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "catalan_elision",
                        "lowercase",
                        "catalan_stop",
                        "asciifolding",
                        "catalan_stemmer",
                    ],
                },
                "edgengram_analyzer": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["catalan_elision", "lowercase", "asciifolding", "edgengram"],
                },
                "autocomplete_search": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["catalan_elision", "lowercase", "asciifolding"],
                },
            },
        }
    }
}
AUTOCOMPLETE_ANALYZERS = {"analyzer": "edgengram_analyzer", "search_analyzer": "autocomplete_search"}


def matching(results):
    """Primary keys of every match, best first, at most MATCH_WINDOW."""
    response = results._backend_do_search(
        results._get_es_body(),
        index=results.backend.get_index_for_model(results.query_compiler.queryset.model).name,
        _source=False,
        size=MATCH_WINDOW,
        **{results.fields_param_name: "pk"},
    )
    return [hit["fields"]["pk"][0] for hit in response["hits"]["hits"]]


def unavailable_errors():
    """What the clients raise when the server is down, refuses, times out or answers with an error:
    the search page then answers from the database backend instead."""
    errors = []
    for module, names in (
        ("elastic_transport", ("TransportError",)),
        ("elasticsearch", ("ApiError",)),
        ("opensearchpy.exceptions", ("OpenSearchException",)),
    ):
        try:
            found = import_module(module)
        except ImportError:
            continue
        errors += [getattr(found, name) for name in names]
    return tuple(errors)


def fail_open(method, describe):
    """`method` (a backend write), logging a warning instead of raising when the server is down."""

    @wraps(method)
    def wrapper(self, *args):
        try:
            return method(self, *args)
        except self.unavailable as error:
            logger.warning(
                "Search server %s unreachable (%s): %s not written to its index; "
                "run `manage.py update_index` once it answers.",
                ", ".join(f"{host['host']}:{host['port']}" for host in self.hosts),
                error.__class__.__name__,
                describe(*args),
            )

    return wrapper


@cache
def catalan(base):
    """`base` (a modelsearch Elasticsearch/OpenSearch backend class) with Catalan analysis."""
    mapping = type(
        "CatalanMapping", (base.mapping_class,), {"edgengram_analyzer_config": AUTOCOMPLETE_ANALYZERS}
    )
    return type(
        f"Catalan{base.__name__}",
        (base,),
        {
            "settings": deep_update(deepcopy(base.settings), CATALAN_ANALYSIS),
            "mapping_class": mapping,
            "query_compiler_class": type(
                "CatalanQueryCompiler", (base.query_compiler_class,), {"mapping_class": mapping}
            ),
            "autocomplete_query_compiler_class": type(
                "CatalanAutocompleteQueryCompiler",
                (base.autocomplete_query_compiler_class,),
                {"mapping_class": mapping},
            ),
            "results_class": type("CatalanResults", (base.results_class,), {"matching": matching}),
            "unavailable": unavailable_errors(),
            "add": fail_open(base.add, lambda obj: repr(obj)),
            "add_bulk": fail_open(
                base.add_bulk, lambda model, objs: f"{len(objs)} {model._meta.label} objects"
            ),
            "delete": fail_open(base.delete, lambda obj: f"the deletion of {obj!r}"),
            "refresh_indexes": fail_open(base.refresh_indexes, lambda: "a refresh"),
        },
    )


def SearchBackend(params):  # noqa: N802  (Wagtail looks up this name in the module)
    """The engine named by params["ENGINE"] (default elasticsearch9), with Catalan analysis."""
    module, name = ENGINES[params.pop("ENGINE", "elasticsearch9")]
    return catalan(getattr(import_module(module), name))(params)
