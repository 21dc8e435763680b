"""Issue 15, point 7: a still picture of every embed, drawn on the server (Pillow, no tiles, no browser),
cached with an ETag, and used by link previews: oEmbed's thumbnail and absolute discovery link, Open
Graph on the embed and the map page, and the embed's <noscript> fallback."""

import html
import io
import math
import re

from django.core.cache import cache

import numpy
import pytest
import shapely
from PIL import Image

from directori.models import District, Initiative, LayerTag
from mapa.models import Layer, MapEmbed
from tests.mapa.factories import market_layer

pytestmark = pytest.mark.django_db

MARKET = (0x8A, 0x15, 0x38)  # the market layer's colour (the factory's default)
OUTLINE = (0x35, 0x55, 0x7A)
GRACIA_SHOP = (2.1574, 41.4010)


@pytest.fixture
def gracia(boundaries):
    Layer.objects.create(slug="districtes", name="Districtes", kind="districts", shown_by_default=True)
    market, _ = market_layer(
        {"La Botiga de Gràcia": GRACIA_SHOP, "Botiga del Poblenou": (2.2010, 41.4010)}, shown_by_default=True
    )
    preset = MapEmbed.objects.create(
        name="Gràcia", slug="districte-gracia", district=District.objects.get(slug="gracia")
    )
    preset.layers.add(market)
    return preset


def picture(response):
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "image/png"
    return Image.open(io.BytesIO(response.content)).convert("RGB")


def pixels_of(image, colour):
    """(x, y) of every pixel of exactly `colour`."""
    found = numpy.argwhere((numpy.asarray(image) == colour).all(axis=2))
    return [(int(x), int(y)) for y, x in found]


def expected_position(lon, lat, bounds, size=(1200, 630), margin=40, band=70):
    """Where a point falls when `bounds` (lon/lat) is fitted in Web Mercator below the title band:
    worked out here again, not read from the code under test."""

    def merc(lo, la):
        return math.radians(lo), math.log(math.tan(math.pi / 4 + math.radians(la) / 2))

    west, south = merc(bounds[0], bounds[1])
    east, north = merc(bounds[2], bounds[3])
    width, height = size[0] - 2 * margin, size[1] - band - 2 * margin
    scale = min(width / (east - west), height / (north - south))
    left = margin + (width - (east - west) * scale) / 2
    top = band + margin + (height - (north - south) * scale) / 2
    x, y = merc(lon, lat)
    return left + (x - west) * scale, top + (north - y) * scale


def test_a_saved_embed_s_picture_shows_its_district_and_its_points_only(client, gracia):
    image = picture(client.get("/ca/mapa/incrusta/districte-gracia.png"))
    assert image.size == (1200, 630)
    assert len(pixels_of(image, OUTLINE)) > 500  # the district's outline
    dots = pixels_of(image, MARKET)
    assert 20 < len(dots) < 200  # one shop (Poblenou's is in Sant Martí, outside the area)
    x = sum(p[0] for p in dots) / len(dots)
    y = sum(p[1] for p in dots) / len(dots)
    want = expected_position(*GRACIA_SHOP, shapely.bounds(District.objects.get(slug="gracia").geometry))
    assert math.dist((x, y), want) < 3


def test_the_city_picture_draws_every_district_and_every_point(client, gracia):
    image = picture(client.get("/ca/mapa/incrusta/imatge.png?capes=mercat-social"))
    assert len(pixels_of(image, MARKET)) > 2 * 20  # both shops
    whole = client.get("/ca/mapa/incrusta/imatge.png?districte=gracia&capes=mercat-social")
    assert 20 < len(pixels_of(picture(whole), MARKET)) < 200


