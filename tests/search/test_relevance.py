"""Relevance of need queries: what a person types for a need, in Catalan, Spanish or English, over a
small realistic directory built here (not the demo seed), answered by the site search (/ca|es|en/cerca/)
and by the directory's reading of the query (`interpret(q).q` plus its places). Every result shown
first must be in the expected sectors (or kinds) and places. Runs on SQLite and on PostgreSQL."""

import re
from html import unescape

from django.db import transaction
from django.test import Client

import pytest

from directori.boundaries import save_boundaries
from directori.importing import update_search_index
from directori.models import EssFamily, Initiative, LayerTag, NeedWord, Neighbourhood, Sector
from directori.placement import place_initiatives
from directori.seed import seed_vocabularies
from directori.vocabulary import COOPERATIVES
from tests.conftest import open_data_boundaries

pytestmark = pytest.mark.django_db

TOP = 5

# (name, description, sector, family, neighbourhood, layer tags): what a city directory holds.
DIRECTORY = [
    (
        "L'Hort de Sants",
        "Cistelles de fruita i verdura ecològica de pagès, cada setmana.",
        "agroecologia",
        "cooperativa-de-consum",
        "Sants",
        ["mercat-social"],
    ),
    (
        "Cooperativa La Fruitera",
        "Fruita i verdura de temporada de la Xarxa de Parcs Agraris.",
        "agroecologia",
        "cooperativa-de-consum",
        "Sants",
        [],
    ),
    (
        "Rebost del Raval",
        "Grup de consum d'aliments ecològics.",
        "agroecologia",
        "grup-de-consum",
        "el Raval",
        ["habitatge-alimentacio"],
    ),
    (
        "Forn Comunitari de Gràcia",
        "Pa de massa mare amb farines de proximitat.",
        "agroecologia",
        "associacio",
        "la Vila de Gràcia",
        [],
    ),
    (
        "Horta Viva",
        "Horts urbans i menjador escolar sostenible.",
        "agroecologia",
        "cooperativa-agraria",
        "Horta",
        [],
    ),
    (
        "Cal Sant Pere Mercat",
        "Botiga de comerç just i productes a granel.",
        "consum",
        "cooperativa-de-consum",
        "Sant Pere, Santa Caterina i la Ribera",
        ["mercat-social"],
    ),
    (
        "Santa Caterina Consum",
        "Supermercat cooperatiu del barri.",
        "consum",
        "cooperativa-de-consum",
        "Sant Pere, Santa Caterina i la Ribera",
        ["mercat-social"],
    ),
    (
        "Sostre Cooperatiu Sants",
        "Habitatge cooperatiu en cessió d'ús.",
        "habitatge",
        "cooperativa-d-habitatge",
        "Sants",
        [],
    ),
    (
        "La Borda del Raval",
        "Pisos de lloguer assequible en cessió d'ús.",
        "habitatge",
        "cooperativa-d-habitatge",
        "el Raval",
        [],
    ),
    (
        "Llars de Sant Andreu",
        "Habitatge assequible i masoveria urbana.",
        "habitatge",
        "associacio",
        "Sant Andreu",
        [],
    ),
    (
        "Teixidores del Poblenou",
        "Taller de costura i moda sostenible.",
        "textil",
        "cooperativa-de-treball",
        "el Poblenou",
        ["mercat-social"],
    ),
    (
        "Roba Amiga Gràcia",
        "Roba de segona mà i reinserció laboral.",
        "textil",
        "empresa-d-insercio",
        "la Vila de Gràcia",
        [],
    ),
    (
        "Som Llum",
        "Comercialitzadora d'electricitat renovable.",
        "transicio-energetica",
        "cooperativa-de-consum",
        "Sants - Badal",
        ["habitatge-energia"],
    ),
    (
        "Sol del Clot",
        "Instal·lació de plaques solars i autoconsum compartit.",
        "transicio-energetica",
        "cooperativa-de-treball",
        "el Clot",
        [],
    ),
    (
        "Pedals del Clot",
        "Taller de bicicletes i missatgeria en bici.",
        "mobilitat",
        "cooperativa-de-treball",
        "el Clot",
        ["habitatge-mobilitat"],
    ),
    ("Roda Sants", "Escola de bici per a adults.", "mobilitat", "associacio", "Sants", []),
    (
        "Cuidem Sant Andreu",
        "Atenció domiciliària a gent gran.",
        "cures",
        "cooperativa-de-treball",
        "Sant Andreu",
        ["habitatge-cures"],
    ),
    ("Petits Passos", "Espai familiar per a canalla de 0 a 3 anys.", "cures", "associacio", "la Salut", []),
    (
        "Mediem Raval",
        "Mediació familiar i veïnal.",
        "cures",
        "associacio",
        "el Raval",
        ["habitatge-mediacio-familiar"],
    ),
    (
        "Caixa Ètica Gràcia",
        "Banca ètica: comptes, estalvi i préstecs per a projectes socials.",
        "finances-etiques",
        "finances-etiques",
        "la Vila de Gràcia",
        [],
    ),
    (
        "Mútua Solidària",
        "Assegurances de salut sense ànim de lucre.",
        "finances-etiques",
        "mutualitat",
        "el Poblenou",
        [],
    ),
    (
        "Llibreria La Ciutat Invisible",
        "Llibreria cooperativa i editorial.",
        "cultura",
        "cooperativa-de-treball",
        "Sants",
        [],
    ),
    ("Ateneu del Raval", "Teatre, música i lleure al barri.", "cultura", "associacio", "el Raval", []),
    ("Fundació Escena", "Arts escèniques inclusives.", "cultura", "fundacio", "el Poblenou", []),
    (
        "Deixalleria Oberta",
        "Reparació de mobles i reutilització.",
        "economia-circular",
        "empresa-d-insercio",
        "Sant Andreu",
        [],
    ),
    (
        "Reutilitza Sants",
        "Reciclatge d'ordinadors i informàtica de segona mà.",
        "economia-circular",
        "cooperativa-de-treball",
        "Sants",
        [],
    ),
]

