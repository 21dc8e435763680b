"""The map page, the embeds district offices frame, their options, oEmbed, and who may frame what."""

import html
import json
import re

from django.http import QueryDict
from django.test import override_settings

import pytest

from mapa.embed import EmbedOptions
from mapa.models import Layer
from tests.mapa.factories import market_layer

pytestmark = pytest.mark.django_db


@pytest.fixture
def layers(boundaries):
    Layer.objects.create(slug="districtes", name="Districtes", kind="districts", shown_by_default=True)
    market, _ = market_layer(
        {
            "La Botiga de Gràcia": (2.1574, 41.4010),
            "<script>alert('x')</script>": (2.1580, 41.4015),
            "Botiga del Poblenou": (2.2010, 41.4010),
        },
        shown_by_default=True,
    )
    return market


def config(response):
    return json.loads(
        re.search(
            r'<script id="map-config" type="application/json">(.*?)</script>', response.content.decode()
        ).group(1)
    )


def test_embed_options_round_trip_through_the_query_string(layers):
    query = "districte=gracia&capes=mercat-social,districtes&capa=mercat-social&q=botiga&centre=41.40100,2.15700&zoom=15&alcada=600&controls=0&llista=sota&limita=0&zoom_min=13&zoom_max=17"
    options, errors = EmbedOptions.from_query(QueryDict(query), "es")
    assert errors == []
    assert (options.district, options.layers, options.height, options.controls, options.list_mode) == (
        "gracia",
        ["mercat-social", "districtes"],
        600,
        False,
        "sota",
    )
    assert (options.lock, options.min_zoom, options.max_zoom) == (False, 13, 17)
    again, _ = EmbedOptions.from_query(QueryDict(options.to_query()), "es")
    assert again == options
    assert options.url().startswith("/es/mapa/incrusta/?")


@pytest.mark.parametrize(
    ("query", "language", "title"),
    [
        ("districte=gracia", "ca", "Mapa de l'ESS a Gràcia"),
        ("districte=eixample", "ca", "Mapa de l'ESS a l'Eixample"),
        ("barri=el-raval", "ca", "Mapa de l'ESS al Raval"),
        ("districte=gracia", "es", "Mapa de la ESS en Gràcia"),
        ("districte=gracia", "en", "Map of the SSE in Gràcia"),
        ("", "ca", "Mapa de l'economia social i solidària"),
    ],
)
def test_an_embed_is_named_after_its_area(boundaries, query, language, title):
    assert EmbedOptions.from_query(QueryDict(query), language)[0].title() == title


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("districte=atlantida", "districte"),
        ("capes=no-such-layer", "capes"),
        ("zoom=40", "zoom"),
        ("alcada=tall", "alcada"),
        ("centre=north", "centre"),
        ("controls=maybe", "controls"),
        ("llista=amunt", "llista"),
        ("limita=maybe", "limita"),
        ("zoom_min=0", "zoom_min"),
        ("zoom_min=16&zoom_max=12", "zoom_max"),
    ],
)
def test_bad_options_are_left_out_and_named(client, layers, query, message):
    options, errors = EmbedOptions.from_query(QueryDict(query))
    assert len(errors) == 1 and message in errors[0]
    response = client.get(f"/ca/mapa/incrusta/?{query}")
    assert response.status_code == 200 and 'role="alert"' in response.content.decode()


def test_the_map_page_loads_layers_by_url_and_lists_what_it_shows(client, layers):
    response = client.get("/ca/mapa/")
    body = response.content.decode()
    settings = config(response)
    assert [layer["url"] for layer in settings["layers"]] == [
        "/ca/mapa/capes/districtes.geojson",
        "/ca/mapa/capes/mercat-social.geojson",
    ]
    assert "FeatureCollection" not in body  # no feature inlined in the page
    market = re.search(r'data-list-group="mercat-social".*?</section>', body, re.S).group(0)
    items = re.findall(r'data-lat="([\d.]+)" data-lon="([\d.]+)"', market)
    assert ("41.401", "2.1574") in items and len(items) == 3
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in body and "<script>alert('x')" not in body
    assert "/static/vendor/leaflet/leaflet.js" in body and "cdn" not in body.lower()
    assert 'rel="alternate" type="application/json+oembed"' in body


def test_the_map_page_takes_the_directorys_filters(client, layers):
    body = html.unescape(client.get("/ca/mapa/?districte=gracia").content.decode())
    assert "La Botiga de Gràcia" in body and "Botiga del Poblenou" not in body
    assert config(client.get("/ca/mapa/?districte=gracia"))["query"] == "districte=gracia"


def test_an_embed_draws_its_district_and_fits_it(client, layers):
    response = client.get("/ca/mapa/incrusta/?districte=gracia&capes=mercat-social")
    settings = config(response)
    assert settings["area"] == "/ca/mapa/capes/area/districte/gracia.geojson" and settings["fitToArea"]
    west, south, east, north = settings["fit"]
    assert 2.12 < west < east < 2.18 and 41.39 < south < north < 41.43
    assert [layer["slug"] for layer in settings["layers"] if layer["shown"]] == ["mercat-social"]
    boundary = client.get(settings["area"])
    assert boundary.json()["features"][0]["properties"]["name"] == "Gràcia"
    assert (
        boundary["Cache-Control"] == "public, max-age=300" and boundary["Access-Control-Allow-Origin"] == "*"
    )


