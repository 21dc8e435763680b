"""The builders' one writer of embed addresses (mapa:embed_code): what it answers for the builder's
fields, for the fields of a saved embed's admin form, and for bad input (a problem or a 400, never a
500); the builder's form without JavaScript; the builder on district pages."""

import html
import re
from urllib.parse import urlencode

from django.http import QueryDict

import pytest

from directori.models import District, EssFamily, Neighbourhood, Sector
from mapa.embed import EmbedOptions
from mapa.models import Layer, MapEmbed
from tests.mapa.factories import market_layer

pytestmark = pytest.mark.django_db

CODE = "/ca/mapa/incrusta/codi/"


@pytest.fixture
def layers(boundaries):
    Layer.objects.create(slug="districtes", name="Districtes", kind="districts", shown_by_default=True)
    Sector.objects.create(slug="cures", name="Cures")
    EssFamily.objects.create(slug="cooperativa", name="Cooperativa")
    market, _ = market_layer({"La Botiga de Gràcia": (2.1574, 41.4010)}, shown_by_default=True)
    return market


def test_the_builders_fields_come_back_as_the_embeds_address_code_and_title(client, layers):
    fields = [
        ("districte", "gracia"),
        ("capes", "mercat-social"),
        ("capes", "districtes"),
        ("q", "fruita"),
        ("sector", "cures"),
        ("familia", "cooperativa"),
        ("llista", "sota"),
        ("alcada", "600"),
        ("idioma", "es"),
        ("controls", "0"),  # the unticked box's hidden value alone
        ("limita", "0"),
        ("limita", "1"),  # the hidden value, then the ticked box: ticked wins
        ("zoom_min", "12"),
        ("zoom_max", "17"),
    ]
    answer = client.get(f"{CODE}?{urlencode(fields)}")
    assert answer.status_code == 200
    data = answer.json()
    assert data["problems"] == []
    assert data["url"].startswith("/es/mapa/incrusta/?")
    assert data["absolute_url"] == "http://testserver" + data["url"]
    assert data["title"] == "Mapa de la ESS en Gràcia"
    assert data["height"] == 600
    assert f'src="http://testserver{html.escape(data["url"])}"' in data["iframe"]
    assert 'height="600"' in data["iframe"] and 'title="Mapa de la ESS en Gràcia"' in data["iframe"]
    options, problems = EmbedOptions.from_query(QueryDict(data["url"].split("?")[1]), "es")
    assert problems == []
    assert (options.district, options.layers, options.selection.text) == (
        "gracia",
        ["mercat-social", "districtes"],
        "fruita",
    )
    assert options.selection.selected["sector"] == ["cures"]
    assert options.selection.selected["familia"] == ["cooperativa"]
    assert (options.list_mode, options.height, options.controls, options.lock) == ("sota", 600, False, True)
    assert (options.min_zoom, options.max_zoom) == (12, 17)
    shown = {layer["slug"]: layer["shown"] for layer in data["layers"]}
    assert shown == {"seleccio": False, "districtes": True, "mercat-social": True}


def test_without_choices_the_layers_are_those_the_embed_shows(client, layers):
    data = client.get(CODE, {"barri": "la-vila-de-gracia"}).json()
    assert data["title"] == "Mapa de l'ESS a la Vila de Gràcia"
    assert data["url"] == "/ca/mapa/incrusta/?barri=la-vila-de-gracia"
    # a place chosen: its initiatives (the selection) instead of the default initiative layers
    assert [layer["slug"] for layer in data["layers"] if layer["shown"]] == ["seleccio", "districtes"]
    whole_city = client.get(CODE).json()
    assert (
        whole_city["url"] == "/ca/mapa/incrusta/"
        and whole_city["title"] == "Mapa de l'economia social i solidària"
    )
    assert [layer["slug"] for layer in whole_city["layers"] if layer["shown"]] == [
        "districtes",
        "mercat-social",
    ]


