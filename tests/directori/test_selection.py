"""One selection everywhere: for the same parameters the directory, the map page, its list, the
selection layer's GeoJSON, the API and the export count the same initiatives; links round-trip."""

import html
import itertools
import json
import random
import re
from urllib.parse import urlencode

from django.http import QueryDict

import pytest

from directori.models import EssFamily, Initiative, LayerTag, Sector
from directori.selection import Selection

pytestmark = pytest.mark.django_db


@pytest.fixture
def city(boundaries):
    """Fourteen initiatives over three districts, several sectors and kinds, one tagged for the social
    market, one without a location, plus a draft that nothing may show."""
    coop = EssFamily.objects.create(slug="cooperativa", name="Cooperativa")
    association = EssFamily.objects.create(slug="associacio", name="Associació")
    food = Sector.objects.create(slug="agroecologia", name="Agroecologia")
    housing = Sector.objects.create(slug="habitatge", name="Habitatge")
    care = Sector.objects.create(slug="cures", name="Cures")
    market, _ = LayerTag.objects.get_or_create(
        slug="mercat-social", defaults={"name": "Mercat social", "group": "market"}
    )
    places = {  # lon, lat: Gràcia, Sant Martí (Poblenou), Sants-Montjuïc (Sants)
        "gracia": (2.1574, 41.4010),
        "poblenou": (2.2010, 41.4010),
        "sants": (2.1330, 41.3750),
    }
    rows = [
        ("Fruita i Verdura de Gràcia", "gracia", coop, [food], [market]),
        ("Cistella Ecològica", "gracia", association, [food], []),
        ("Sostre Cooperatiu", "gracia", coop, [housing], []),
        ("Mediació Familiar", "gracia", association, [care], []),
        ("Habitatge i Cures del Poblenou", "poblenou", coop, [housing, care], [market]),
        ("L'Hort del Poblenou", "poblenou", association, [food], []),
        ("Àvia Cuida", "poblenou", association, [care], []),
        ("Forn Cooperatiu de Sants", "sants", coop, [food], [market]),
        ("Cases de Sants", "sants", coop, [housing], []),
        ("Cures a Sants", "sants", association, [care], []),
        ("Bicis de Sants", "sants", coop, [], []),
        ("Menjador Solidari", "sants", association, [food, care], [market]),
        ("Energia Veïnal", "poblenou", coop, [], []),
    ]
    for n, (name, place, family, sectors, tags) in enumerate(rows):
        lon, lat = places[place]
        initiative = Initiative(name=name, longitude=lon + n * 0.0004, latitude=lat, family=family, live=True)
        initiative.save()
        initiative.sectors.set(sectors)
        initiative.tags.set(tags)
        initiative.save()  # parental many-to-many links are written on save
    unlocated = Initiative(name="Xarxa sense Local", family=coop, live=True)
    unlocated.save()
    unlocated.sectors.set([food])
    unlocated.save()
    Initiative(name="Esborrany de Fruita", longitude=2.1574, latitude=41.4010, live=False).save()


def combinations():
    """At least 30 parameter sets: each filter alone, pairs, several values of one parameter,
    text with and without accents, empty results, unknown values, a point and a radius."""
    single = [
        {},
        {"q": "fruita"},
        {"q": "Ecològica"},
        {"q": "ecologica"},
        {"q": "cooperatiu sants"},
        {"q": "res-de-res"},
        {"sector": "agroecologia"},
        {"sector": ["habitatge", "cures"]},
        {"familia": "cooperativa"},
        {"districte": "gracia"},
        {"districte": ["gracia", "sant-marti"]},
        {"barri": "sants"},
        {"capa": "mercat-social"},
        {"sector": "no-existeix"},
        {"districte": "atlantida", "sector": "cures"},
        {"a_prop": "41.4010,2.1574"},
        {"a_prop": "41.4010,2.1574", "radi": "500"},
        {"a_prop": "41.3750,2.1330", "radi": "1000", "sector": "agroecologia"},
        {"a_prop": "nord", "radi": "500"},
        {"sector": "agroecologia", "districte": "sants-montjuic"},
        {"sector": "habitatge", "districte": "gracia"},
        {"familia": "cooperativa-d-habitatge"},
        {"q": "Àvia"},
        {"q": "cures", "districte": "sant-marti", "familia": "associacio"},
    ]
    rng = random.Random(14)  # noqa: S311  (a fixed seed: the same cases on every run)
    values = {
        "sector": ["agroecologia", "habitatge", "cures"],
        "familia": ["cooperativa", "associacio"],
        "districte": ["gracia", "sant-marti", "sants-montjuic"],
        "capa": ["mercat-social"],
        "q": ["de", "sants", "cuida"],
    }
    generated = []
    for a, b in itertools.combinations(values, 2):
        generated.append({a: rng.choice(values[a]), b: rng.choice(values[b])})
    return single + generated


