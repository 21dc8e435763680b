"""A visitor opens the home page in Chromium."""

import re

import pytest
from playwright.sync_api import expect

from directori.models import EssFamily, Initiative
from tests.browser.conftest import close

# serialized_rollback: Wagtail's root page and default groups come from migrations, which a
# transactional test's flush would otherwise erase for the tests after it.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_visitor_reads_the_home_page_and_switches_language(seeded, page):
    page.goto("/")
    assert page.url.endswith("/ca/")
    assert page.locator("html").get_attribute("lang") == "ca"
    assert page.get_by_role("heading", level=1).inner_text() == (
        "L'economia social i solidària de Barcelona, a prop teu"
    )
    nav = page.get_by_role("navigation", name="Principal")
    assert nav.get_by_role("link").all_inner_texts() == [
        "Directori",
        "Mapa",
        "Sectors",
        "Col·laboracions",
        "Cerca",
    ]

    # The first Tab shows the skip link, and following it moves focus to the content.
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Salta al contingut")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.bounding_box()["y"] >= 0, "the focused skip link must be on screen"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    page.get_by_role("navigation", name="Idioma").get_by_role("link", name="English").click()
    page.wait_for_url("**/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Barcelona's social and solidarity economy, near you"
    )
    assert page.remote_requests == []


def test_home_page_fits_a_phone_screen(seeded, chromium, live_server):
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, locale="ca-ES"
    )
    phone = context.new_page()
    phone.goto("/ca/")
    overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px on a 390px screen"
    assert (
        phone.get_by_role("navigation", name="Principal").get_by_role("link", name="Directori").is_visible()
    )
    close(context)


def test_visitor_searches_by_need_from_the_home_page(seeded, page):
    for name in ("Mediació Familiar Gràcia", "Mediació del Poblenou", "BiciTaller de Gràcia"):
        Initiative.objects.create(
            name=name,
            family=EssFamily.objects.get(slug="associacio"),
            description=f"<p>{name}.</p>",
            live=True,
        )
    page.goto("/ca/")
    box = page.get_by_label("Què busques?")
    box.press_sequentially("mediaci", delay=30)
    options = page.locator("#finder-suggestions option")
    options.first.wait_for(state="attached")
    assert "Mediació Familiar Gràcia" in [o.get_attribute("value") for o in options.all()]

    box.fill("mediació")
    with page.expect_navigation():  # read the directory, not the page being left
        box.press("Enter")
    assert "/ca/directori/?q=mediaci%C3%B3" in page.url
    results = page.locator(".result h3")
    assert sorted(results.all_inner_texts()) == ["Mediació Familiar Gràcia", "Mediació del Poblenou"]
    assert page.remote_requests == []


def test_visitor_goes_from_the_home_page_to_the_map(seeded, page):
    page.goto("/ca/")
    page.get_by_role("link", name="Mira el mapa").click()
    expect(page).to_have_url(re.compile(r"/ca/mapa/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Mapa")
    expect(page.get_by_role("region", name="Mapa", exact=True)).to_be_visible()


def test_home_page_search_box_is_above_the_fold_on_a_phone(seeded, chromium, live_server):
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, locale="ca-ES"
    )
    phone = context.new_page()
    phone.goto("/ca/")
    box = phone.get_by_label("Què busques?").bounding_box()
    search = phone.get_by_role("button", name="Cerca", exact=True).bounding_box()
    for what, place in (("search box", box), ("its button", search)):
        assert place["y"] + place["height"] <= 844, f"the {what} is below the fold: {place}"
    assert box["width"] >= 200, "the box is wide enough to type in"
    assert phone.get_by_role("link", name="Mira el mapa").is_visible()
    close(context)