def test_pictures_are_cached_with_an_etag_that_changes_with_the_data(client, gracia):
    first = client.get("/ca/mapa/incrusta/districte-gracia.png")
    etag = first["ETag"]
    assert first["Cache-Control"] == "public, max-age=300"
    assert cache.get(f"mapa:picture:{etag.strip(chr(34))}") == first.content
    assert client.get("/ca/mapa/incrusta/districte-gracia.png", HTTP_IF_NONE_MATCH=etag).status_code == 304
    shop = Initiative(name="Nova botiga", longitude=2.1600, latitude=41.4030, live=True)
    shop.save()
    shop.tags.add(LayerTag.objects.get(slug="mercat-social"))
    shop.save()
    again = client.get("/ca/mapa/incrusta/districte-gracia.png", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 200 and again["ETag"] != etag
    assert len(pixels_of(picture(again), MARKET)) > len(pixels_of(picture(first), MARKET))


def test_options_a_picture_does_not_draw_share_its_picture(client, gracia):
    """Centre, zoom, height... are not drawn: asking with other values cannot force a redraw each."""
    base = client.get("/ca/mapa/incrusta/imatge.png?districte=gracia")["ETag"]
    for extra in (
        "centre=41.40001,2.15",
        "centre=41.40002,2.15",
        "zoom=15&alcada=600&llista=sota&controls=0",
    ):
        assert client.get(f"/ca/mapa/incrusta/imatge.png?districte=gracia&{extra}")["ETag"] == base, extra
    assert client.get("/ca/mapa/incrusta/imatge.png?districte=eixample")["ETag"] != base


@pytest.mark.parametrize(
    "query",
    [
        "districte=enlloc",
        "capes=no-existeix",
        "alcada=abc",
        "zoom=99",
        "centre=nord",
        "limita=potser",
        "llista=x",
    ],
)
def test_bad_options_get_a_400_with_the_reason(client, gracia, query):
    response = client.get(f"/ca/mapa/incrusta/imatge.png?{query}")
    assert response.status_code == 400
    assert response.json()["error"]


def test_an_unknown_saved_embed_s_picture_is_404(client, gracia):
    assert client.get("/ca/mapa/incrusta/no-existeix.png").status_code == 404


def test_oembed_gives_the_embed_s_own_title_and_its_picture(client, gracia):
    answer = client.get(
        "/ca/mapa/oembed/", {"url": "http://testserver/ca/mapa/incrusta/districte-gracia/"}
    ).json()
    assert answer["title"] == "Mapa de l'ESS a Gràcia"
    assert answer["thumbnail_url"] == "http://testserver/ca/mapa/incrusta/districte-gracia.png"
    assert (answer["thumbnail_width"], answer["thumbnail_height"]) == (1200, 630)
    picture(client.get(answer["thumbnail_url"].removeprefix("http://testserver")))
    ad_hoc = client.get(
        "/ca/mapa/oembed/",
        {"url": "http://testserver/ca/mapa/incrusta/?districte=gracia&capes=mercat-social"},
    ).json()
    assert ad_hoc["title"] == "Mapa de l'ESS a Gràcia"
    assert ad_hoc["thumbnail_url"] == (
        "http://testserver/ca/mapa/incrusta/imatge.png?districte=gracia&capes=mercat-social"
    )
    picture(client.get(ad_hoc["thumbnail_url"].removeprefix("http://testserver")))
    assert client.get("/ca/mapa/oembed/", {"url": "http://testserver/ca/mapa/"}).json()["thumbnail_url"] == (
        "http://testserver/ca/mapa/incrusta/imatge.png"
    )


def head(body, attribute, name):
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', body)
    return html.unescape(match.group(1)) if match else None


def test_the_embed_and_the_map_page_announce_their_picture_title_and_an_absolute_oembed_link(client, gracia):
    body = client.get(
        "/ca/mapa/incrusta/districte-gracia/", HTTP_USER_AGENT="facebookexternalhit/1.1"
    ).content
    body = body.decode()
    assert head(body, "property", "og:title") == "Mapa de l'ESS a Gràcia"
    assert head(body, "property", "og:image") == "http://testserver/ca/mapa/incrusta/districte-gracia.png"
    link = re.search(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', body).group(1)
    assert html.unescape(link).startswith("http://testserver/ca/mapa/oembed/?url=http")
    assert (
        client.get(html.unescape(link).removeprefix("http://testserver")).json()["title"]
        == "Mapa de l'ESS a Gràcia"
    )
    page = client.get("/ca/mapa/?districte=gracia").content.decode()
    assert (
        head(page, "property", "og:image") == "http://testserver/ca/mapa/incrusta/imatge.png?districte=gracia"
    )
    assert head(page, "property", "og:title") == "Mapa de l'ESS a Gràcia"
    link = re.search(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', page).group(1)
    assert link.startswith("http://testserver/ca/mapa/oembed/?url=")


def test_without_javascript_the_embed_shows_its_picture_and_the_list(client, gracia):
    body = client.get("/ca/mapa/incrusta/districte-gracia/").content.decode()
    noscript = re.search(r"<noscript>(.*?)</noscript>", body, re.S).group(1)
    assert 'src="http://testserver/ca/mapa/incrusta/districte-gracia.png"' in noscript
    assert 'alt="Mapa de l&#x27;ESS a Gràcia"' in noscript
    assert "La Botiga de Gràcia" in body.split("</noscript>", 1)[1]  # the list, rendered on the server