def count_in(text, pattern):
    found = re.search(pattern, html.unescape(text))
    assert found, (pattern, re.findall(r"<h2[^>]*>.*?</h2>", text, re.S)[:4])
    return int(found.group(1))


def test_every_view_of_a_selection_counts_the_same(client, city):
    cases = combinations()
    assert len(cases) >= 30
    sizes = set()
    for params in cases:
        query = urlencode(params, doseq=True)
        directory = client.get(f"/ca/directori/?{query}").content.decode()
        in_directory = count_in(directory, r'id="results-heading"[^>]*>\s*(\d+) iniciativ')

        page = client.get(f"/ca/mapa/?{query}")
        body = page.content.decode()
        on_map = count_in(body, r"(\d+) iniciativ(?:a|es) al mapa")
        group = re.search(r'data-list-group="seleccio".*?</section>', body, re.S)
        listed = len(re.findall(r"<li data-map-item", group.group(0))) if group else 0
        config = json.loads(
            re.search(r'id="map-config" type="application/json">(.*?)</script>', body).group(1)
        )
        # what the map's script fetches: the selection layer with the page's cleaned query
        layer = next((item for item in config["layers"] if item["slug"] == "seleccio"), None)
        if layer:
            assert layer["shown"], query
            features = client.get(f"{layer['url']}?{config['query']}").json()["features"]
        else:  # nothing (known) selected: the map shows its default layers, the directory everything
            assert config["query"] == "", query
            features = client.get("/ca/mapa/capes/seleccio.geojson").json()["features"]
            listed = in_directory
        api = client.get(f"/api/v1/initiatives?{config['query']}").json()["count"]

        assert in_directory == len(features) == api, query
        if layer:
            assert on_map == listed == in_directory, query
        sizes.add(in_directory)
    assert 0 in sizes and len(sizes) >= 6  # the cases are not all alike


def test_unknown_values_are_named_and_left_out(client, city):
    body = html.unescape(
        client.get("/ca/directori/?sector=no-existeix&a_prop=nord&ordre=alçada").content.decode()
    )
    assert "sector=no-existeix" in body and "a_prop=nord" in body
    assert count_in(body, r'id="results-heading"[^>]*>\s*(\d+) iniciativ') == 14
    # open data and the API say so instead of answering another set
    assert client.get("/ca/directori/export.csv?a_prop=91,0").status_code == 400
    assert client.get("/api/v1/initiatives?radi=0&a_prop=41.4,2.15").status_code in (400, 422)
    assert client.get("/ca/mapa/capes/seleccio.geojson?sector=no-existeix").status_code == 400


def test_directory_and_map_links_round_trip(client, city):
    query = "q=fruita&sector=agroecologia&districte=gracia&a_prop=41.401%2C2.1574&radi=2000"
    directory = html.unescape(client.get(f"/ca/directori/?{query}").content.decode())
    to_map = re.search(r'<a href="(/ca/mapa/\?[^"]+)">Mostra-les al mapa', directory).group(1)
    assert Selection.from_params(QueryDict(to_map.split("?", 1)[1])) == Selection.from_params(
        QueryDict(query)
    )
    on_map = html.unescape(client.get(to_map).content.decode())
    back = re.search(r'<a href="(/ca/directori/\?[^"]+)"[^>]*>Mostra-les al directori', on_map).group(1)
    assert Selection.from_params(QueryDict(back.split("?", 1)[1])) == Selection.from_params(QueryDict(query))


