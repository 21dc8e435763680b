"""The search page on the seeded demo site: fixed queries with their expected top results, facets,
pagination, drafts, bad input and the autocomplete endpoint. Runs on SQLite and on PostgreSQL (CI)."""

import json
import re
from html import unescape

from django.db.models import Q
from django.test import Client

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from directori.models import Initiative
from sectors.models import SectorPage
from tests.sectors.conftest import SeededSiteTestCase

TOP = 5
# (query, a title expected among the first TOP results, or the slug of a map layer tag or a family
# whose initiatives, many and equally relevant, are expected to fill them). Accents, case, elision and plurals
# vary on purpose; each expected result is the one a person typing the query is after.
FIXED_QUERIES = [
    ("mediacio familiar", "habitatge-mediacio-familiar"),
    ("MEDIACIÓ FAMILIAR", "habitatge-mediacio-familiar"),
    ("HABITATGE", "Taula d'habitatge"),
    ("d'habitatge", "Taula d'habitatge"),
    ("d’habitatge", "Taula d'habitatge"),
    ("habitatges", "Taula d'habitatge"),
    ("bicis", "BiciHub"),
    ("bicicleta", "Taula de mobilitat"),
    ("energia solar", "Comunitats Energètiques Locals"),
    ("transicio energetica", "Hub de Transició Energètica"),
    ("Cultura Cooperativa", "Cultura Cooperativa"),
    ("BiciHub", "BiciHub"),
    ("taula de mobilitat", "Taula de mobilitat"),
    ("acta de la reunio", "Acta de la reunió de març"),
    ("menjadors", "La taula d'agroecologia presenta la guia de menjadors sostenibles"),
    ("guia menjador sostenible", "La taula d'agroecologia presenta la guia de menjadors sostenibles"),
    ("Habitem Verdun", "Habitem Verdun"),
    ("habitem verdún", "Habitem Verdun"),
    ("llibreries", "Llibreria del Barri Montbau"),
    ("Sagrada Familia", "Pedals la Sagrada Família"),
    ("moneda social", "moneda-social"),
    ("consum conscient", "Espai comercial de consum conscient"),
    ("multisectorial", "Taula coordinada multisectorial"),
]


def results(response):
    """(kind label, title) of each result on the page, as a reader sees them."""
    body = response.content.decode()
    return [
        (unescape(kind), unescape(title))
        for kind, title in re.findall(
            r'<span class="search-result__kind">([^<]*)</span>\s*<a href="[^"]*">([^<]*)</a>', body
        )
    ]


def count(response):
    heading = re.search(r'id="results-heading"[^>]*>\s*(\d+)', response.content.decode())
    return int(heading.group(1))


