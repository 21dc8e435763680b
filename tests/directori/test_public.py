"""The public directory: the filtered listing and an initiative's page, as a visitor sees them."""

import datetime
import html
import json
import re

import pytest

from directori.models import Evaluation, Initiative
from tests.factories import EssFamilyFactory, InitiativeFactory, SectorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(boundaries):
    coop = EssFamilyFactory(slug="cooperativa-d-habitatge", name="Cooperativa d'habitatge")
    association = EssFamilyFactory(slug="associacio", name="Associació", name_es="Asociación")
    housing = SectorFactory(slug="habitatge", name="Habitatge", name_es="Vivienda")
    care = SectorFactory(slug="cures", name="Cures")

    return {
        "sostre": InitiativeFactory(
            name="Sostre de Gràcia", longitude=2.1574, latitude=41.4010, family=coop, sectors=[housing]
        ),
        "mediem": InitiativeFactory(
            name="Mediació Familiar Gràcia",
            longitude=2.1580,
            latitude=41.4015,
            family=association,
            sectors=[care],
        ),
        "poblenou": InitiativeFactory(
            name="Habitem el Poblenou",
            longitude=2.2010,
            latitude=41.4010,
            family=coop,
            sectors=[housing, care],
        ),
        "draft": Initiative.objects.create(
            name="Esborrany secret", longitude=2.1574, latitude=41.4010, live=False
        ),
    }


def names(response):
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', response.content.decode())


def test_the_listing_shows_live_initiatives_only(client, directory):
    response = client.get("/ca/directori/")
    assert response.status_code == 200
    assert names(response) == ["Habitem el Poblenou", "Mediació Familiar Gràcia", "Sostre de Gràcia"]
    assert "3 iniciatives" in response.content.decode()


def test_filters_combine_and_counts_show_what_each_choice_gives(client, directory):
    response = client.get("/ca/directori/", {"districte": "gracia", "sector": "habitatge"})
    assert names(response) == ["Sostre de Gràcia"]
    body = html.unescape(response.content.decode())
    # Within Gràcia, the sector facet counts ignore the chosen sector: 1 housing, 1 care.
    assert re.search(r'value="habitatge" checked>\s*Habitatge <span class="facet__count">\(1\)', body)
    assert re.search(r'value="cures">\s*Cures <span class="facet__count">\(1\)', body)
    # With housing chosen, the district facet counts Gràcia 1 and Sant Martí 1.
    assert re.search(r'value="sant-marti">\s*Sant Martí <span class="facet__count">\(1\)', body)


def test_several_values_of_one_filter_mean_any(client, directory):
    response = client.get("/ca/directori/?sector=cures&sector=habitatge&districte=gracia")
    assert names(response) == ["Mediació Familiar Gràcia", "Sostre de Gràcia"]


def test_text_search_ignores_accents_and_case(client, directory):
    assert names(client.get("/ca/directori/", {"q": "MEDIACIO"})) == ["Mediació Familiar Gràcia"]


def test_unknown_values_are_ignored_and_said(client, directory):
    response = client.get("/ca/directori/", {"districte": "atlantida", "ordre": "<b>"})
    assert response.status_code == 200
    assert len(names(response)) == 3
    body = response.content.decode()
    assert "districte=atlantida" in body and "ordre=&lt;b&gt;" in body


def test_sorting_and_pagination_keep_the_filters(client, directory):
    for i in range(25):
        Initiative.objects.create(name=f"Entitat {i:02d}", longitude=2.1574, latitude=41.4010, live=True)
    response = client.get("/ca/directori/", {"districte": "gracia", "ordre": "recents"})
    assert names(response)[0] == "Entitat 24"
    assert 'href="?districte=gracia&amp;ordre=recents&amp;pagina=2"' in response.content.decode()
    assert len(names(client.get("/ca/directori/?districte=gracia&ordre=recents&pagina=2"))) == 7


def test_the_map_link_carries_the_same_filters(client, directory):
    body = client.get("/ca/directori/", {"q": "sostre", "districte": "gracia"}).content.decode()
    assert 'href="/ca/mapa/?q=sostre&amp;districte=gracia"' in body


def test_the_listing_in_spanish_uses_spanish_names(client, directory):
    body = client.get("/es/directori/").content.decode()
    assert "Asociación" in body and "Vivienda" in body and 'lang="es"' in body


