"""The map's GeoJSON endpoints as a district office's page or a developer would use them: shape,
headers, filters, drafts left out, bad parameters answered with a message, and a query count that
does not grow with the data."""

import gzip
import json

from django.core.cache import cache, caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from directori.models import EssFamily, Initiative, LayerTag, Neighbourhood, Sector
from mapa.geojson_cache import FILTERED_TIMEOUT, TIMEOUT
from mapa.models import EconomicPole, HousingServiceLink, Layer
from tests.mapa.factories import market_layer

pytestmark = pytest.mark.django_db


def place(name, lon, lat, live=True, **extra):
    initiative = Initiative(name=name, longitude=lon, latitude=lat, live=live, **extra)
    initiative.save()
    return initiative


@pytest.fixture
def market(boundaries):
    layer, placed = market_layer(
        {
            "La Botiga de Gràcia": (2.15744, 41.40101),
            "Botiga del Poblenou": (2.2010, 41.4010),
            "<script>alert(1)</script>": (2.1580, 41.4015),
        },
        name_en="Social market",
    )
    draft = place("Esborrany", 2.1590, 41.4020, live=False)
    draft.tags.add(LayerTag.objects.get(slug="mercat-social"))
    draft.save()  # tagged for the layer, but a draft: never in it
    place("Sense capa", 2.1600, 41.4025)  # live, but not in the layer
    return layer, {"gracia": placed["La Botiga de Gràcia"]}


def geojson(client, url, **headers):
    response = client.get(url, headers=headers)
    return response, json.loads(response.content) if response.status_code == 200 else None


def test_the_layer_index_lists_names_and_urls(client, market):
    response = client.get("/en/mapa/capes/")
    assert response.status_code == 200 and response["Access-Control-Allow-Origin"] == "*"
    [layer] = response.json()["layers"]
    assert layer["name"] == "Social market"
    assert layer["url"] == "http://testserver/en/mapa/capes/mercat-social.geojson"


def test_a_layer_is_geojson_of_live_initiatives_with_cache_and_cors_headers(client, market):
    response, document = geojson(client, "/ca/mapa/capes/mercat-social.geojson")
    assert response["Content-Type"] == "application/geo+json"
    assert response["Cache-Control"] == "public, max-age=300"
    assert response["Access-Control-Allow-Origin"] == "*" and response["Vary"] == "Accept-Encoding"
    assert document["type"] == "FeatureCollection"
    names = sorted(f["properties"]["name"] for f in document["features"])
    assert names == [
        "<script>alert(1)</script>",
        "Botiga del Poblenou",
        "La Botiga de Gràcia",
    ]  # data, as typed
    feature = next(f for f in document["features"] if f["properties"]["name"] == "La Botiga de Gràcia")
    assert feature["geometry"] == {"type": "Point", "coordinates": [2.15744, 41.40101]}
    assert feature["properties"]["url"] == "/ca/directori/iniciativa/la-botiga-de-gracia/"