@pytest.mark.parametrize(
    ("query", "problem", "left_out"),
    [
        ({"districte": "atlantida"}, "districte: «atlantida» no existeix", "districte"),
        ({"zoom_min": "15", "zoom_max": "12"}, "zoom_min no pot ser més gran que zoom_max", "zoom_"),
        ({"alcada": "abc"}, "alcada ha de ser un nombre enter de 200 a 2000", "alcada"),
        ({"alcada": "99999999999999999999999"}, "alcada ha de ser un nombre enter de 200 a 2000", "alcada"),
        ({"controls": "potser"}, "controls ha de ser 0 o 1", "controls"),
        ({"capes": "no-such-layer"}, "capes: «no-such-layer» no existeix", "capes"),
        ({"llista": "<b>"}, "llista ha de ser", "llista"),
        (
            {"districte": "sants-montjuic", "barri": "la-vila-de-gracia"},
            "barri: «la Vila de Gràcia» no és al districte «sants-montjuic»",
            "barri",  # the district stays: the embed shows Sants-Montjuïc, not nothing
        ),
    ],
)
def test_bad_fields_are_named_and_left_out_of_the_code(client, layers, query, problem, left_out):
    answer = client.get(CODE, query)
    assert answer.status_code == 200
    data = answer.json()
    assert any(problem in text for text in data["problems"]), data["problems"]
    assert left_out not in data["url"]


def test_an_unknown_language_is_a_400_with_a_message(client, layers):
    answer = client.get(CODE, {"idioma": "fr", "districte": "gracia"})
    assert answer.status_code == 400
    assert answer.json()["error"] == "idioma ha de ser un de: ca, es, en"


def test_the_admin_form_of_a_saved_embed_is_previewed_for_editors_only(client, admin_client, layers):
    gracia = District.objects.get(slug="gracia")
    fields = {
        "admin": "1",
        "slug": "gracia-mercat",
        "district": str(gracia.pk),
        "layers": [str(layers.pk)],
        "text": "fruita",
        "height": "640",
        "list_mode": "sota",
        "lock": "on",  # "controls" unticked: absent
        "min_zoom": "13",
        "max_zoom": "18",
        "idioma": "en",
    }
    assert client.get(CODE, fields).status_code == 403  # a visitor
    data = admin_client.get(CODE, fields).json()
    assert data["problems"] == []
    # the code keeps the saved embed's address; the preview shows the form as edited, unsaved
    assert 'src="http://testserver/en/mapa/incrusta/gracia-mercat/"' in data["iframe"]
    assert data["title"] == "Map of the SSE in Gràcia"
    options, problems = EmbedOptions.from_query(QueryDict(data["preview"].split("?")[1]), "en")
    assert problems == [] and data["preview"].startswith("/en/mapa/incrusta/?")
    assert (options.district, options.layers, options.selection.text, options.height) == (
        "gracia",
        ["mercat-social"],
        "fruita",
        640,
    )
    assert (options.list_mode, options.controls, options.lock, options.min_zoom, options.max_zoom) == (
        "sota",
        False,
        True,
        13,
        18,
    )
    assert not MapEmbed.objects.exists()  # nothing saved

    bad = admin_client.get(
        CODE,
        {"admin": "1", "height": "abc", "min_zoom": "18", "max_zoom": "3", "district": "x", "slug": "a b"},
    )
    assert bad.status_code == 200
    problems = bad.json()["problems"]
    assert any(p.startswith("Alçada en píxels: ") for p in problems), problems
    assert any(p.startswith("Districte: ") for p in problems), problems
    assert "Zoom màxim: El zoom màxim no pot ser inferior al zoom mínim." in problems
    assert any(p.startswith("Slug: ") for p in problems), problems  # named, not silently dropped
    # every bad field left at its default, no slug (and the two boxes unticked: absent from the form)
    assert bad.json()["url"] == "/ca/mapa/incrusta/?controls=0&limita=0"
    # zoom levels outside 1-19 pass the form's field but not the model's validators: named and left out
    outside = admin_client.get(CODE, {"admin": "1", "min_zoom": "0", "max_zoom": "25", "lock": "on"}).json()
    assert any(p.startswith("Zoom mínim: ") for p in outside["problems"]), outside["problems"]
    assert any(p.startswith("Zoom màxim: ") for p in outside["problems"]), outside["problems"]
    assert "zoom" not in outside["url"] and "zoom" not in outside["preview"]
    # a neighbourhood of another district: named, as the saved form would refuse it, and left out
    raval = Neighbourhood.objects.get(slug="el-raval")
    mixed = admin_client.get(
        CODE, {"admin": "1", "district": str(gracia.pk), "neighbourhood": str(raval.pk)}
    ).json()
    assert "barri: «el Raval» no és al districte «gracia»" in mixed["problems"]
    assert "barri=" not in mixed["preview"] and "districte=gracia" in mixed["preview"]


