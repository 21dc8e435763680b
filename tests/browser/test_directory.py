"""A visitor finds a provider in Chromium: searches, filters by district, opens a result."""

import pytest
from playwright.sync_api import expect

from directori.models import Initiative
from tests.browser.conftest import close

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_visitor_searches_filters_and_opens_a_provider(providers, page):
    page.goto("/ca/directori/")
    page.get_by_label("Què busques?").fill("mediacio")
    with page.expect_navigation():  # read the results page, not the one being left
        page.get_by_role("button", name="Cerca").click()
    results = page.locator(".results h3")
    assert sorted(results.all_inner_texts()) == ["Mediació Familiar Gràcia", "Mediació del Poblenou"]

    page.get_by_role("checkbox", name="Gràcia (1)").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Aplica els filtres").click()
    assert "districte=gracia" in page.url and "q=mediacio" in page.url
    assert results.all_inner_texts() == ["Mediació Familiar Gràcia"]

    with page.expect_navigation():
        page.get_by_role("link", name="Mediació Familiar Gràcia").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Mediació Familiar Gràcia"
    assert page.get_by_role("link", name="la Vila de Gràcia").is_visible()
    assert page.locator("svg.city-map circle.marker").count() == 1
    assert page.remote_requests == []


def test_visitor_proposes_an_initiative(providers, page):
    page.goto("/ca/directori/")
    with page.expect_navigation():
        page.get_by_role("link", name="Proposa una iniciativa").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Envia la proposta").click()
    assert page.get_by_role("heading", name="Corregeix aquests camps:").is_visible()  # nothing sent
    page.get_by_label("Nom de la iniciativa").fill("Cooperativa La Formiga")
    page.get_by_label("El teu correu electrònic").fill("veina@example.org")
    with page.expect_navigation():
        page.get_by_role("button", name="Envia la proposta").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Gràcies per la teva proposta"
    assert Initiative.objects.get(name="Cooperativa La Formiga").live is False


def test_visitor_near_me_sees_the_nearest_first_with_distances(providers, chromium, live_server):
    context = chromium.new_context(
        base_url=live_server.url,
        locale="ca-ES",
        geolocation={"latitude": 41.4011, "longitude": 2.1575},  # beside the bike workshop, in Gràcia
        permissions=["geolocation"],
    )
    page = context.new_page()
    page.goto("/ca/directori/")
    with page.expect_navigation():
        page.get_by_role("button", name="A prop meu").click()
    assert "a_prop=41.4011%2C2.1575" in page.url
    expect(page.locator(".results h3").first).to_have_text("BiciTaller de Gràcia")
    distances = page.locator(".results .distance").all_inner_texts()
    assert distances[0] == "10 m" and distances[-1].endswith(" km")  # the Poblenou one, 3.6 km away

    page.get_by_label("A menys de").select_option("500")
    with page.expect_navigation():
        page.get_by_role("button", name="Aplica els filtres").click()
    expect(page.locator(".results h3")).to_have_count(2)  # the two in Gràcia
    close(context)


def test_zero_results_lead_to_results(providers, page):
    page.goto("/ca/directori/?districte=sant-marti&q=bicitaller")
    expect(page.get_by_role("heading", name="0 iniciatives")).to_be_visible()
    with page.expect_navigation():
        page.get_by_role("link", name="A tota la ciutat").click()
    expect(page.locator(".results h3")).to_have_text(["BiciTaller de Gràcia"])
    assert page.remote_requests == []