def test_gzip_etag_and_not_modified(client, market):
    plain, document = geojson(client, "/ca/mapa/capes/mercat-social.geojson")
    zipped = client.get("/ca/mapa/capes/mercat-social.geojson", headers={"Accept-Encoding": "gzip, br"})
    assert zipped["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(zipped.content)) == document
    etag = plain["ETag"]
    assert zipped["ETag"] == etag
    again = client.get("/ca/mapa/capes/mercat-social.geojson", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again["ETag"] == etag
    head = client.head("/ca/mapa/capes/mercat-social.geojson")
    assert head.status_code == 200 and head["ETag"] == etag

    shop = market[1]["gracia"]
    shop.name = "La Botiga Nova"
    shop.save()
    changed, document = geojson(client, "/ca/mapa/capes/mercat-social.geojson", **{"If-None-Match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert "La Botiga Nova" in {f["properties"]["name"] for f in document["features"]}


def test_the_directory_filters_and_a_bounding_box_apply(client, market):
    def names(query):
        response, document = geojson(client, f"/ca/mapa/capes/mercat-social.geojson?{query}")
        assert response.status_code == 200, response.content
        return sorted(f["properties"]["name"] for f in document["features"])

    assert names("districte=gracia") == ["<script>alert(1)</script>", "La Botiga de Gràcia"]
    assert names("q=botiga") == ["Botiga del Poblenou", "La Botiga de Gràcia"]
    assert names("bbox=2.19,41.39,2.21,41.41") == ["Botiga del Poblenou"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("servei=piscines", "servei=piscines"),
        ("bbox=1,2", "bbox"),
        ("bbox=3,41,2,42", "bbox"),
        ("bbox=a,b,c,d", "bbox"),
        ("bbox=1,2,3,4,5", "bbox"),
        ("bbox=nan,41,2,42", "bbox"),
        ("bbox=2,41,inf,42", "bbox"),
        ("districte=atlantida", "districte=atlantida"),
    ],
)
def test_bad_parameters_get_400_with_a_message(client, market, query, message):
    response = client.get(f"/ca/mapa/capes/mercat-social.geojson?{query}")
    assert response.status_code == 400
    assert message in response.json()["error"]
    # another site's script can read the message, and no cache keeps the mistake
    assert response["Access-Control-Allow-Origin"] == "*" and "Cache-Control" not in response


def test_a_service_filter_names_housing_services_only(market):
    from django.http import QueryDict

    from mapa.features import unknown_services

    query = QueryDict("servei=habitatge-energia&servei=mercat-social&servei=piscines")
    # mercat-social is a layer tag, but not a housing service
    assert unknown_services(query) == ["servei=mercat-social", "servei=piscines"]
    assert unknown_services(QueryDict("districte=gracia")) == []


@pytest.fixture
def cache_sets(monkeypatch):
    """What the layer view writes to the (real) cache: [(key, timeout)]."""
    writes = []
    real = caches["default"].set

    def record(key, value, timeout=None, **kwargs):
        writes.append((key, timeout))
        return real(key, value, timeout, **kwargs)

    monkeypatch.setattr(caches["default"], "set", record)
    return writes


def test_nearby_boxes_share_one_short_lived_document_cut_from_the_whole_layer(client, market, cache_sets):
    url = "/ca/mapa/capes/mercat-social.geojson"
    client.get(url)
    with CaptureQueriesContext(connection) as whole:
        client.get(url)  # from the cache: the data's version and the parameters' checks only
    with CaptureQueriesContext(connection) as boxed:
        first, document = geojson(client, f"{url}?bbox=2.191,41.391,2.209,41.409")
    assert len(boxed) == len(whole)  # cut from the cached whole layer, not read again
    second, again = geojson(client, f"{url}?bbox=2.195,41.395,2.205,41.405")
    assert first["ETag"] == second["ETag"] and document == again
    assert [f["properties"]["name"] for f in document["features"]] == ["Botiga del Poblenou"]
    assert [timeout for _, timeout in cache_sets] == [TIMEOUT, FILTERED_TIMEOUT]  # one entry per cell

    # snapped outwards: a point just west of the box but inside its grid cell is kept
    _, document = geojson(client, f"{url}?bbox=2.2015,41.40,2.209,41.41")
    assert [f["properties"]["name"] for f in document["features"]] == ["Botiga del Poblenou"]


def test_a_box_keeps_the_shapes_it_touches(client, boundaries):
    Layer.objects.create(slug="districtes", name="Districtes", kind="districts")
    _, document = geojson(client, "/ca/mapa/capes/districtes.geojson?bbox=2.155,41.40,2.16,41.405")
    names = {f["properties"]["name"] for f in document["features"]}
    assert "Gràcia" in names and "Nou Barris" not in names and len(names) < 10


def test_an_unknown_layer_is_a_404_with_a_message(client, db):
    response = client.get("/ca/mapa/capes/atlantida.geojson")
    assert response.status_code == 404 and "/mapa/capes/" in response.json()["error"]


def test_the_number_of_queries_does_not_grow_with_the_layer(client, market):
    def queries():
        cache.clear()  # a cold build each time
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/ca/mapa/capes/mercat-social.geojson").status_code == 200
        return len(captured)

    small = queries()
    tag = LayerTag.objects.get(slug="mercat-social")
    for n in range(60):
        shop = place(f"Botiga {n}", 2.15 + n / 10000, 41.40)
        shop.tags.add(tag)
        shop.save()  # a cluster's relations are written on save
    _, document = geojson(client, "/ca/mapa/capes/mercat-social.geojson")
    assert len(document["features"]) == 63
    assert queries() == small


def test_the_housing_network_draws_lines_and_filters_by_service(client, boundaries):
    layer = Layer.objects.create(slug="xarxa", name="Xarxa", kind="housing")
    home = place("Cooperativa La Llar", 2.1574, 41.4010)
    solar = place("Energia Veïna", 2.1600, 41.4030)
    meals = place("Cuina Comuna", 2.1550, 41.3990)
    hidden = place("Proveïdor esborrany", 2.1500, 41.3900, live=False)
    energy = LayerTag.objects.get(slug="habitatge-energia")
    food = LayerTag.objects.get(slug="habitatge-alimentacio")
    for provider, service in ((solar, energy), (meals, food), (hidden, energy)):
        HousingServiceLink.objects.create(housing=home, provider=provider, service=service)
    _, document = geojson(client, "/ca/mapa/capes/xarxa.geojson")
    lines = [f for f in document["features"] if f["geometry"]["type"] == "LineString"]
    assert sorted(f["properties"]["provider"] for f in lines) == ["Cuina Comuna", "Energia Veïna"]
    points = {
        (f["properties"]["role"], f["properties"]["name"])
        for f in document["features"]
        if f["geometry"]["type"] == "Point"
    }
    assert points == {
        ("housing", "Cooperativa La Llar"),
        ("provider", "Energia Veïna"),
        ("provider", "Cuina Comuna"),
    }
    line = next(f for f in lines if f["properties"]["provider"] == "Energia Veïna")
    assert line["geometry"] == {"type": "LineString", "coordinates": [[2.16, 41.403], [2.1574, 41.401]]}
    _, document = geojson(client, "/ca/mapa/capes/xarxa.geojson?servei=habitatge-alimentacio")
    assert [
        f["properties"].get("provider") for f in document["features"] if f["geometry"]["type"] == "LineString"
    ] == ["Cuina Comuna"]
    assert layer.label == "Xarxa"


def test_poles_are_drawn_from_their_neighbourhoods_and_suggestions_wait(client, boundaries):
    Layer.objects.create(slug="pols", name="Pols", kind="poles")
    vila = Neighbourhood.objects.get(code="31")
    accepted = EconomicPole.objects.create(name="Gràcia comunitària", district=vila.district)
    accepted.neighbourhoods.add(vila)
    EconomicPole.objects.create(
        name="Suggeriment", district=vila.district, status="suggested", area=vila.geometry
    )
    _, document = geojson(client, "/ca/mapa/capes/pols.geojson")
    [feature] = document["features"]
    assert feature["properties"]["name"] == "Gràcia comunitària"
    assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")


def test_boundaries_and_the_choropleth_per_thousand_inhabitants(client, boundaries):
    from directori.models import District

    Layer.objects.create(slug="districtes", name="Districtes", kind="districts")
    Layer.objects.create(slug="densitat", name="Densitat", kind="choropleth")
    _, document = geojson(client, "/ca/mapa/capes/districtes.geojson")
    assert len(document["features"]) == 10
    assert len(client.get("/ca/mapa/capes/districtes.geojson").content) < 120_000  # simplified
    gracia = District.objects.get(code="06")
    District.objects.filter(pk=gracia.pk).update(population=2000)
    place("A", 2.1574, 41.4010)
    place("B", 2.1580, 41.4015)
    _, document = geojson(client, "/ca/mapa/capes/densitat.geojson")
    feature = next(f for f in document["features"] if f["properties"]["code"] == "06")
    assert (feature["properties"]["initiatives"], feature["properties"]["per_thousand"]) == (2, 1.0)
    assert (
        next(f for f in document["features"] if f["properties"]["code"] == "01")["properties"]["per_thousand"]
        is None
    )


def test_layer_filters_of_sector_and_family_narrow_an_initiatives_layer(client, boundaries):
    care = Sector.objects.create(slug="cures", name="Cures")
    coop = EssFamily.objects.create(slug="coop", name="Cooperativa")
    layer = Layer.objects.create(slug="cures", name="Cures", kind="initiatives")
    layer.sectors.add(care)
    layer.families.add(coop)
    yes = place("Cuidem", 2.1574, 41.4010, family=coop)
    yes.sectors.add(care)
    yes.save()
    no = place("Cuidem sense família", 2.1575, 41.4011)
    no.sectors.add(care)
    no.save()
    _, document = geojson(client, "/ca/mapa/capes/cures.geojson")
    assert [f["properties"]["name"] for f in document["features"]] == ["Cuidem"]
    assert document["features"][0]["properties"]["family"] == "Cooperativa"
