"""A map with an area shows that area and nothing else: every feature of every seeded layer, fetched as
the embed's script fetches it, is checked against the district's (or neighbourhood's) own polygon with
shapely; housing providers from elsewhere are kept, marked and said to be outside in the list.

Initiatives belong to the district of their neighbourhood (directori.placement), and Open Data BCN's
neighbourhood and district files disagree along shared edges by a few metres: a point may lie that
far outside its district's polygon (one seeded initiative in Horta-Guinardó does, by 2 m). Points and
line ends are therefore checked against the polygon widened by TOLERANCE, about 10 m."""

import gzip
import html
import json
import re

import pytest
import shapely
from shapely.geometry import shape

from directori.models import District, Initiative, Neighbourhood
from mapa.models import EconomicPole, Layer

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_city")]

TOLERANCE = 0.0001  # degrees, about 10 m


def config(body):
    return json.loads(
        re.search(r'<script id="map-config" type="application/json">(.*?)</script>', body).group(1)
    )


def embed_documents(client, query):
    """The embed with every seeded layer, and each layer's GeoJSON requested as map.js requests it:
    {slug: (layer config, document)}."""
    slugs = ",".join(Layer.objects.values_list("slug", flat=True))
    body = client.get(f"/ca/mapa/incrusta/?{query}&capes={slugs}").content.decode()
    settings = config(body)
    documents = {}
    for layer in settings["layers"]:
        response = client.get(f"{layer['url']}?{layer['query']}", headers={"Accept-Encoding": "gzip"})
        assert response.status_code == 200, layer["slug"]
        documents[layer["slug"]] = (layer, json.loads(gzip.decompress(response.content)))
    return settings, documents


def check_every_feature(documents, polygon, placed_inside):
    """Assert each feature's place against `polygon`; `placed_inside(url)` says whether an initiative
    (by its page's address) is placed in the area. Returns the number of features of each kind."""
    widened = polygon.buffer(TOLERANCE)
    counts = {}
    for slug, (layer, document) in documents.items():
        for feature in document["features"]:
            geometry, props = feature["geometry"], feature["properties"]
            kind = geometry["type"] if geometry else None
            counts[layer["kind"], kind] = counts.get((layer["kind"], kind), 0) + 1
            assert geometry is not None, (slug, props)  # the embed's layers draw located things only
            if kind == "Point":
                point = shapely.Point(geometry["coordinates"])
                if props.get("outside"):  # a housing provider from elsewhere, kept for its link
                    assert layer["kind"] == "housing" and props["role"] == "provider", (slug, props)
                    assert not placed_inside(props["url"]), (slug, props)
                else:
                    assert widened.covers(point), (slug, props)
            elif kind == "LineString":  # provider → housing project
                assert layer["kind"] == "housing", slug
                provider, housing = (shapely.Point(c) for c in geometry["coordinates"])
                assert widened.covers(housing), (slug, props)
                assert placed_inside(props["housing_url"]), (slug, props)
                assert bool(props.get("outside")) != placed_inside(props["provider_url"]), (slug, props)
                if not props.get("outside"):
                    assert widened.covers(provider), (slug, props)
            else:  # boundaries, poles, the choropleth: cut to the area, and more than a sliver of it
                drawn = shape(geometry)
                assert widened.covers(drawn), (slug, props)
                assert drawn.intersection(polygon).area > 0.01 * drawn.area, (slug, props)
    return counts


def of_kind(counts, kind):
    return sum(n for (layer_kind, _), n in counts.items() if layer_kind == kind)


def placed_in(queryset):
    slugs = set(queryset.values_list("slug", flat=True))
    return lambda url: url.rstrip("/").rsplit("/", 1)[-1] in slugs


@pytest.mark.parametrize("slug", ["gracia", "sarria-sant-gervasi", "horta-guinardo"])
def test_every_feature_of_every_layer_of_a_district_embed_is_in_the_district(client, slug):
    district = District.objects.get(slug=slug)
    settings, documents = embed_documents(client, f"districte={slug}")
    assert len(documents) == Layer.objects.count() + 1  # every seeded layer and the selection
    assert settings["lock"] is True
    assert {layer["query"] for layer in settings["layers"] if layer["kind"] != "initiatives"} == {
        f"districte={slug}"
    }

    counts = check_every_feature(
        documents, district.geometry, placed_in(Initiative.objects.filter(district=district))
    )

    # nothing else: the boundaries are the district's own, and its initiatives are all there
    assert of_kind(counts, "districts") == of_kind(counts, "choropleth") == 1
    assert of_kind(counts, "neighbourhoods") == Neighbourhood.objects.filter(district=district).count()
    selection = documents["seleccio"][1]["features"]
    assert len(selection) == Initiative.objects.live().filter(district=district).count() > 0
    # a pole of the next district reaches over the shared edge by a sliver only: it is not drawn
    poles = EconomicPole.objects.filter(status=EconomicPole.Status.ACCEPTED, district=district)
    assert {f["properties"]["name"] for f in documents["pols-economics"][1]["features"]} == {
        pole.name for pole in poles
    }