def test_the_listing_runs_a_bounded_number_of_queries(client, directory, django_assert_max_num_queries):
    for i in range(60):
        Initiative.objects.create(name=f"Entitat {i}", longitude=2.16, latitude=41.40, live=True)
    with django_assert_max_num_queries(20):
        assert client.get("/ca/directori/", {"districte": "gracia", "sector": "habitatge"}).status_code == 200


def test_an_initiative_page(client, directory):
    sostre = directory["sostre"]
    sostre.website, sostre.email, sostre.address, sostre.postcode = (
        "https://sostre.example",
        "hola@sostre.example",
        "Carrer de Verdi, 1",
        "08012",
    )
    sostre.save()
    Evaluation.objects.create(
        initiative=sostre,
        issuer="Pam a Pam",
        date=datetime.date(2020, 1, 1),
        valid_until=datetime.date(2021, 1, 1),
    )
    Evaluation.objects.create(
        initiative=sostre,
        issuer="Balanç Social (XES)",
        date=datetime.date(2025, 1, 1),
        valid_until=datetime.date(2099, 1, 1),
    )
    response = client.get(sostre.get_absolute_url())
    body = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "<h1>Sostre de Gràcia</h1>" in body
    # an expired evaluation says so, in a long Catalan date, the article elided before the day 1
    assert "<strong>expirada l'1 de gener de 2021</strong>" in body
    assert "vàlida fins a l'1 de gener de 2099" in body
    assert '<svg class="city-map"' in body
    assert 'href="/ca/directori/barri/la-vila-de-gracia/"' in body
    data = json.loads(
        re.search(
            r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
        ).group(1)
    )
    assert data["@type"] == "Organization" and data["geo"]["latitude"] == 41.401
    assert data["address"]["postalCode"] == "08012"


def test_a_draft_has_no_public_page(client, directory):
    assert client.get(f"/ca/directori/iniciativa/{directory['draft'].slug}/").status_code == 404


def test_html_in_names_and_descriptions_is_shown_as_text(client, boundaries):
    evil = Initiative.objects.create(
        name="<script>alert(1)</script>",
        description="<p>Hola</p>",
        longitude=2.1574,
        latitude=41.4010,
        live=True,
        address="</script><script>alert(2)</script>",
    )
    listing = client.get("/ca/directori/").content.decode()
    page = client.get(evil.get_absolute_url()).content.decode()
    for body in (listing, page):
        assert "<script>alert(1)</script>" not in body
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    json_ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert "</script>" not in json_ld and "<script>" not in json_ld
    assert json.loads(json_ld)["address"]["streetAddress"] == "</script><script>alert(2)</script>"


@pytest.fixture
def population(directory, tmp_path):
    path = tmp_path / "pad.csv"
    # Per census section, codes without zero padding, as Open Data BCN publishes pad_mdbas.
    path.write_text(
        "Data_Referencia,Codi_Districte,Nom_Districte,Codi_Barri,Nom_Barri,Seccio_Censal,Valor\n"
        "2025-01-01,6,Gràcia,31,la Vila de Gràcia,6001,1500\n"
        "2025-01-01,6,Gràcia,31,la Vila de Gràcia,6002,500\n"
        "2025-01-01,6,Gràcia,28,Vallcarca i els Penitents,6003,1000\n"
    )
    from django.core.management import call_command

    call_command("load_population", str(path))


def test_a_district_page(client, directory, population):
    body = html.unescape(client.get("/ca/directori/districte/gracia/").content.decode())
    assert "<h1>Gràcia</h1>" in body
    assert "<dt>Iniciatives</dt><dd>2</dd>" in body
    assert "<dt>Població</dt><dd>3.000" in body  # 1500 + 500 + 1000, Catalan thousands separator
    assert "<dt>Iniciatives per 1.000 habitants</dt><dd>0,67</dd>" in body
    assert re.search(r'href="/ca/directori/barri/la-vila-de-gracia/">La Vila de Gràcia</a>: 2', body)
    assert "Mediació Familiar Gràcia" in body and "Habitem el Poblenou" not in body


def test_a_neighbourhood_page_and_its_links(client, directory, population):
    body = html.unescape(client.get("/ca/directori/barri/la-vila-de-gracia/").content.decode())
    assert "<dt>Població</dt><dd>2.000" in body
    assert 'href="/ca/directori/districte/gracia/">Gràcia</a>' in body
    assert "Habitatge</a>: 1" in body and "Cures</a>: 1" in body
    page = client.get(directory["sostre"].get_absolute_url()).content.decode()
    assert 'href="/ca/directori/barri/la-vila-de-gracia/"' in page