class FixedQueriesTests(SeededSiteTestCase):
    def setUp(self):
        self.client = Client(HTTP_HOST="127.0.0.1")

    def search(self, **params):
        response = self.client.get("/ca/cerca/", params)
        self.assertEqual(response.status_code, 200)
        return response

    def test_fixed_queries_find_their_expected_results_at_the_top(self):
        misses = []
        for query, expected in FIXED_QUERIES:
            titles = [title for _, title in results(self.search(q=query))[:TOP]]
            tagged = set(
                Initiative.objects.filter(Q(tags__slug=expected) | Q(family__slug=expected)).values_list(
                    "name", flat=True
                )
            )
            if not (expected in titles or (tagged and len(tagged & set(titles)) >= TOP - 1)):
                misses.append(f"{query!r}: expected {expected!r} in {titles}")
        self.assertEqual(misses, [], "\n".join(misses))
        self.assertGreaterEqual(len(FIXED_QUERIES), 20)

    def test_accents_case_elision_and_plurals_give_the_same_results(self):
        for variants in [
            ("mediació familiar", "mediacio familiar", "MEDIACIÓ FAMILIAR"),
            ("habitatge", "d'habitatge", "l'habitatge", "HABITATGE"),
            ("cooperativa d'habitatge", "cooperatives d'habitatge"),
            ("llibreria", "llibreries"),
        ]:
            found = [results(self.search(q=variant)) for variant in variants]
            self.assertTrue(found[0], variants)
            for other, variant in zip(found[1:], variants[1:], strict=True):
                self.assertEqual(
                    {title for _, title in other}, {title for _, title in found[0]}, (variants[0], variant)
                )

    def test_each_result_says_what_it_is_and_highlights_the_words(self):
        body = self.search(q="bicicleta").content.decode()
        kinds = {kind for kind, _ in results(self.search(q="bicicleta"))}
        self.assertTrue({"Taula sectorial", "Projecte tractor"} <= kinds, kinds)
        self.assertRegex(body, r"<mark>[Bb]icicletes?</mark>")

    def test_a_district_named_in_the_query_becomes_its_filter(self):
        response = self.search(q="habitatge a Gràcia")
        self.assertEqual([title for _, title in results(response)], ["Sostre Comú el Coll"])
        body = response.content.decode()
        self.assertIn('value="gracia" checked', body)
        self.assertIn("districte=tots", body)
        whole_city = self.search(q="habitatge a Gràcia", districte="tots")
        self.assertGreater(count(whole_city), count(response))
        # Page 2 and "Apply filters" send the district explicitly: the same results, not none.
        explicit = self.search(q="habitatge a Gràcia", districte="gracia")
        self.assertEqual(results(explicit), results(response))

    def test_nothing_found_says_so_and_lists_nothing(self):
        body = self.search(q="xyzzy").content.decode()
        self.assertIn("No s'ha trobat res", body)
        self.assertNotIn('class="search-results"', body)
        self.assertNotIn("Treu tots els filtres", body)

    def test_snippets_decode_stored_entities_and_escape_once(self):
        initiative = Initiative.objects.get(name="Habitem Verdun")
        initiative.description = "<p>Cooperativa d&#x27;habitatge &amp; barri &lt;b&gt;</p>"
        initiative.save()
        body = self.search(q="Habitem Verdun habitatge").content.decode()
        self.assertIn("d&#x27;<mark>habitatge</mark> &amp; barri &lt;b&gt;", body)
        self.assertNotIn("&amp;#x27;", body)

    def test_facets_count_every_value_and_filter(self):
        body = self.search(q="cooperativa").content.decode()
        total = count(self.search(q="cooperativa"))
        kinds = dict(
            re.findall(r'name="tipus" value="(\w+)"[^>]*>\s*[^<]*<span class="facet__count">\((\d+)\)', body)
        )
        self.assertEqual(sum(map(int, kinds.values())), total)
        districts = re.findall(r'name="districte" value="([\w-]+)"', body)
        self.assertEqual(len(districts), 10, "every district with a match, not the first few")
        # Each number shown beside a value is what choosing that value finds.
        for param in ("districte", "sector", "familia"):
            options = re.findall(
                rf'name="{param}" value="([\w-]+)"[^>]*>\s*[^<]*<span class="facet__count">\((\d+)\)', body
            )
            self.assertTrue(options, param)
            for value, shown in options:
                chosen = self.search(q="cooperativa", **{param: value})
                self.assertEqual(count(chosen), int(shown), f"{param}={value}")
        only_projects = self.search(q="cooperativa", tipus="project")
        self.assertEqual(count(only_projects), int(kinds["project"]))
        self.assertEqual({kind for kind, _ in results(only_projects)}, {"Projecte tractor"})
        in_sector = self.search(q="cooperativa", sector="habitatge", tipus="initiative")
        for _, title in results(in_sector):
            self.assertTrue(
                Initiative.objects.get(name=title).sectors.filter(slug="habitatge").exists(), title
            )
        families = results(self.search(q="cooperativa", familia="cooperativa-de-treball"))
        self.assertTrue(families)
        for _, title in families:
            self.assertEqual(Initiative.objects.get(name=title).family.slug, "cooperativa-de-treball")

    def test_pagination_walks_through_every_result_once(self):
        first = self.search(q="consum conscient")
        total = count(first)
        self.assertGreater(total, 40)
        seen = []
        for number in range(1, (total + 19) // 20 + 1):
            seen += results(self.search(q="consum conscient", pagina=number))
        self.assertEqual(len(seen), total)
        self.assertEqual(len(set(seen)), total)
        self.assertIn('rel="next"', first.content.decode())

    def test_drafts_and_unpublished_things_never_appear(self):
        counted = count(self.search(q="Verdun"))
        initiative = Initiative.objects.get(name="Habitem Verdun")
        initiative.live = False
        initiative.save()
        self.assertEqual(count(self.search(q="Verdun")), counted - 1, "the total counts live ones only")
        table = SectorPage.objects.get(locale__language_code="ca", sector__slug="mobilitat")
        table.unpublish()
        draft = table.get_children().first().specific
        draft.title = "Esborrany secretíssim"
        draft.save_revision()
        for query in ("Habitem Verdun", "taula de mobilitat", "secretissim"):
            titles = [title for _, title in results(self.search(q=query))]
            self.assertNotIn("Habitem Verdun", titles)
            self.assertNotIn("Taula de mobilitat", titles)
            self.assertNotIn("Esborrany secretíssim", titles)
        suggestions = self.client.get("/ca/cerca/suggeriments/", {"q": "Habitem Ver"}).json()["suggestions"]
        self.assertNotIn("Habitem Verdun", [s["title"] for s in suggestions])

    def test_other_languages_search_their_own_pages(self):
        response = self.client.get("/es/cerca/", {"q": "vivienda"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("Mesa de vivienda", [title for _, title in results(response)])
        self.assertNotIn("Taula d'habitatge", [title for _, title in results(response)])

    def test_bad_input_is_answered_not_crashed(self):
        for params in [
            {"q": '"'},
            {"q": "a de la"},
            {"q": "x" * 5000},
            {"q": "NOT OR AND * ( ) :"},
            {"q": "habitatge", "pagina": "abc"},
            {"q": "habitatge", "pagina": "-3"},
            {"q": "habitatge", "pagina": "99999"},
            {"q": "habitatge", "tipus": "<script>"},
            {"q": "habitatge", "districte": "atlantida", "sector": "x", "familia": "y"},
            {"q": "habitatge\t\r\n"},
        ]:
            response = self.search(**params)
            self.assertNotIn(
                "<script>", response.content.decode().split("<main", 1)[-1].replace("<script src", "")
            )
        # NUL and other control characters never reach the search: core.input_guard answers 400.
        self.assertEqual(self.client.get("/ca/cerca/", {"q": "\x00\x1f"}).status_code, 400)
        rejected = self.search(q="habitatge", districte="atlantida").content.decode()
        self.assertIn("districte=atlantida", rejected)
        self.assertEqual(
            count(self.search(q="habitatge", districte="atlantida")), count(self.search(q="habitatge"))
        )

    def test_works_without_javascript(self):
        body = self.search(q="habitatge").content.decode()
        self.assertIn('<form method="get" action="" role="search"', body)
        self.assertIn('type="radio" name="tipus"', body)
        self.assertIn('type="submit"', body)

    def test_promotions_come_first_and_popular_queries_keep_no_personal_data(self):
        about = Page.objects.get(locale__language_code="ca", slug="sobre-el-projecte")
        SearchPromotion.objects.create(
            query=Query.get("habitatge"), page=about, sort_order=0, description="Qui som"
        )
        body = self.search(q="habitatge").content.decode()
        self.assertLess(body.index("Sobre el projecte"), body.index('class="search-results"'))
        self.assertIn(f'<a href="{about.url}">Sobre el projecte</a>', body)
        self.search(q="habitatge")
        self.search(q="escriu-me a maria@example.org habitatge")
        self.search(q="habitatge 612345678")
        self.assertEqual(Query.get("habitatge").hits, 2)
        self.assertFalse(Query.objects.filter(query_string__contains="@").exists())
        self.assertFalse(Query.objects.filter(query_string__contains="612345678").exists())


class SuggestionsTests(SeededSiteTestCase):
    def suggest(self, text):
        response = Client(HTTP_HOST="127.0.0.1").get("/ca/cerca/suggeriments/", {"q": text})
        return response

    def test_suggestions_fold_accents_and_case(self):
        for typed in ("habit", "HABIT", "Hàbit"):
            response = self.suggest(typed)
            self.assertEqual(response.status_code, 200)
            titles = [s["title"] for s in response.json()["suggestions"]]
            self.assertTrue(titles and all("habit" in t.lower() for t in titles), (typed, titles))
        titles = [s["title"] for s in self.suggest("mobilit").json()["suggestions"]]
        self.assertIn("Taula de mobilitat", titles)
        self.assertTrue(
            all(set(s) == {"title", "url", "kind"} for s in self.suggest("bici").json()["suggestions"])
        )

    def test_bad_input(self):
        self.assertEqual(self.suggest("").json(), {"suggestions": []})
        self.assertEqual(self.suggest('"').json(), {"suggestions": []})
        too_long = self.suggest("x" * 101)
        self.assertEqual(too_long.status_code, 400)
        self.assertIn("100", json.loads(too_long.content)["error"])