def test_housing_providers_from_elsewhere_are_kept_marked_and_said_outside_in_the_list(client):
    district = District.objects.get(slug="sarria-sant-gervasi")
    _, documents = embed_documents(client, "districte=sarria-sant-gervasi")
    links = [f for f in documents["xarxa-habitatge"][1]["features"] if f["geometry"]["type"] == "LineString"]
    outside = [f["properties"] for f in links if f["properties"].get("outside")]
    assert outside and len(outside) < len(links)
    provider = Initiative.objects.get(slug=outside[0]["provider_url"].rstrip("/").rsplit("/", 1)[-1])
    assert provider.district != district

    body = html.unescape(
        client.get("/ca/mapa/incrusta/?districte=sarria-sant-gervasi&capes=xarxa-habitatge").content.decode()
    )
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body))
    assert f"{outside[0]['provider']} (fora del districte) → {outside[0]['housing']}" in text
    inside = next(f["properties"] for f in links if not f["properties"].get("outside"))
    assert f"{inside['provider']} → {inside['housing']}" in text

    spanish = html.unescape(
        client.get("/es/mapa/incrusta/?districte=sarria-sant-gervasi&capes=xarxa-habitatge").content.decode()
    )
    assert "(fuera del distrito)" in spanish


def test_a_neighbourhood_embed_keeps_to_the_neighbourhood(client):
    place = Neighbourhood.objects.get(slug="la-vila-de-gracia")
    _, documents = embed_documents(client, f"barri={place.slug}")
    counts = check_every_feature(
        documents, place.geometry, placed_in(Initiative.objects.filter(neighbourhood=place))
    )
    assert of_kind(counts, "neighbourhoods") == of_kind(counts, "districts") == 1  # it and its district
    assert (
        len(documents["seleccio"][1]["features"])
        == Initiative.objects.live().filter(neighbourhood=place).count()
    )
    body = html.unescape(client.get(f"/ca/mapa/incrusta/?barri={place.slug}").content.decode())
    assert config(body)["labels"]["outside"] == "fora del barri"


def test_without_an_area_every_layer_draws_the_whole_city(client):
    settings, documents = embed_documents(client, "limita=1")
    assert settings["lock"] is False  # nothing to lock to
    assert {layer["query"] for layer in settings["layers"] if layer["kind"] != "initiatives"} == {""}
    assert len(documents["districtes"][1]["features"]) == District.objects.count()
    assert not any(f["properties"].get("outside") for f in documents["xarxa-habitatge"][1]["features"])


@pytest.mark.parametrize(
    ("query", "lock", "min_zoom", "max_zoom"),
    [
        ("districte=gracia", True, None, None),
        ("districte=gracia&limita=0", False, None, None),
        ("districte=gracia&zoom_min=13&zoom_max=17", True, 13, 17),
        ("zoom_min=11", False, 11, None),  # the zoom limits apply without an area too
    ],
)
def test_the_embed_tells_its_script_how_to_keep_the_view(client, query, lock, min_zoom, max_zoom):
    settings = config(client.get(f"/ca/mapa/incrusta/?{query}").content.decode())
    assert (settings["lock"], settings["minZoom"], settings["maxZoom"]) == (lock, min_zoom, max_zoom)
    if "districte" in query:
        west, south, east, north = shapely.bounds(District.objects.get(slug="gracia").geometry)
        assert settings["fit"] == pytest.approx([west, south, east, north])


@pytest.mark.parametrize(
    ("query", "lock"), [("districte=gracia", False), ("districte=gracia&limita=1", True)]
)
def test_the_map_page_keeps_to_the_area_only_when_asked(client, query, lock):
    """The map page is for exploring: a district filter clips the layers but lets the view go, while
    the builder's code keeps the embeds' default (locked)."""
    body = client.get(f"/ca/mapa/?{query}").content.decode()
    assert config(body)["lock"] is lock
    assert "limita=0" not in html.unescape(body.split('id="embed-code"')[1].split("</textarea>")[0])
