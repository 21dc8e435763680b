"""Finding a provider by need, in Chromium, in each language: a need word typed in the directory
finds the Catalan initiatives that answer it, "Mostra-les al mapa" shows the same ones on the map (its
own layer, the same count), and the map's list leads to the initiative's page."""

import pytest
from playwright.sync_api import expect

from directori.models import EssFamily, Initiative, Neighbourhood, Sector
from directori.seed import seed_vocabularies

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def providers_by_need(boundaries, settings):
    settings.TILES_URL = "/static/no-tiles/{z}/{x}/{y}.png"  # no tiles here: the map works without
    seed_vocabularies()
    for name, description, sector, family, neighbourhood in (
        (
            "L'Hort de Sants",
            "Cistelles de pagès cada setmana.",
            "agroecologia",
            "cooperativa-de-consum",
            "Sants",
        ),
        ("La Fruitera", "Productes de temporada.", "agroecologia", "cooperativa-de-consum", "el Raval"),
        (
            "Sostre Comú",
            "Cessió d'ús per a famílies.",
            "habitatge",
            "cooperativa-d-habitatge",
            "la Vila de Gràcia",
        ),
        (
            "Caixa Solidària",
            "Comptes i préstecs per a entitats.",
            "finances-etiques",
            "cooperativa-de-treball",
            "Sants",
        ),
    ):
        point = Neighbourhood.objects.get(name=neighbourhood).geometry.representative_point()
        initiative = Initiative(
            name=name,
            description=f"<p>{description}</p>",
            family=EssFamily.objects.get(slug=family),
            latitude=round(point.y, 6),
            longitude=round(point.x, 6),
            live=True,
        )
        initiative.save()
        initiative.sectors.set([Sector.objects.get(slug=sector)])
        initiative.save()


@pytest.mark.parametrize(
    ("language", "need", "box", "search", "to_map", "found"),
    [
        ("ca", "fruita", "Què busques?", "Cerca", "Mostra-les al mapa", ["L'Hort de Sants", "La Fruitera"]),
        ("es", "vivienda", "¿Qué buscas?", "Buscar", "Mostrarlas en el mapa", ["Sostre Comú"]),
        (
            "en",
            "ethical finance",
            "What are you looking for?",
            "Search",
            "Show these on the map",
            ["Caixa Solidària"],
        ),
    ],
)
def test_need_to_directory_to_map_to_initiative(
    providers_by_need, page, language, need, box, search, to_map, found
):
    page.goto(f"/{language}/directori/")
    page.get_by_label(box).fill(need)
    with page.expect_navigation():
        page.get_by_role("button", name=search, exact=True).click()
    results = page.locator(".results h3")
    expect(results).to_have_text(found)

    with page.expect_navigation():
        page.get_by_role("link", name=to_map).click()
    assert f"/{language}/mapa/" in page.url
    selection = page.locator('[data-list-group="seleccio"] [data-map-item]')
    expect(selection).to_have_count(len(found))  # the same initiatives, as the map's own layer
    expect(page.locator(".leaflet-interactive, .marker-cluster").first).to_be_visible()

    with page.expect_navigation():
        selection.first.get_by_role("link", name=found[0]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(found[0])
    assert page.remote_requests == []