def test_an_area_is_a_district_or_a_neighbourhood_and_nothing_else(client, layers):
    neighbourhood = client.get("/ca/mapa/capes/area/barri/la-vila-de-gracia.geojson")
    assert (
        neighbourhood.json()["features"][0]["properties"]["name"] == "La Vila de Gràcia"
    )  # its label, as a title
    # a kind that is neither is refused, not read as a neighbourhood
    for url in (
        "/ca/mapa/capes/area/comarca/la-vila-de-gracia.geojson",
        "/ca/mapa/capes/area/barri/gracia.geojson",
    ):
        response = client.get(url)
        assert response.status_code == 404 and response["Access-Control-Allow-Origin"] == "*"
        assert "Cache-Control" not in response
    embed = config(client.get("/ca/mapa/incrusta/?districte=gracia&barri=la-vila-de-gracia"))
    assert embed["area"] == "/ca/mapa/capes/area/barri/la-vila-de-gracia.geojson"


@override_settings(EMBED_FRAME_ANCESTORS="https://ajuntament.barcelona.cat")
def test_only_embeds_may_be_framed(client, layers):
    embed = client.get("/ca/mapa/incrusta/")
    assert "X-Frame-Options" not in embed
    assert (
        "frame-ancestors 'self' https://ajuntament.barcelona.cat;" in embed["Content-Security-Policy"] + ";"
    )
    for url in ("/ca/mapa/", "/ca/directori/", "/ca/mapa/capes/"):
        assert client.get(url)["X-Frame-Options"] == "DENY", url


def test_oembed_gives_the_iframe_of_a_map_address(client, layers):
    url = "http://testserver/ca/mapa/incrusta/?districte=gracia&capes=mercat-social"
    answer = client.get("/ca/mapa/oembed/", {"url": url, "maxheight": "400"}).json()
    assert answer["type"] == "rich" and answer["version"] == "1.0" and answer["height"] == 400
    assert (
        'src="http://testserver/ca/mapa/incrusta/?districte=gracia&amp;capes=mercat-social&amp;alcada=400"'
        in answer["html"]
    )
    assert client.get("/ca/mapa/oembed/").status_code == 400
    assert client.get("/ca/mapa/oembed/", {"url": "http://elsewhere.example/ca/mapa/"}).status_code == 404
    assert client.get("/ca/mapa/oembed/", {"url": "http://testserver/ca/directori/"}).status_code == 404
    assert client.get("/ca/mapa/oembed/", {"url": url, "format": "xml"}).status_code == 501
    clamped = client.get("/ca/mapa/oembed/", {"url": url, "maxheight": "0", "maxwidth": "9" * 30}).json()
    assert (clamped["height"], clamped["width"]) == (200, 800)  # what an embed accepts
    # one endpoint answers for every language's maps, in the map's language
    spanish = client.get("/ca/mapa/oembed/", {"url": url.replace("/ca/", "/es/")}).json()
    assert 'src="http://testserver/es/mapa/incrusta/?districte=gracia' in spanish["html"]
    assert spanish["title"] == "Mapa de la ESS en Gràcia"
    assert client.get("/ca/mapa/oembed/", {"url": "http://testserver/fr/mapa/"}).status_code == 404


def test_the_builder_writes_the_code_for_the_chosen_view(client, layers):
    body = html.unescape(
        client.get(
            "/ca/mapa/?districte=gracia&capes=mercat-social&capes=districtes&llista=sota"
        ).content.decode()
    )
    assert (
        '<iframe src="http://testserver/ca/mapa/incrusta/?districte=gracia&capes=mercat-social,districtes&llista=sota"'
        in body
    )


def test_a_saved_embed_keeps_its_address_while_editors_change_it(client, layers):
    from directori.models import District
    from mapa.models import MapEmbed

    preset = MapEmbed.objects.create(name="Gràcia, mercat social", slug="gracia-mercat", height=600)
    preset.layers.add(layers)
    preset.district = District.objects.get(code="06")
    preset.save()
    response = client.get("/ca/mapa/incrusta/gracia-mercat/")
    assert response.status_code == 200 and "X-Frame-Options" not in response
    settings = config(response)
    assert [layer["slug"] for layer in settings["layers"] if layer["shown"]] == ["mercat-social"]
    assert settings["area"] == "/ca/mapa/capes/area/districte/gracia.geojson"
    answer = client.get(
        "/ca/mapa/oembed/", {"url": "http://testserver/ca/mapa/incrusta/gracia-mercat/"}
    ).json()
    assert (
        'src="http://testserver/ca/mapa/incrusta/gracia-mercat/"' in answer["html"]
        and answer["height"] == 600
    )
    assert client.get("/ca/mapa/incrusta/no-such-preset/").status_code == 404


def test_a_district_page_shows_its_map_and_the_code_to_embed_it(client, layers):
    body = html.unescape(client.get("/ca/directori/districte/gracia/").content.decode())
    assert '<iframe src="/ca/mapa/incrusta/?districte=gracia&llista=sota" title="Gràcia"' in body
    assert 'action="/ca/mapa/#embed-builder"' in body  # the builder (tests/mapa/test_embed_code.py)


def test_a_deleted_saved_embed_says_so_inside_the_host_page_in_its_language(client, layers):
    response = client.get("/es/mapa/incrusta/ya-no-existe/")
    body = html.unescape(response.content.decode())
    assert response.status_code == 404 and response["Content-Type"].startswith("text/html")
    assert '<html lang="es">' in body and "Este mapa ya no está aquí" in body and "«ya-no-existe»" in body
    assert (
        "frame-ancestors 'self' *" in response["Content-Security-Policy"]
    )  # still shown in the host's frame
