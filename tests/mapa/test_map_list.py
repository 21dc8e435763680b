"""The list beside the map says, as text, what every shown layer draws; the legend names the shown
layers and prints the choropleth's scale; the layer control keeps sector layers apart from thematic
ones. Read as a visitor without JavaScript would: the HTML the server sends."""

import html
import json
import re

import pytest

from directori.models import District, Initiative
from mapa.models import EconomicPole, HousingServiceLink, Layer
from sectors.models import ProjectLocation, TractorProjectPage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_city")]

THEMES = "pols-economics,xarxa-habitatge,projectes-tractors,iniciatives-per-habitant,mercat-social"


def page(client, query=""):
    return html.unescape(client.get(f"/ca/mapa/{query}").content.decode())


def group(body, slug):
    found = re.search(rf'<section class="map-group" data-list-group="{slug}".*?</section>', body, re.S)
    assert found, f"no list group for {slug}"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(0)))  # its text, as read


def config(body):
    return json.loads(
        re.search(r'<script id="map-config" type="application/json">(.*?)</script>', body).group(1)
    )


def test_every_shown_layer_is_in_the_list_as_text(client):
    body = page(client, f"?capes={THEMES}")

    pole = EconomicPole.objects.get(name="Poblenou cooperatiu")
    members = pole.members.filter(live=True).count()
    assert f"Poblenou cooperatiu · Sant Martí · {members} membres" in group(body, "pols-economics")

    link = HousingServiceLink.objects.select_related("provider", "housing", "service").first()
    assert f"{link.provider.name} → {link.housing.name} , {link.service.name}" in group(
        body, "xarxa-habitatge"
    )

    project = TractorProjectPage.objects.live().filter(locale__language_code="ca", completion__gt=0).first()
    projects = group(body, "projectes-tractors")
    assert (
        project.title in projects
        and f"{project.get_status_display()} · {project.completion}% fet" in projects
    )
    assert f"({ProjectLocation.objects.filter(page__locale__language_code='ca').count()})" in projects

    table = re.search(r'data-list-group="iniciatives-per-habitant".*?</table>', body, re.S).group(0)
    assert len(re.findall(r'<th scope="row">', table)) == 10 and ">Gràcia</a>" in table

    shop = (
        Initiative.objects.live()
        .filter(tags__slug="mercat-social")
        .exclude(sectors=None)
        .exclude(family=None)
        .first()
    )
    sectors = ", ".join(sorted((s.name for s in shop.sectors.all()), key=str.casefold))
    assert f"{shop.name} {shop.family.name} · {sectors}" in group(body, "mercat-social")

    assert 'data-list-group="districtes"' not in body  # not shown, not listed
    legend = dict(re.findall(r'<li data-legend="([\w-]+)"( hidden)?', body))
    assert {slug for slug, hidden in legend.items() if not hidden} == set(THEMES.split(","))
    assert legend["districtes"] == " hidden"  # in the control, not shown: in the legend once switched on


def test_the_lists_groups_follow_the_filters_and_count_distinct_initiatives(client):
    body = page(client, "?capes=mercat-social,sector-agroecologia&districte=gracia")
    items = re.findall(r"<li data-map-item", body)
    market = Initiative.objects.live().filter(tags__slug="mercat-social", district__slug="gracia")
    food = Initiative.objects.live().filter(sectors__slug="agroecologia", district__slug="gracia")
    assert len(items) == market.count() + food.count()
    distinct = (market | food).distinct().count()
    assert re.search(rf"<h2 id=\"map-list-title\">{distinct} iniciatives? al mapa</h2>", body)


def test_the_choropleth_has_a_scale_with_its_values(client):
    District.objects.update(population=10000)
    body = page(client, "?capes=iniciatives-per-habitant")
    scale = re.search(r'<ul class="map-scale" aria-label="Escala">(.*?)</ul>', body, re.S).group(1)
    steps = re.findall(r"</span>(De [\d,]+ a [\d,]+ per 1\.000)</li>", scale)
    assert len(steps) == 4 and steps[0].startswith("De 0,00 a ")
    layer = next(layer for layer in config(body)["layers"] if layer["slug"] == "iniciatives-per-habitant")
    assert [step["label"] for step in layer["scale"]] == steps  # the map paints with the same classes
    assert [step["opacity"] for step in layer["scale"]] == sorted(step["opacity"] for step in layer["scale"])