def test_near_a_point_sorts_by_distance_prints_it_and_keeps_to_the_radius(client, city):
    sants = "41.3750,2.1330"
    body = html.unescape(client.get(f"/ca/directori/?a_prop={sants}&radi=500").content.decode())
    names = re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', body)
    assert names[0] == "Forn Cooperatiu de Sants"  # the nearest first
    assert set(names) == {
        "Forn Cooperatiu de Sants",
        "Cases de Sants",
        "Cures a Sants",
        "Bicis de Sants",
        "Menjador Solidari",
    }
    distances = [int(d) for d in re.findall(r'class="distance">(\d+) m<', body)]
    assert distances == sorted(distances) and len(distances) == 5
    everything = html.unescape(client.get(f"/ca/directori/?a_prop={sants}").content.decode())
    assert "km</span>" in everything  # Gràcia and the Poblenou, further away, in kilometres
    assert "Xarxa sense Local" in everything.split("km</span>")[-1]  # unlocated: listed last


def relaxations(body):
    return [
        (label, int(count))
        for label, count in re.findall(
            r'<li><a href="[^"]+">([^<]+)</a> \((\d+) iniciativ', html.unescape(body)
        )
    ]


def test_zero_results_offer_wider_selections_with_their_counts(client, city):
    from directori.models import District

    gracia = District.objects.get(slug="gracia")
    here, there = gracia.neighbourhoods.order_by("code")[:2]
    point = there.geometry.representative_point()
    Initiative(name="Hort Urbà", longitude=point.x, latitude=point.y, live=True).save()

    body = client.get("/ca/directori/", {"barri": here.slug, "q": "hort"}).content.decode()
    assert "0 iniciatives" in body
    assert relaxations(body) == [("A tot el districte (Gràcia)", 1), ("A tota la ciutat", 2)]
    assert 'href="/ca/directori/proposa/"' in body or "Proposa una iniciativa" in body

    body = client.get("/ca/directori/", {"q": "fruita bicicleta"}).content.decode()
    assert relaxations(body) == [("Sense la paraula «bicicleta»", 1)]

    wider = re.search(
        r'<a href="([^"]+)">A tota la ciutat',
        html.unescape(client.get("/ca/directori/", {"barri": here.slug, "q": "hort"}).content.decode()),
    ).group(1)
    assert "Hort Urbà" in html.unescape(client.get(wider).content.decode())  # the relaxation's own results


def test_a_place_in_the_text_becomes_a_chip_that_can_be_removed(client, city):
    from directori.models import Neighbourhood

    sants = Initiative.objects.get(name="Forn Cooperatiu de Sants").neighbourhood
    body = html.unescape(client.get("/ca/directori/", {"q": f"forn {sants.name}"}).content.decode())
    assert re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', body) == ["Forn Cooperatiu de Sants"]
    assert f'value="{sants.slug}" checked' in body and 'value="forn"' in body  # the place left the text
    removal = re.search(rf'<li class="chip">{sants.name} <a class="chip__remove" href="([^"]+)"', body).group(
        1
    )
    assert Selection.from_params(QueryDict(removal.split("?", 1)[1])) == Selection(text="forn")
    elsewhere = Neighbourhood.objects.exclude(pk=sants.pk).exclude(district=sants.district).first()
    empty = html.unescape(client.get("/ca/directori/", {"q": f"forn {elsewhere.name}"}).content.decode())
    assert "0 iniciatives" in empty and "A tota la ciutat" in empty  # and the way out