# (language, query, expected sectors or None, expected kinds or None, expected place slug or None)
QUERIES = [
    ("ca", "fruita", {"agroecologia"}, None, None),
    ("ca", "verdura", {"agroecologia"}, None, None),
    ("ca", "verdura cooperativa Sants", {"agroecologia"}, None, "sants"),
    ("ca", "fruita ecològica Sants", {"agroecologia"}, None, "sants"),
    ("ca", "cistelles", {"agroecologia"}, None, None),
    ("ca", "menjar a Gràcia", {"agroecologia"}, None, "gracia"),
    ("ca", "cooperativa", None, set(COOPERATIVES), None),
    ("ca", "cooperatives d'habitatge", {"habitatge"}, None, None),
    ("ca", "associació", None, {"associacio"}, None),
    ("ca", "fundació", None, {"fundacio"}, None),
    ("ca", "banca ètica", {"finances-etiques"}, None, None),
    ("ca", "préstec", {"finances-etiques"}, None, None),
    ("ca", "estalvi", {"finances-etiques"}, None, None),
    ("ca", "assegurança", {"finances-etiques"}, None, None),
    ("ca", "bici", {"mobilitat"}, None, None),
    ("ca", "missatgeria", {"mobilitat"}, None, None),
    ("ca", "lloguer", {"habitatge"}, None, None),
    ("ca", "pis al Raval", {"habitatge"}, None, "el-raval"),
    ("ca", "roba", {"textil"}, None, None),
    ("ca", "llum", {"transicio-energetica"}, None, None),
    ("ca", "plaques solars", {"transicio-energetica"}, None, None),
    ("ca", "gent gran", {"cures"}, None, None),
    ("ca", "canalla", {"cures"}, None, None),
    ("ca", "mediació familiar", {"cures"}, None, None),
    ("ca", "llibres", {"cultura"}, None, None),
    ("ca", "reciclatge", {"economia-circular"}, None, None),
    ("ca", "reparar mobles", {"economia-circular"}, None, None),
    ("ca", "botiga", {"consum", "agroecologia", "textil"}, None, None),
    ("ca", "horta urbana", {"agroecologia"}, None, None),
    ("ca", "Sants", None, None, "sants"),
    ("ca", "cultura a Sants", {"cultura"}, None, "sants"),
    ("ca", "habitatge Sant Andreu", {"habitatge"}, None, "sant-andreu"),
    ("es", "vivienda", {"habitatge"}, None, None),
    ("es", "finanzas éticas", {"finances-etiques"}, None, None),
    ("es", "fruta", {"agroecologia"}, None, None),
    ("es", "alquiler", {"habitatge"}, None, None),
    ("es", "ropa", {"textil"}, None, None),
    ("es", "placas solares", {"transicio-energetica"}, None, None),
    ("es", "personas mayores", {"cures"}, None, None),
    ("es", "bicicleta", {"mobilitat"}, None, None),
    ("es", "reciclaje", {"economia-circular"}, None, None),
    ("es", "vivienda en el Raval", {"habitatge"}, None, "el-raval"),
    ("en", "housing", {"habitatge"}, None, None),
    ("en", "ethical finance", {"finances-etiques"}, None, None),
    ("en", "organic food", {"agroecologia"}, None, None),
    ("en", "bike", {"mobilitat"}, None, None),
    ("en", "clothes", {"textil"}, None, None),
    ("en", "solar panels", {"transicio-energetica"}, None, None),
    ("en", "elderly care", {"cures"}, None, None),
    ("en", "childcare", {"cures"}, None, None),
    ("en", "second hand", {"economia-circular", "textil"}, None, None),
    ("en", "loans", {"finances-etiques"}, None, None),
    ("en", "co-op", None, set(COOPERATIVES), None),
    ("en", "food in Sants", {"agroecologia"}, None, "sants"),
]