def test_an_area_without_population_says_nothing_about_it(client, directory):
    response = client.get("/ca/directori/districte/sant-marti/")
    body = html.unescape(response.content.decode())
    # the page rendered, with its facts (an error page would say nothing about population either)
    assert response.status_code == 200
    assert "<h1>Sant Martí</h1>" in body and "<dt>Iniciatives</dt><dd>1</dd>" in body
    assert "Habitem el Poblenou" in body
    assert "Població" not in body and "per 1.000 habitants" not in body
    assert client.get("/ca/directori/districte/atlantida/").status_code == 404


def test_the_population_the_project_ships_fills_every_area(boundaries):
    """data/population (what `make run` loads): every district and neighbourhood, the city's total."""
    from django.core.management import call_command
    from django.db.models import Sum

    from directori.models import District, Neighbourhood
    from tests.conftest import POPULATION_CSV

    call_command("load_population", str(POPULATION_CSV))
    for areas in (District.objects, Neighbourhood.objects):
        assert not areas.filter(population__isnull=True).exists()
        assert areas.aggregate(total=Sum("population"))["total"] == 1_732_066
    assert District.objects.get(code="06").population_date == datetime.date(2025, 1, 1)


def test_load_population_rejects_bad_files(db, boundaries, tmp_path):
    from django.core.management import CommandError, call_command

    bad = tmp_path / "bad.csv"
    bad.write_text("Codi_Districte,Valor\n1,molts\n")
    with pytest.raises(CommandError, match="no són nombres"):
        call_command("load_population", str(bad), language="ca")
    bad.write_text("Districte,Habitants\n1,100\n")
    with pytest.raises(CommandError, match="se esperaban las columnas Codi_Districte y Valor"):
        call_command("load_population", str(bad), language="es")


def test_area_pages_run_a_bounded_number_of_queries(client, directory, django_assert_max_num_queries):
    for i in range(60):
        Initiative.objects.create(name=f"Entitat {i}", longitude=2.1574, latitude=41.4010, live=True)
    with django_assert_max_num_queries(
        24
    ):  # 4 of them the embed builder's districts, neighbourhoods, sectors, kinds
        assert client.get("/ca/directori/districte/gracia/").status_code == 200


def test_exports_honour_the_filters_and_state_the_licence(client, directory):
    response = client.get("/ca/directori/export.csv", {"districte": "gracia", "sector": "habitatge"})
    assert response["Content-Type"].startswith("text/csv")
    assert 'rel="license"' in response["Link"]
    rows = response.getvalue().decode().splitlines()
    assert len(rows) == 2 and "Sostre de Gràcia" in rows[1]

    geojson = json.loads(client.get("/ca/directori/export.geojson", {"districte": "gracia"}).getvalue())
    assert geojson["license"].startswith("https://creativecommons.org/licenses/by/4.0")
    assert sorted(f["properties"]["name"] for f in geojson["features"]) == [
        "Mediació Familiar Gràcia",
        "Sostre de Gràcia",
    ]

    response = client.get("/ca/directori/export.jsonld", {"sector": "cures"})
    assert response["Content-Type"] == "application/ld+json"
    graph = json.loads(response.getvalue())["@graph"]
    assert {o["name"] for o in graph} == {"Mediació Familiar Gràcia", "Habitem el Poblenou"}
    assert all(o["@type"] == "Organization" for o in graph)
    assert "Esborrany secret" not in client.get("/ca/directori/export.csv").getvalue().decode()


def test_exports_answer_400_to_unknown_values_and_404_to_unknown_formats(client, directory):
    response = client.get("/ca/directori/export.geojson", {"barri": "atlantida"})
    assert response.status_code == 400
    assert response.getvalue().decode() == "Unknown filter values: barri=atlantida"
    assert client.get("/ca/directori/export.xml").status_code == 404


def test_exports_carry_html_as_plain_text(client, boundaries):
    Initiative.objects.create(name="<script>alert(1)</script>", longitude=2.1574, latitude=41.4010, live=True)
    for fmt in ("geojson", "jsonld"):
        data = json.loads(client.get(f"/ca/directori/export.{fmt}").getvalue())
        names = (
            [f["properties"]["name"] for f in data["features"]]
            if fmt == "geojson"
            else [o["name"] for o in data["@graph"]]
        )
        assert names == ["<script>alert(1)</script>"]  # data, to be escaped by whoever displays it
    assert (
        client.get("/ca/directori/export.csv")["Content-Disposition"]
        == 'attachment; filename="iniciatives.csv"'
    )