def test_the_layer_control_keeps_sector_layers_apart_and_no_two_names_alike(client):
    layers = config(page(client))["layers"]
    sectors = {layer["slug"] for layer in layers if layer["group"] == "sectors"}
    assert sectors == set(Layer.objects.filter(slug__startswith="sector-").values_list("slug", flat=True))
    assert {"mercat-social", "pols-economics", "districtes"} <= {
        layer["slug"] for layer in layers if layer["group"] == "themes"
    }
    words = [frozenset(re.findall(r"\w+", layer["name"].casefold())) - {"i", "de", "a"} for layer in layers]
    assert len(set(words)) == len(words), [layer["name"] for layer in layers]


def test_the_first_view_fits_the_whole_city_unless_a_centre_is_given(client):
    fit = config(page(client))["fit"]
    west, south, east, north = fit
    assert 2.05 < west < 2.08 and 41.31 < south < 41.33 and 2.22 < east < 2.24 and 41.46 < north < 41.47
    assert config(page(client))["fitToArea"]
    centred = config(page(client, "?centre=41.40,2.16&zoom=15"))
    assert centred["fitToArea"] is False


def test_a_layers_group_alone_for_the_map_to_fetch_and_bad_requests_answered(client):
    response = client.get("/ca/mapa/capes/mercat-social/llista/?districte=gracia")
    assert response.status_code == 200 and 'data-list-group="mercat-social"' in response.content.decode()
    missing = client.get("/ca/mapa/capes/no-such-layer/llista/")
    assert missing.status_code == 404 and "no-such-layer" in missing.json()["error"]
    unknown = client.get("/ca/mapa/capes/mercat-social/llista/?sector=inventat")
    assert unknown.status_code == 400 and "sector=inventat" in unknown.json()["error"]


def test_the_maps_words_speak_the_pages_language(client):
    labels = config(html.unescape(client.get("/es/mapa/").content.decode()))["labels"]
    assert (labels["themeLayers"], labels["close"], labels["clusterMany"]) == (
        "Temas del mapa",
        "Cerrar",
        "%(count)s iniciativas",
    )
    body = page(client)
    assert "L.control.scale" not in body  # folium's scale shows miles too; map.js adds a metric one


def test_near_a_point_the_selection_lists_the_nearest_first_with_distances(client):
    body = page(client, "?a_prop=41.4036,2.1744&radi=1000")
    assert config(body)["near"] == [41.4036, 2.1744] and config(body)["radius"] == 1000
    selection = group(body, "seleccio")
    distances = re.findall(r'<span class="map-distance">([\d,]+) (m|km)</span>', body)
    metres = [float(value.replace(",", ".")) * (1000 if unit == "km" else 1) for value, unit in distances]
    assert metres and metres == sorted(metres) and metres[-1] <= 1000
    assert selection.startswith(" La teva selecció")
    radius = re.search(r'<select id="map-radius" name="radi">(.*?)</select>', body, re.S).group(1)
    assert '<option value="1000" selected>1 km</option>' in radius and '<option value="">' in radius
    assert '<input type="hidden" name="a_prop" value="41.4036,2.1744">' in body
    english = html.unescape(client.get("/en/mapa/?a_prop=41.4036,2.1744&radi=2000").content.decode())
    assert re.search(r'<span class="map-distance">1\.\d km</span>', english)


def test_the_page_says_whether_the_list_holds_everything(client, monkeypatch):
    from mapa import listing

    claim = "Tot el que hi ha al mapa també és a la llista."
    assert claim in client.get("/ca/mapa/").content.decode()
    monkeypatch.setattr(listing, "LIST_LIMIT", 2)  # the demo's layers hold more than that
    body = client.get("/ca/mapa/").content.decode()
    assert claim not in body and "La llista mostra les primeres 2 de cada capa" in body