def test_without_javascript_the_builder_submits_to_the_map_page_which_shows_the_code(client, layers):
    body = client.get("/ca/mapa/").content.decode()
    assert 'action="/ca/mapa/#embed-builder"' in body and 'data-endpoint="/ca/mapa/incrusta/codi/"' in body
    submitted = "districte=gracia&barri=&capes=mercat-social&q=&sector=cures&familia=&llista=sota&alcada=600&idioma=es&controls=0&limita=0&limita=1&zoom_min=&zoom_max="
    body = html.unescape(client.get(f"/ca/mapa/?{submitted}").content.decode())
    code = body.split("data-embed-code>")[1].split("</textarea>")[0]
    assert code == (
        '<iframe src="http://testserver/es/mapa/incrusta/?sector=cures&districte=gracia&capes=mercat-social'
        '&alcada=600&controls=0&llista=sota" title="Mapa de la ESS en Gràcia" width="100%" height="600"'
        ' style="border:0" loading="lazy"></iframe>'
    )
    assert '<option value="es" lang="es" selected>' in body
    assert "idioma ha de ser" in html.unescape(client.get("/ca/mapa/?idioma=xx").content.decode())


def test_district_and_neighbourhood_pages_have_the_builder_preset_to_their_area(client, layers):
    body = client.get("/ca/directori/districte/gracia/").content.decode()
    builder = body.split("data-embed-builder")[1]
    assert '<option value="gracia" selected>Gràcia</option>' in builder
    assert 'data-endpoint="/ca/mapa/incrusta/codi/"' in builder
    assert "/static/js/embed-builder.js" in body
    # the preview frame is named before any script runs (a screen reader announces frames by title)
    preview = re.search(r"<div[^>]*data-embed-preview[^>]*><iframe[^>]*>", builder).group(0)
    assert 'title="Previsualització del mapa incrustat"' in preview
    body = client.get("/ca/directori/barri/la-vila-de-gracia/").content.decode()
    builder = body.split("data-embed-builder")[1]
    assert '<option value="gracia" selected>Gràcia</option>' in builder
    assert 'value="la-vila-de-gracia" data-district="gracia" selected>' in builder
    assert Neighbourhood.objects.get(slug="la-vila-de-gracia").district.slug == "gracia"


@pytest.mark.parametrize("slug", ["codi", "imatge"])
def test_a_saved_embed_cannot_take_the_builders_or_the_pictures_address(admin_client, layers, slug):
    answer = admin_client.post(
        "/admin/snippets/mapa/mapembed/add/",
        {
            "name": "Codi",
            "slug": slug,
            "height": "520",
            "list_mode": "costat",
            "controls": "on",
            "lock": "on",
        },
    )
    assert answer.status_code == 200 and not MapEmbed.objects.exists()
    assert f"«{slug}» és una adreça que el web fa servir per a tots els mapes incrustats" in html.unescape(
        answer.content.decode()
    )
    assert admin_client.get(CODE).json()["url"] == "/ca/mapa/incrusta/"  # the builder's still
