"""The search backends themselves: which one settings pick, the Catalan analysis Elasticsearch gets,
the fallback when it is unreachable, and saving while it is down.

No Elasticsearch server can run on these machines: the index settings and mappings are checked as
configuration (what the backend would send), not against a live server. With ELASTICSEARCH_URL set,
`LiveElasticsearchTests` run against that server (and the rest of the suite searches through it).
"""

import json
import logging
import os
import socket
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.test import Client, override_settings

from wagtail.search.backends import get_search_backend

import pytest

from directori.models import Initiative
from tests.sectors.conftest import SeededSiteTestCase

pytestmark = pytest.mark.django_db


def closed_port():
    """A local port nothing listens on: connections to it are refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def elasticsearch_settings(url, engine="elasticsearch9"):
    return {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "ENGINE": engine,
            "URLS": [url],
            "TIMEOUT": 1,
        },
        "database": {"BACKEND": "search.backends.database"},
    }


def test_the_database_backend_is_ours_for_this_database():
    from django.conf import settings
    from django.db import connection

    expected = {"sqlite": "FastSQLiteSearchBackend", "postgresql": "CatalanPostgresSearchBackend"}
    name = "database" if settings.ELASTICSEARCH_URL else "default"
    assert type(get_search_backend(name)).__name__ == expected[connection.vendor]


@pytest.mark.parametrize("engine", ["elasticsearch8", "elasticsearch9"])
def test_elasticsearch_index_settings_define_catalan_analysis(engine):
    """Configuration only: the settings and mapping the backend would create the index with."""
    backend = get_search_backend_from(elasticsearch_settings("http://127.0.0.1:9", engine))
    analysis = backend.settings["settings"]["analysis"]
    default = analysis["analyzer"]["default"]
    assert default["tokenizer"] == "standard"
    assert default["filter"] == [
        "catalan_elision",
        "lowercase",
        "catalan_stop",
        "asciifolding",
        "catalan_stemmer",
    ]
    assert analysis["filter"]["catalan_elision"]["type"] == "elision"
    assert {"d", "l"} <= set(analysis["filter"]["catalan_elision"]["articles"])
    assert analysis["filter"]["catalan_stemmer"] == {"type": "stemmer", "language": "catalan"}
    assert analysis["filter"]["catalan_stop"] == {"type": "stop", "stopwords": "_catalan_"}
    assert "asciifolding" in analysis["analyzer"]["edgengram_analyzer"]["filter"]
    assert "asciifolding" in analysis["analyzer"]["autocomplete_search"]["filter"]
    # The stock n-gram settings are kept alongside.
    assert "ngram_analyzer" in analysis["analyzer"] and "edgengram" in analysis["filter"]

    mapping = backend.mapping_class(Initiative).get_mapping()
    properties = mapping["properties"]
    assert properties["_edgengrams"]["search_analyzer"] == "autocomplete_search"
    autocomplete = [field for field in properties.values() if field.get("analyzer") == "edgengram_analyzer"]
    assert autocomplete and all(field["search_analyzer"] == "autocomplete_search" for field in autocomplete)
    # Text fields carry no analyzer of their own, so the index's Catalan default applies to them.
    text = [
        name for name, field in properties.items() if field.get("type") == "text" and "analyzer" not in field
    ]
    assert "_all_text" in text


def get_search_backend_from(backends):
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        return get_search_backend()


class ElasticsearchDownTests(SeededSiteTestCase):
    """Elasticsearch configured but refusing connections: the site keeps working on the database."""

    def setUp(self):
        url = f"http://127.0.0.1:{closed_port()}"
        self.settings = override_settings(WAGTAILSEARCH_BACKENDS=elasticsearch_settings(url))
        self.settings.enable()
        self.addCleanup(self.settings.disable)

    def test_search_falls_back_to_the_database_backend_with_a_warning(self):
        self.assertEqual(type(get_search_backend()).__name__, "CatalanElasticsearch9SearchBackend")
        with self.assertLogs("search.engine", logging.WARNING) as logs:
            response = Client(HTTP_HOST="127.0.0.1").get("/ca/cerca/", {"q": "bicicleta"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("Taula de mobilitat", response.content.decode())
        self.assertIn("unreachable", logs.output[0])
        with self.assertLogs("search.engine", logging.WARNING):
            suggestions = Client(HTTP_HOST="127.0.0.1").get("/ca/cerca/suggeriments/", {"q": "mobilit"})
        self.assertIn("Taula de mobilitat", [s["title"] for s in suggestions.json()["suggestions"]])

    def test_saving_content_still_works_and_the_database_index_follows(self):
        initiative = Initiative.objects.get(name="Habitem Verdun")
        initiative.name = "Habitem Verdun Nord"
        with self.assertLogs("search.backends.elasticsearch", logging.WARNING) as logs:
            initiative.save()
        self.assertIn("run `manage.py update_index` once it answers", logs.output[0])
        initiative.refresh_from_db()
        self.assertEqual(initiative.name, "Habitem Verdun Nord")
        with self.assertLogs("search.engine", logging.WARNING):
            body = Client(HTTP_HOST="127.0.0.1").get("/ca/cerca/", {"q": "verdun nord"}).content.decode()
        self.assertIn("Habitem Verdun Nord", body)

    def test_an_import_goes_through_and_says_the_index_must_catch_up(self):
        folder = Path(self.enterContext(tempfile.TemporaryDirectory()))
        (folder / "entitats.csv").write_text("id,nom,lat,lon\nE1,Cooperativa Fil a Fil,41.40,2.16\n")
        (folder / "mapping.toml").write_text(
            '[options]\nsource = "xarxa-es"\n[columns]\nexternal_id = "id"\nname = "nom"\nlat = "lat"\nlon = "lon"\n'
        )
        with self.assertLogs("search.backends.elasticsearch", logging.WARNING) as logs:
            call_command(
                "import_initiatives",
                str(folder / "entitats.csv"),
                mapping=str(folder / "mapping.toml"),
                verbosity=0,
            )
        self.assertTrue(Initiative.objects.filter(source="xarxa-es", external_id="E1").exists())
        self.assertIn("1 directori.Initiative objects not written to its index", logs.output[0])
        self.assertIn("update_index", logs.output[0])


@pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="ELASTICSEARCH_URL is not set")
class LiveElasticsearchTests(SeededSiteTestCase):
    """Against the server ELASTICSEARCH_URL names: the Catalan analysis as the server applies it."""

    def test_live_elasticsearch_folds_elides_and_stems(self):
        from django.core.management import call_command

        call_command("update_index", stdout=open(os.devnull, "w"))  # noqa: SIM115
        backend = get_search_backend()
        analyzed = backend.es.indices.analyze(
            index=backend.get_index_for_model(Initiative).name,
            analyzer="default",
            text="Cooperatives d'Habitació",
        )
        tokens = [token["token"] for token in analyzed["tokens"]]
        self.assertNotIn("d'habitacio", tokens)
        self.assertEqual(len(tokens), 2)
        self.assertTrue(all(token.isascii() and token.islower() for token in tokens))
        found = [i.name for i in backend.search("habitatges", Initiative.objects.live())[:100]]
        self.assertIn("Habitem Verdun", found)


class AdminSearchTests(SeededSiteTestCase):
    """The admin searches through the same backend: its page and snippet searches still work."""

    def test_admin_searches_pages_and_initiatives(self):
        from django.contrib.auth import get_user_model

        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(get_user_model().objects.filter(is_superuser=True).first())
        pages = client.get("/admin/pages/search/", {"q": "mobilitat"})
        self.assertEqual(pages.status_code, 200)
        self.assertIn("Taula de mobilitat", pages.content.decode())
        initiatives = client.get("/admin/snippets/directori/initiative/", {"q": "habitem verdun"})
        self.assertEqual(initiatives.status_code, 200)
        self.assertIn("Habitem Verdun", initiatives.content.decode())
        self.assertNotIn("BiciTaller Verdun", initiatives.content.decode())


@pytest.mark.parametrize("engine", ["elasticsearch8", "elasticsearch9"])
def test_elasticsearch_query_widens_a_need_to_what_it_points_to(engine, boundaries):
    """The body Elasticsearch would receive (no server needed to build it): "vivienda Sants" asks for
    "vivienda" or the sector's Catalan name "Habitatge", and leaves "Sants" to the neighbourhood filter."""
    from directori.models import NeedWord, Neighbourhood, Sector
    from directori.needs import interpret
    from search.engine import search_query

    housing = Sector.objects.create(slug="habitatge", name="Habitatge", name_es="Vivienda", name_en="Housing")
    word = NeedWord.objects.create(text="lloguer", language="ca")
    word.sectors.set([housing])
    reading = interpret("lloguer barat Sants")
    assert reading.neighbourhoods == ["sants"]
    backend = get_search_backend_from(elasticsearch_settings(f"http://127.0.0.1:{closed_port()}", engine))
    sants = Neighbourhood.objects.get(slug="sants")
    results = backend.search(
        search_query(reading), Initiative.objects.live().filter(neighbourhood_id=sants.pk)
    )
    body = json.dumps(results.query_compiler.get_query())
    query = results.query_compiler.get_query()["bool"]
    assert '"query": "barat"' in body  # the plain word, required
    assert '"query": "lloguer"' in body and '"query": "Habitatge"' in body  # the need or its sector
    must = json.dumps(query["must"])
    assert '"should"' in must  # the need is one of its alternatives
    assert str(sants.pk) in json.dumps(query["filter"]) and "Sants" not in must