def test_near_a_named_neighbourhood_sorts_from_it(client, city):
    sants = Initiative.objects.get(name="Forn Cooperatiu de Sants").neighbourhood
    body = html.unescape(
        client.get("/ca/directori/", {"q": f"cures a prop de {sants.name}"}).content.decode()
    )
    names = re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', body)
    # "cures" is a sector's name: the initiatives of that sector, the nearest first
    assert set(names) == set(Initiative.objects.filter(sectors__slug="cures").values_list("name", flat=True))
    assert names[0] in ("Cures a Sants", "Menjador Solidari")  # the two in Sants
    distances = [
        float(d.replace(",", ".")) * (1000 if unit == "km" else 1)
        for d, unit in re.findall(r'class="distance">([\d,]+) (m|km)<', body)
    ]
    assert distances == sorted(distances) and len(distances) == len(names)
    assert 'value="cures"' in body and "Ordenades per distància" in body


@pytest.mark.parametrize("url", ["/ca/directori/", "/ca/mapa/"])
def test_the_directory_and_map_boxes_suggest_need_words(client, city, url):
    body = client.get(url).content.decode()
    box = re.search(r'<input id="(?:directory|map)-q"[^>]*>', body).group(0)
    assert 'data-suggest="/ca/cerca/suggeriments/"' in box and 'list="' in box
    assert "/static/search/suggest.js" in body


def test_a_need_word_added_in_the_admin_shows_at_once_on_the_map_and_in_the_exports(client, city):
    from directori.models import NeedWord

    assert client.get("/ca/mapa/capes/seleccio.geojson?q=xiribit").json()["features"] == []
    word = NeedWord.objects.create(text="xiribit", language="ca")
    word.sectors.set([Sector.objects.get(slug="agroecologia")])
    in_sector = Initiative.objects.live().filter(sectors__slug="agroecologia").count()
    assert len(client.get("/ca/mapa/capes/seleccio.geojson?q=xiribit").json()["features"]) == in_sector
    rows = b"".join(client.get("/ca/directori/export.csv?q=xiribit").streaming_content).decode().splitlines()
    assert len(rows) == in_sector + 1  # and its header


def test_forgetting_the_point_forgets_the_distance_order(client, city):
    body = html.unescape(client.get("/ca/directori/?a_prop=41.38,2.15&sector=cures").content.decode())
    forget = re.search(r'<a href="([^"]+)">Oblida la meva posició', body).group(1)
    assert "ordre" not in forget and "a_prop" not in forget and "sector=cures" in forget
    assert "ignorat" not in html.unescape(client.get(forget).content.decode()).lower()


def test_a_place_leaves_only_its_own_words(city):
    from directori.models import Neighbourhood

    name = Neighbourhood.objects.get(slug="sants").name
    selection = Selection.from_params(QueryDict(urlencode({"q": f"forn de {name.lower()} a {name}"})))
    assert selection.selected["barri"] == ["sants"] and selection.text == f"forn de {name.lower()}"


def test_forms_on_the_map_keep_the_whole_selection(client, city):
    query = "sector=cures&sector=habitatge&capa=mercat-social&familia=associacio&q=cures"
    body = html.unescape(client.get(f"/ca/mapa/?{query}").content.decode())
    filters = body.split("data-map-form")[1].split("</form>")[0]
    assert '<input type="hidden" name="sector" value="habitatge">' in filters  # the select shows the first
    assert '<input type="hidden" name="capa" value="mercat-social">' in filters
    builder = body.split("data-embed-builder")[1].split("</form>")[0]
    assert '<input type="hidden" name="capa" value="mercat-social">' in builder
    assert '<input type="hidden" name="sector" value="habitatge">' in builder  # the select shows the first
    assert '<input id="embed-q" type="text" name="q" value="cures"' in builder
    assert '<option value="cures" selected>' in builder and '<option value="associacio" selected>' in builder
    assert re.search(r'name="capes" value="seleccio" checked>\s*La teva selecció', builder)


def test_a_bad_box_on_a_layers_list_is_a_400(client, city):
    for url in ("/ca/mapa/capes/seleccio/llista/?bbox=abc", "/ca/mapa/capes/seleccio/llista/?bbox=1,2"):
        response = client.get(url)
        assert response.status_code == 400 and "bbox" in response.json()["error"]