@pytest.fixture(scope="module")
def directory(django_db_setup, django_db_blocker):
    """The directory above, built once for the module inside a transaction rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        save_boundaries(open_data_boundaries())
        seed_vocabularies()
        ids = []
        for name, description, sector, family, neighbourhood, tags in DIRECTORY:
            point = Neighbourhood.objects.get(name=neighbourhood).geometry.representative_point()
            initiative = Initiative(
                name=name,
                description=f"<p>{description}</p>",
                family=EssFamily.objects.get(slug=family),
                latitude=round(point.y, 6),
                longitude=round(point.x, 6),
                live=True,
            )
            initiative.sectors.set([Sector.objects.get(slug=sector)])
            initiative.tags.set(list(LayerTag.objects.filter(slug__in=tags)))
            initiative.save(place=False)
            ids.append(initiative.pk)
        place_initiatives(Initiative.objects.filter(pk__in=ids))
        update_search_index(ids)
        yield
        transaction.set_rollback(True)


def in_place(initiative, slug):
    return slug in (initiative.neighbourhood.slug, initiative.district.slug)


def check(initiatives, sectors, kinds, place, query):
    assert initiatives, f"{query!r} found nothing"
    for initiative in initiatives:
        if sectors:
            found = {s.slug for s in initiative.sectors.all()}
            assert found & sectors, f"{query!r}: {initiative.name} is in {found}, not {sectors}"
        if kinds:
            assert initiative.family.slug in kinds, (
                f"{query!r}: {initiative.name} is a {initiative.family.slug}"
            )
        if place:
            assert in_place(initiative, place), f"{query!r}: {initiative.name} is not in {place}"


def page_titles(response):
    body = response.content.decode()
    return [
        unescape(title)
        for kind, title in re.findall(
            r'<span class="search-result__kind">([^<]*)</span>\s*<a href="[^"]*">([^<]*)</a>', body
        )
        if unescape(kind) in ("Iniciativa", "Iniciativa", "Initiative")
    ]


@pytest.mark.parametrize(("language", "query", "sectors", "kinds", "place"), QUERIES)
def test_the_search_page_answers_the_need(directory, language, query, sectors, kinds, place):
    response = Client(HTTP_HOST="127.0.0.1").get(f"/{language}/cerca/", {"q": query})
    assert response.status_code == 200
    titles = page_titles(response)[:TOP]
    check([Initiative.objects.get(name=title) for title in titles], sectors, kinds, place, query)
    if place:  # the place is a filter the visitor sees and can take off
        assert 'class="chip"' in response.content.decode()


@pytest.mark.parametrize(("language", "query", "sectors", "kinds", "place"), QUERIES)
def test_the_directory_answers_the_need(directory, language, query, sectors, kinds, place):
    """The directory's page (its Selection reads the query through `interpret`): every result listed
    is in the expected sectors or kinds and place, and a place named becomes a filter."""
    response = Client(HTTP_HOST="127.0.0.1").get(f"/{language}/directori/", {"q": query})
    body = unescape(response.content.decode())
    names = re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', body)
    check([Initiative.objects.get(name=name) for name in names], sectors, kinds, place, query)
    if place:
        assert re.search(rf'value="{place}" checked', body), f"{query!r}: {place} is not a chosen filter"


def test_sants_never_ranks_sant_pere_or_santa_caterina(directory):
    titles = page_titles(Client(HTTP_HOST="127.0.0.1").get("/ca/cerca/", {"q": "Sants"}))
    assert titles and all(
        "Sants" in t or "Sants" in Initiative.objects.get(name=t).neighbourhood.name for t in titles
    )
    assert not {"Cal Sant Pere Mercat", "Santa Caterina Consum"} & set(titles)


def result_count(response):
    return int(re.search(r'id="results-heading">(\d+)', response.content.decode()).group(1))


def test_a_neighbourhood_in_the_query_is_a_chip_that_can_be_dropped_or_widened(directory):
    client = Client(HTTP_HOST="127.0.0.1")
    response = client.get("/ca/cerca/", {"q": "fruita Sants"})
    body = unescape(response.content.decode())
    assert '<span class="chip">Sants' in body
    assert 'value="sants"' in body  # kept by the filters form, so "Apply filters" keeps it
    wider = client.get("/ca/cerca/", {"q": "fruita Sants", "districte": "sants-montjuic"})
    whole_city = client.get("/ca/cerca/", {"q": "fruita Sants", "districte": "tots"})
    assert "districte=sants-montjuic" in body and "districte=tots" in body
    assert result_count(response) <= result_count(wider) < result_count(whole_city)
    assert 'class="chip"' not in whole_city.content.decode()
    assert {Initiative.objects.get(name=t).family.slug for t in page_titles(whole_city)} and all(
        "agroecologia" in Initiative.objects.get(name=t).sectors.values_list("slug", flat=True)
        for t in page_titles(whole_city)
    )


def test_a_place_alone_lists_its_initiatives_however_it_is_chosen(directory):
    client = Client(HTTP_HOST="127.0.0.1")
    inferred = page_titles(client.get("/ca/cerca/", {"q": "Sants"}))
    assert inferred == page_titles(
        client.get("/ca/cerca/", {"q": "Sants", "barri": "sants"})
    )  # "Apply filters"
    assert len(inferred) == Initiative.objects.filter(neighbourhood__slug="sants").count()
    assert client.get("/ca/cerca/", {"q": "Sants", "districte": "tots"}).status_code == 200


def test_nothing_found_offers_related_needs_that_keep_the_place(directory):
    client = Client(HTTP_HOST="127.0.0.1")
    response = client.get("/ca/cerca/", {"q": "cistella la Salut"})
    body = unescape(response.content.decode())
    assert result_count(response) == 0 and "Prova una necessitat relacionada:" in body
    links = re.findall(r'<a href="\?(q=[^"]*)">([^<]*)</a>', body)
    related = [(url, word) for url, word in links if "barri=la-salut" in url]
    assert related, links
    assert all(
        NeedWord.objects.filter(text=word, language="ca", sectors__slug="agroecologia").exists()
        for _, word in related
    )


def test_an_unknown_neighbourhood_parameter_is_named_not_an_error(directory):
    response = Client(HTTP_HOST="127.0.0.1").get("/ca/cerca/", {"q": "fruita", "barri": "atlantida"})
    assert response.status_code == 200
    assert "barri=atlantida" in response.content.decode()


@pytest.mark.parametrize(
    ("language", "typed", "first", "kind"),
    [
        ("ca", "fru", "fruita", "Necessitat"),
        ("es", "vivi", "Vivienda", "Sector"),
        ("en", "ethic", "Ethical finance", "Sector"),
    ],
)
def test_suggestions_start_with_need_words_and_sectors(directory, language, typed, first, kind):
    found = Client(HTTP_HOST="127.0.0.1").get(f"/{language}/cerca/suggeriments/", {"q": typed}).json()
    assert found["suggestions"][0]["title"] == first
    assert found["suggestions"][0]["kind"] == kind
    assert found["suggestions"][0]["url"].startswith(f"/{language}/cerca/?q=")
